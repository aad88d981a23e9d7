import {
  ORGANISATION_KINDS,
  ORGANISATION_SORTS,
  type OrganisationKind,
  type OrganisationSort,
  type SortOrder,
} from "@conventio/domain";
import { Text } from "@mantine/core";
import { createRoute, useNavigate } from "@tanstack/react-router";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { OrganisationFilters } from "../features/organisations/organisation-filters";
import { useOrganisationList } from "../features/organisations/organisation-queries";
import { OrganisationTable } from "../features/organisations/organisation-table";
import type { OrganisationFilters as Filters } from "../lib/api";
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

function validateSearch(search: Record<string, unknown>): Filters {
  const kind = ORGANISATION_KINDS.find((k) => k === search.kind) as OrganisationKind | undefined;
  const country = textParam(search.country)?.toUpperCase();
  const sort = ORGANISATION_SORTS.find((s) => s === search.sort);
  return {
    ...(textParam(search.q) ? { q: textParam(search.q) } : {}),
    ...(kind ? { kind } : {}),
    ...(country && /^[A-Z]{2}$/.test(country) ? { country } : {}),
    ...(textParam(search.network) ? { network: textParam(search.network) } : {}),
    ...(sort && sort !== "name" ? { sort } : {}),
    ...(search.order === "desc" ? { order: "desc" as const } : {}),
  };
}

function OrganisationsPage() {
  const { t } = useTranslation();
  const filters = organisationsRoute.useSearch();
  const navigate = useNavigate({ from: "/organisations" });
  const canEdit = useCan("editor");
  const list = useOrganisationList(filters);
  const { items } = list;
  // Typing refines the current view in place; a new sort is a step of history that back undoes.
  const setFilters = useCallback(
    (next: Filters, replace = true) => void navigate({ search: validateSearch({ ...next }), replace }),
    [navigate],
  );
  const onSort = useCallback(
    (sort: OrganisationSort, order: SortOrder) => setFilters({ ...filters, sort, order }, false),
    [filters, setFilters],
  );
  const sorting = { sort: filters.sort ?? "name", order: filters.order ?? "asc", onSort } as const;
  // Opening a saved view is a step of history; the filters start again from it.
  const [opened, setOpened] = useState(0);
  const openView = useCallback(
    (search: Record<string, unknown>) => {
      setFilters(validateSearch(search), false);
      setOpened((n) => n + 1);
    },
    [setFilters],
  );
  return (
    <>
      <PageHeader
        title={t("organisations.title")}
        subtitle={t("organisations.subtitle")}
        actions={
          <>
            <ExportMenu kind="organisations" filters={filters} />
            {canEdit && (
              <>
                <ButtonLink to="/registry" variant="default">
                  {t("nav.registry")}
                </ButtonLink>
                <ButtonLink to="/organisations/new">{t("organisations.new")}</ButtonLink>
              </>
            )}
          </>
        }
      />
      <SavedViews list="organisations" current={filters} onOpen={openView} />
      <OrganisationFilters key={opened} filters={filters} onChange={setFilters} />
      {list.isError && <ProblemAlert error={list.error} />}
      <Text size="sm" c="dimmed" mb="xs" role="status">
        {list.isPending
          ? ""
          : list.hasNextPage
            ? t("organisations.countMore", { count: items.length })
            : t("organisations.count", { count: items.length })}
      </Text>
      {list.isPending ? <TableSkeleton /> : items.length > 0 && <OrganisationTable items={items} sorting={sorting} />}
      <LoadMore list={list} />
    </>
  );
}

export const organisationsRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: "/organisations",
  validateSearch,
  component: OrganisationsPage,
});
