import type { OrganisationKind } from "@conventio/domain";
import { Group, Table, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { createRoute } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { KindBadge, KindSelect } from "../features/organisations/kind-select";
import { PartnerView } from "../features/portal/partner-view";
import { Shown } from "../features/portal/shown";
import { api } from "../lib/api";
import { useCountryName, useLanguage } from "../lib/countries";
import { useKeysetList } from "../lib/use-keyset-list";
import { AnchorLink } from "../ui/links";
import { LoadMore } from "../ui/load-more";
import { Loading } from "../ui/loading";
import { PageHeader } from "../ui/page-header";
import { ProblemAlert } from "../ui/problem-alert";
import { TableHead } from "../ui/table-head";
import { rootRoute } from "./root";

/** The public directory of partners, networks and programmes, searchable as you type, named in the reader's language. */
function PartnersPage() {
  const { t } = useTranslation();
  const countryName = useCountryName();
  const [q, setQ] = useState("");
  const [kind, setKind] = useState<OrganisationKind | null>(null);
  const [debounced] = useDebouncedValue(q, 250);
  const filters = { q: debounced.trim() || undefined, kind: kind ?? undefined };
  const lang = useLanguage();
  const list = useKeysetList(["public", "organisations", filters, lang], (cursor) =>
    api.portal.organisations(filters, cursor, lang),
  );
  const items = list.items;
  return (
    <>
      <PageHeader title={t("portal.partnersTitle")} subtitle={t("portal.partnersSubtitle")} />
      <search aria-label={t("organisations.filters.label")}>
        <Group gap="sm" mb="lg" align="flex-end">
          <TextInput
            type="search"
            label={t("organisations.filters.search")}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            w={320}
          />
          <KindSelect
            label={t("organisations.fields.kind")}
            placeholder={t("organisations.filters.any")}
            clearable
            value={kind}
            onChange={setKind}
          />
        </Group>
      </search>
      {list.isError && <ProblemAlert error={list.error} />}
      {list.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <Text c="dimmed">{t("common.nothingFound")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table striped verticalSpacing="xs">
            <TableHead
              columns={[
                t("organisations.fields.name"),
                t("organisations.fields.kind"),
                t("organisations.fields.country"),
              ]}
            />
            <Table.Tbody>
              {items.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td>
                    <AnchorLink to="/partners/$organisationId" params={{ organisationId: o.id }} fw={500}>
                      <Shown value={o.shown} />
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>
                    <KindBadge kind={o.kind} />
                  </Table.Td>
                  <Table.Td>{[o.city, countryName(o.countryCode)].filter(Boolean).join(", ")}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMore list={list} />
    </>
  );
}

/** One partner as the public sees it: its facts, networks, members, units and public partnerships. */
function PartnerPage() {
  const { i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? "en";
  const { organisationId } = partnerRoute.useParams();
  const query = useQuery({
    queryKey: ["public", "organisation", organisationId, lang],
    queryFn: () => api.portal.organisation(organisationId, lang),
  });
  if (query.isError) return <ProblemAlert error={query.error} />;
  if (!query.data) return <Loading />;
  return <PartnerView page={query.data} />;
}

export const partnersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/partners",
  component: PartnersPage,
});

export const partnerRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/partners/$organisationId",
  component: PartnerPage,
});
