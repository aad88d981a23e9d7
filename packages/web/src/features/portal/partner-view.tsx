import type { PublicOrganisationPage, ShownText } from "@conventio/domain";
import { Anchor, Card, List, SimpleGrid, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useCountryName } from "../../lib/countries";
import { useFormatPeriod } from "../../lib/format";
import { Facts } from "../../ui/facts";
import { AnchorLink } from "../../ui/links";
import { PageHeader } from "../../ui/page-header";
import { Section } from "../../ui/section";
import { Shown } from "./shown";

function PartnerLink({ id, name }: { id: string; name: ShownText }) {
  return (
    <AnchorLink to="/partners/$organisationId" params={{ organisationId: id }}>
      <Shown value={name} />
    </AnchorLink>
  );
}

/** A partner's public page, as the server assembled it in the reader's language. */
export function PartnerView({ page }: { page: PublicOrganisationPage }) {
  const { t } = useTranslation();
  const countryName = useCountryName();
  const period = useFormatPeriod();
  const { organisation: o, units, memberOf, members, partnerships } = page;
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
