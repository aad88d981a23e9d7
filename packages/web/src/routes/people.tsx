import { Table, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { createRoute, useNavigate } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { usePeopleList } from "../features/people/person-queries";
import { useCan } from "../lib/session";
import { ExportMenu } from "../ui/export-menu";
import { AnchorLink, ButtonLink } from "../ui/links";
import { LoadMore } from "../ui/load-more";
import { TableSkeleton } from "../ui/loading";
import { PageHeader } from "../ui/page-header";
import { ProblemAlert } from "../ui/problem-alert";
import { ScrollTable } from "../ui/scroll-table";
import { TableHead } from "../ui/table-head";
import { internalRoute } from "./internal";

function PeoplePage() {
  const { t } = useTranslation();
  const { q: initial } = peopleRoute.useSearch();
  const navigate = useNavigate({ from: "/people" });
  const canEdit = useCan("editor");
  const [q, setQ] = useState(initial ?? "");
  const [debounced] = useDebouncedValue(q.trim(), 250);
  useEffect(() => {
    void navigate({ search: debounced ? { q: debounced } : {}, replace: true });
  }, [debounced, navigate]);
  const list = usePeopleList(debounced || undefined);
  const { items } = list;
  return (
    <>
      <PageHeader
        title={t("people.title")}
        subtitle={t("people.subtitle")}
        actions={
          <>
            <ExportMenu kind="people" filters={{ q: debounced }} />
            {canEdit && <ButtonLink to="/people/new">{t("people.new")}</ButtonLink>}
          </>
        }
      />
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
              <TableHead
                columns={[
                  t("people.fields.name"),
                  t("people.fields.title"),
                  t("people.fields.organisation"),
                  t("people.fields.email"),
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
  validateSearch: (search: Record<string, unknown>): { q?: string } =>
    typeof search.q === "string" && search.q.trim() ? { q: search.q.trim() } : {},
  component: PeoplePage,
});
