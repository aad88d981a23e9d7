import { PERSON_SORTS, type PersonSort, type SortOrder } from "@conventio/domain";
import { Table, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { createRoute, useNavigate } from "@tanstack/react-router";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../lib/api";
import { useCan } from "../lib/session";
import { useKeysetList } from "../lib/use-keyset-list";
import { ExportMenu } from "../ui/export-menu";
import { AnchorLink, ButtonLink } from "../ui/links";
import { LoadMore } from "../ui/load-more";
import { TableSkeleton } from "../ui/loading";
import { PageHeader } from "../ui/page-header";
import { ProblemAlert } from "../ui/problem-alert";
import { SavedViews } from "../ui/saved-views";
import { ScrollTable } from "../ui/scroll-table";
import { SortableTableHead } from "../ui/sortable-head";
import { internalRoute } from "./internal";

/** What the people list's address holds: the search, and the sort when it is not by name. */
interface PeopleSearch {
  q?: string;
  sort?: PersonSort;
  order?: SortOrder;
}

/** The address without what is the default (an empty search, by name, ascending). */
function searchOf(q: string, sort: PersonSort, order: SortOrder): PeopleSearch {
  return { ...(q ? { q } : {}), ...(sort !== "name" ? { sort } : {}), ...(order === "desc" ? { order } : {}) };
}

/** The address's search, sort and order, kept only when they make sense. */
function validatePeopleSearch(search: Record<string, unknown>): PeopleSearch {
  return searchOf(
    typeof search.q === "string" ? search.q.trim() : "",
    PERSON_SORTS.find((s) => s === search.sort) ?? "name",
    search.order === "desc" ? "desc" : "asc",
  );
}

function PeoplePage() {
  const { t } = useTranslation();
  const { q: initial, sort = "name", order = "asc" } = peopleRoute.useSearch();
  const navigate = useNavigate({ from: "/people" });
  const canEdit = useCan("editor");
  const [q, setQ] = useState(initial ?? "");
  const [debounced] = useDebouncedValue(q.trim(), 250);
  // Typing refines the list in place; a new sort is a step of history that back undoes.
  useEffect(() => {
    void navigate({
      search: (prev: PeopleSearch) => searchOf(debounced, prev.sort ?? "name", prev.order ?? "asc"),
      replace: true,
    });
  }, [debounced, navigate]);
  const onSort = useCallback(
    (next: PersonSort, nextOrder: SortOrder) => void navigate({ search: searchOf(initial ?? "", next, nextOrder) }),
    [initial, navigate],
  );
  const openView = useCallback(
    (search: Record<string, unknown>) => {
      const next = validatePeopleSearch(search);
      setQ(next.q ?? "");
      void navigate({ search: next });
    },
    [navigate],
  );
  // The list reads the address, which the search box reaches once typing settles.
  const list = useKeysetList(["people", "list", initial ?? "", sort, order], (cursor) =>
    api.people.list({ q: initial || undefined, sort, order }, cursor),
  );
  const { items } = list;
  return (
    <>
      <PageHeader
        title={t("people.title")}
        subtitle={t("people.subtitle")}
        actions={
          <>
            <ExportMenu kind="people" filters={{ q: initial }} />
            {canEdit && <ButtonLink to="/people/new">{t("people.new")}</ButtonLink>}
          </>
        }
      />
      <SavedViews list="people" current={{ q: initial, sort, order }} onOpen={openView} />
      <search>
        <TextInput
          label={t("people.search")}
          type="search"
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          mb="lg"
          maw={480}
        />
      </search>
      {list.isError && <ProblemAlert error={list.error} />}
      <Text size="sm" c="dimmed" mb="xs" role="status">
        {list.isPending
          ? ""
          : list.hasNextPage
            ? t("people.countMore", { count: items.length })
            : t("people.count", { count: items.length })}
      </Text>
      {list.isPending ? (
        <TableSkeleton />
      ) : (
        items.length > 0 && (
          <ScrollTable minWidth={640} label={t("people.title")}>
            <Table striped highlightOnHover verticalSpacing="xs">
              <SortableTableHead
                sort={sort}
                order={order}
                onSort={onSort}
                columns={[
                  { id: "name", label: t("people.fields.name"), sort: "name" },
                  { id: "title", label: t("people.fields.title"), sort: "title" },
                  { id: "organisation", label: t("people.fields.organisation") },
                  { id: "email", label: t("people.fields.email") },
                ]}
              />
              <Table.Tbody>
                {items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <AnchorLink to="/people/$personId" params={{ personId: p.id }} fw={500}>
                        {p.givenName} {p.familyName}
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td>{p.title}</Table.Td>
                    <Table.Td>
                      {p.organisation && (
                        <AnchorLink to="/organisations/$organisationId" params={{ organisationId: p.organisation.id }}>
                          {p.organisation.name}
                        </AnchorLink>
                      )}
                    </Table.Td>
                    <Table.Td>{p.email}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )
      )}
      <LoadMore list={list} />
    </>
  );
}

export const peopleRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: "/people",
  validateSearch: validatePeopleSearch,
  component: PeoplePage,
});
