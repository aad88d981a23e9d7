import {
  AGREEMENT_KINDS,
  AGREEMENT_SORTS,
  AGREEMENT_STATUSES,
  type AgreementSort,
  type SortOrder,
} from "@conventio/domain";
import { Text } from "@mantine/core";
import { createRoute, useNavigate } from "@tanstack/react-router";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { AgreementBulkActions } from "../features/agreements/agreement-bulk-actions";
import { AgreementFilters } from "../features/agreements/agreement-filters";
import { useAgreementList } from "../features/agreements/agreement-queries";
import { AgreementTable } from "../features/agreements/agreement-table";
import type { AgreementFilters as Filters } from "../lib/api";
import { textParam } from "../lib/search-params";
import { useCan } from "../lib/session";
import { ExportMenu } from "../ui/export-menu";
import { ButtonLink } from "../ui/links";
import { LoadMore } from "../ui/load-more";
import { TableSkeleton } from "../ui/loading";
import { PageHeader } from "../ui/page-header";
import { ProblemAlert } from "../ui/problem-alert";
import { SavedViews } from "../ui/saved-views";
import { internalRoute } from "./internal";

/** The URL's filters, kept only when they make sense. */
export function validateAgreementSearch(search: Record<string, unknown>): Filters {
  const kind = AGREEMENT_KINDS.find((k) => k === search.kind);
  const status = AGREEMENT_STATUSES.find((s) => s === search.status);
  const country = textParam(search.country)?.toUpperCase();
  const days = Number(search.expiringWithinDays);
  const sort = AGREEMENT_SORTS.find((s) => s === search.sort);
  const order = search.order === "desc" ? "desc" : undefined;
  return {
    ...(textParam(search.q) ? { q: textParam(search.q) } : {}),
    ...(kind ? { kind } : {}),
    ...(status ? { status } : {}),
    ...(textParam(search.partner) ? { partner: textParam(search.partner) } : {}),
    ...(country && /^[A-Z]{2}$/.test(country) ? { country } : {}),
    ...(textParam(search.theme) ? { theme: textParam(search.theme) } : {}),
    ...(Number.isInteger(days) && days >= 0 && days <= 3650 && search.expiringWithinDays !== undefined
      ? { expiringWithinDays: days }
      : {}),
    ...(sort && sort !== "title" ? { sort } : {}),
    ...(order ? { order } : {}),
  };
}

function AgreementsPage() {
  const { t } = useTranslation();
  const filters = agreementsRoute.useSearch();
  const navigate = useNavigate({ from: "/agreements" });
  const canEdit = useCan("editor");
  const list = useAgreementList(filters);
  const { items } = list;
  // Typing refines the current view in place; a new sort is a step of history that back undoes.
  const setFilters = useCallback(
    (next: Filters, replace = true) => void navigate({ search: validateAgreementSearch({ ...next }), replace }),
    [navigate],
  );
  const onSort = useCallback(
    (sort: AgreementSort, order: SortOrder) => setFilters({ ...filters, sort, order }, false),
    [filters, setFilters],
  );
  // Opening a saved view sets the search box from outside: the filters start afresh from it.
  const [opened, setOpened] = useState(0);
  const openView = useCallback(
    (search: Record<string, unknown>) => {
      setFilters(validateAgreementSearch(search), false);
      setOpened((n) => n + 1);
    },
    [setFilters],
  );
  // Only editors act on several rows; the selection is of rows on screen, dropped with the view.
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const clearSelection = useCallback(() => setSelected(new Set()), []);
  const selection = canEdit ? { selected, onChange: setSelected } : undefined;
  const sorting = { sort: filters.sort ?? "title", order: filters.order ?? "asc", onSort } as const;
  return (
    <>
      <PageHeader
        title={t("agreements.title")}
        subtitle={t("agreements.subtitle")}
        actions={
          <>
            <ExportMenu kind="agreements" filters={filters} />
            {canEdit && (
              <>
                <ButtonLink to="/agreements/new" search={{ past: true }} variant="default">
                  {t("agreements.past.button")}
                </ButtonLink>
                <ButtonLink to="/agreements/new">{t("agreements.new")}</ButtonLink>
              </>
            )}
          </>
        }
      />
      <SavedViews list="agreements" current={filters} onOpen={openView} />
      <AgreementFilters key={opened} filters={filters} onChange={setFilters} />
      {canEdit && <AgreementBulkActions selected={selected} onDone={clearSelection} />}
      {list.isError && <ProblemAlert error={list.error} />}
      <Text size="sm" c="dimmed" mb="xs" role="status">
        {list.isPending
          ? ""
          : list.hasNextPage
            ? t("agreements.countMore", { count: items.length })
            : t("agreements.count", { count: items.length })}
      </Text>
      {list.isPending ? (
        <TableSkeleton />
      ) : (
        items.length > 0 && <AgreementTable items={items} sorting={sorting} selection={selection} />
      )}
      <LoadMore list={list} />
    </>
  );
}

export const agreementsRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: "/agreements",
  validateSearch: validateAgreementSearch,
  component: AgreementsPage,
});
