import type { OrganisationKind, ShownText } from "@conventio/domain";
import { Anchor, Card, Group, List, SimpleGrid, Stack, Table, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { createRoute } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { KindBadge, KindSelect } from "../features/organisations/kind-select";
import { Shown } from "../features/portal/shown";
import { api } from "../lib/api";
import { useCountryName } from "../lib/countries";
import { useFormatPeriod } from "../lib/format";
import { useKeysetList } from "../lib/use-keyset-list";
import { Facts } from "../ui/facts";
import { AnchorLink } from "../ui/links";
import { LoadMore } from "../ui/load-more";
import { Loading } from "../ui/loading";
import { PageHeader } from "../ui/page-header";
import { ProblemAlert } from "../ui/problem-alert";
import { Section } from "../ui/section";
import { TableHead } from "../ui/table-head";
import { rootRoute } from "./root";

/** The public directory of partners, networks and programmes, searchable as you type. */
function PartnersPage() {
  const { t } = useTranslation();
  const countryName = useCountryName();
  const [q, setQ] = useState("");
  const [kind, setKind] = useState<OrganisationKind | null>(null);
  const [debounced] = useDebouncedValue(q, 250);
  const filters = { q: debounced.trim() || undefined, kind: kind ?? undefined };
  const list = useKeysetList(["public", "organisations", filters], (cursor) =>
    api.portal.organisations(filters, cursor),
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
                      {o.name}
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

function PartnerLink({ id, name }: { id: string; name: ShownText }) {
  return (
    <AnchorLink to="/partners/$organisationId" params={{ organisationId: id }}>
      <Shown value={name} />
    </AnchorLink>
  );
}

/** One partner as the public sees it: its facts, networks, members, units and public partnerships. */
function PartnerPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? "en";
  const countryName = useCountryName();
  const period = useFormatPeriod();
  const { organisationId } = partnerRoute.useParams();
  const query = useQuery({
    queryKey: ["public", "organisation", organisationId, lang],
    queryFn: () => api.portal.organisation(organisationId, lang),
  });
  if (query.isError) return <ProblemAlert error={query.error} />;
  if (!query.data) return <Loading />;
  const { organisation: o, units, memberOf, members, partnerships } = query.data;
  return (
    <Stack gap="lg">
      <PageHeader
        title={o.name.text}
        titleLang={o.name.lang}
        subtitle={[t(`kinds.${o.kind}`), o.city, countryName(o.countryCode)].filter(Boolean).join(" · ")}
      />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Section title={t("portal.aboutPartner")}>
          <Facts
            items={[
              [t("organisations.fields.acronym"), o.acronym],
              [
                t("organisations.fields.website"),
                o.website && (
                  <Anchor href={o.website} rel="noopener">
                    {o.website}
                  </Anchor>
                ),
              ],
              [t("organisations.fields.parent"), o.parent && <PartnerLink {...o.parent} />],
              [
                t("organisations.fields.names"),
                o.names.length > 0 &&
                  o.names.map((n, i) => (
                    <span key={n.lang}>
                      {i > 0 && " · "}
                      <span lang={n.lang}>{n.value}</span>
                    </span>
                  )),
              ],
            ]}
          />
          {o.description && (
            <Text mt="md" style={{ whiteSpace: "pre-line" }}>
              {o.description}
            </Text>
          )}
        </Section>
        <Section title={t("portal.partnershipsOf")}>
          {partnerships.length === 0 ? (
            <Text c="dimmed">{t("agreements.detail.none")}</Text>
          ) : (
            <List spacing={4}>
              {partnerships.map((a) => (
                <List.Item key={a.id}>
                  <AnchorLink to="/partnerships/$agreementId" params={{ agreementId: a.id }}>
                    <Shown value={a.title} />
                  </AnchorLink>{" "}
                  <Text span size="sm" c="dimmed">
                    · {t(`agreementKinds.${a.kind}`)} · {period(a.signedOn ?? a.startsOn, a.endsOn)}
                  </Text>
                </List.Item>
              ))}
            </List>
          )}
        </Section>
        {memberOf.length > 0 && (
          <Section title={t("portal.memberOf")}>
            <List spacing={4}>
              {memberOf.map((m) => (
                <List.Item key={m.network.id}>
                  <PartnerLink {...m.network} />{" "}
                  {(m.since || m.until) && (
                    <Text span size="sm" c="dimmed">
                      · {period(m.since, m.until)}
                    </Text>
                  )}
                </List.Item>
              ))}
            </List>
          </Section>
        )}
        {members.length > 0 && (
          <Section title={t("portal.members")}>
            <List spacing={4}>
              {members.map((m) => (
                <List.Item key={m.member.id}>
                  <PartnerLink {...m.member} />
                </List.Item>
              ))}
            </List>
          </Section>
        )}
        {units.length > 0 && (
          <Section title={t("portal.units")}>
            <List spacing={4}>
              {units.map((u) => (
                <List.Item key={u.id}>
                  <PartnerLink {...u} />
                </List.Item>
              ))}
            </List>
          </Section>
        )}
      </SimpleGrid>
      <Card withBorder>
        <AnchorLink to="/partners">{t("portal.allPartners")}</AnchorLink>
      </Card>
    </Stack>
  );
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
