import {
  ACTIVITY_KINDS,
  ACTIVITY_SORTS,
  ACTIVITY_STATUSES,
  type ActivitySort,
  defaultActivityOrder,
  type SortOrder,
} from "@conventio/domain";
import { Select, SimpleGrid, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { createRoute, useNavigate } from "@tanstack/react-router";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ActivityTable } from "../features/activities/activity-table";
import { PartnerFilter } from "../features/organisations/partner-filter";
import { type ActivityFilters, api } from "../lib/api";
import { useCan } from "../lib/session";
import { useKeysetList } from "../lib/use-keyset-list";
import { ExportMenu } from "../ui/export-menu";
import { ButtonLink } from "../ui/links";
import { LoadMore } from "../ui/load-more";
import { TableSkeleton } from "../ui/loading";
import { PageHeader } from "../ui/page-header";
import { ProblemAlert } from "../ui/problem-alert";
import { SavedViews } from "../ui/saved-views";
import { internalRoute } from "./internal";

function validateSearch(search: Record<string, unknown>): ActivityFilters {
  const kind = ACTIVITY_KINDS.find((k) => k === search.kind);
  const status = ACTIVITY_STATUSES.find((s) => s === search.status);
  const q = typeof search.q === "string" && search.q.trim() ? search.q.trim() : undefined;
  const agreement = typeof search.agreement === "string" && search.agreement ? search.agreement : undefined;
  const partner = typeof search.partner === "string" && search.partner ? search.partner : undefined;
  // The address holds the sort and order only where they differ from the list's own (latest first).
  const sort = ACTIVITY_SORTS.find((s) => s === search.sort && s !== "date");
  const order = search.order === "asc" || search.order === "desc" ? search.order : undefined;
  return {
    ...(kind ? { kind } : {}),
    ...(status ? { status } : {}),
    ...(q ? { q } : {}),
    ...(agreement ? { agreement } : {}),
    ...(partner ? { partner } : {}),
    ...(sort ? { sort } : {}),
    ...(order && order !== defaultActivityOrder(sort) ? { order } : {}),
  };
}

function ActivitiesPage() {
  const { t } = useTranslation();
  const filters = activitiesRoute.useSearch();
  const navigate = useNavigate({ from: "/activities" });
  const canEdit = useCan("editor");
  const [q, setQ] = useState(filters.q ?? "");
  const [debounced] = useDebouncedValue(q, 250);
  // Typing reaches the address once it settles; while the box and its settled value differ (typing,
  // or a saved view just opened with its own search) the address is left as it is.
  useEffect(() => {
    if (q.trim() === debounced.trim() && (filters.q ?? "") !== debounced.trim())
      void navigate({ search: validateSearch({ ...filters, q: debounced }), replace: true });
  }, [q, debounced, filters, navigate]);
  const sorting = {
    sort: filters.sort ?? "date",
    order: filters.order ?? defaultActivityOrder(filters.sort),
    // A new sort is a step of history that back undoes.
    onSort: useCallback(
      (sort: ActivitySort, order: SortOrder) => void navigate({ search: validateSearch({ ...filters, sort, order }) }),
      [filters, navigate],
    ),
  };
  const openView = useCallback(
    (search: Record<string, unknown>) => {
      const next = validateSearch(search);
      setQ(next.q ?? "");
      void navigate({ search: next });
    },
    [navigate],
  );
  const list = useKeysetList(["activities", "list", filters], (cursor) => api.activities.list(filters, cursor));
  const items = list.items;
  return (
    <>
      <PageHeader
        title={t("activities.title")}
        subtitle={t("activities.subtitle")}
        actions={
          <>
            <ExportMenu kind="activities" filters={filters} />
            {canEdit && <ButtonLink to="/activities/new">{t("activities.new")}</ButtonLink>}
          </>
        }
      />
      <SavedViews list="activities" current={filters} onOpen={openView} />
      <search aria-label={t("activities.filter")}>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} mb="lg">
          <TextInput
            type="search"
            label={t("agreements.filters.search")}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
          />
          <Select
            label={t("activities.fields.kind")}
            placeholder={t("agreements.filters.any")}
            clearable
            searchable
            data={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`activityKinds.${k}`) }))}
            value={filters.kind ?? null}
            onChange={(kind) => void navigate({ search: validateSearch({ ...filters, kind }), replace: true })}
          />
          <Select
            label={t("activities.fields.status")}
            placeholder={t("agreements.filters.any")}
            clearable
            data={ACTIVITY_STATUSES.map((s) => ({ value: s, label: t(`activityStatus.${s}`) }))}
            value={filters.status ?? null}
            onChange={(status) => void navigate({ search: validateSearch({ ...filters, status }), replace: true })}
          />
          <PartnerFilter
            label={t("agreements.filters.partner")}
            value={filters.partner}
            onChange={(partner) => void navigate({ search: validateSearch({ ...filters, partner }), replace: true })}
          />
        </SimpleGrid>
      </search>
      {list.isError && <ProblemAlert error={list.error} />}
      {list.isPending ? <TableSkeleton /> : <ActivityTable items={items} sorting={sorting} />}
      <LoadMore list={list} />
    </>
  );
}

export const activitiesRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: "/activities",
  validateSearch,
  component: ActivitiesPage,
});
