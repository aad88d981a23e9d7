import type { PublicPartnershipPage } from "@conventio/domain";
import { Anchor, Badge, Card, Group, List, SimpleGrid, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { useFormatDate, useFormatPeriod } from "../../lib/format";
import { AnchorLink } from "../../ui/links";
import { PageHeader } from "../../ui/page-header";
import { Section } from "../../ui/section";
import { useFormatEventTime } from "../events/event-format";
import { NewsLinks } from "../news/news-links";
import { PublicPictures } from "../pictures/public-pictures";
import {
  ActivitiesSection,
  AxesSection,
  CommitmentsSection,
  GovernanceSection,
  HistorySection,
  OrganisationName,
  SignatoriesSection,
} from "./partnership-sections";
import { Shown } from "./shown";

/** A partnership's public page, as the server assembled it in the reader's language. */
export function PartnershipView({ page }: { page: PublicPartnershipPage }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const period = useFormatPeriod();
  const formatTime = useFormatEventTime();
  const { agreement: a, events, news } = page;
  return (
    <Stack gap="lg">
      <PageHeader
        title={a.title.text}
        titleLang={a.title.lang}
        subtitle={`${t(`agreementKinds.${a.kind}`)} · ${a.endsOn ? period(a.startsOn, a.endsOn) : a.startsOn ? period(a.startsOn, null) : t("agreements.detail.openEnded")}`}
        actions={
          page.preview ? undefined : <Anchor href={api.portal.calendarUrl(a.id)}>{t("portal.calendarFeed")}</Anchor>
        }
      />
      {a.summary && (
        <Text size="lg">
          <Shown value={a.summary} />
        </Text>
      )}
      <PublicPictures owner={{ kind: "agreement", id: a.id }} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Section title={t("agreements.fields.parties")}>
          <Stack gap={4} component="ul" className="plain-list">
            {a.parties.map((p) => (
              <li key={p.organisation.id}>
                <OrganisationName org={p.organisation} />{" "}
                <Text span size="sm" c="dimmed">
                  · {t(`partyRoles.${p.role}`)}
                  {p.responsibleUnit && (
                    <>
                      {" · "}
                      <OrganisationName org={p.responsibleUnit} />
                    </>
                  )}
                </Text>
              </li>
            ))}
          </Stack>
          {a.signedOn && (
            <Text size="sm" mt="sm">
              {t("portal.signedOn", { date: formatDate(a.signedOn) })}
            </Text>
          )}
          {(a.themes.length > 0 || a.fields.length > 0) && (
            <Group gap={6} mt="sm" aria-label={t("agreements.fields.themes")} role="list">
              {a.themes.map((theme) => (
                <Badge key={theme.text} variant="light" tt="none" role="listitem">
                  <Shown value={theme} />
                </Badge>
              ))}
              {a.fields.map((f) => (
                <Badge key={f.code} variant="outline" color="gray" tt="none" role="listitem">
                  {f.name}
                </Badge>
              ))}
            </Group>
          )}
        </Section>
        <Section title={t("agreements.fields.objectives")}>
          {a.objectives.length === 0 ? (
            <Text c="dimmed">{t("agreements.detail.none")}</Text>
          ) : (
            <List>
              {a.objectives.map((o) => (
                <List.Item key={o}>{o}</List.Item>
              ))}
            </List>
          )}
        </Section>
      </SimpleGrid>
      <SignatoriesSection agreement={a} />
      <CommitmentsSection agreement={a} />
      <AxesSection agreement={a} />
      <HistorySection page={page} />
      <GovernanceSection page={page} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Section title={t("portal.calendar")}>
          {events.length === 0 ? (
            <Text c="dimmed">{t("events.none")}</Text>
          ) : (
            <Stack gap="xs" component="ul" className="plain-list">
              {events.map((e) => (
                <li key={e.id}>
                  <AnchorLink to="/events/$eventId" params={{ eventId: e.id }}>
                    {e.title}
                  </AnchorLink>
                  <Text size="sm">
                    {formatTime(e)}
                    {e.place && ` · ${e.place}`}
                  </Text>
                </li>
              ))}
            </Stack>
          )}
        </Section>
        <Section title={t("news.title")}>
          {news.length === 0 ? <Text c="dimmed">{t("portal.noNews")}</Text> : <NewsLinks posts={news} />}
        </Section>
      </SimpleGrid>
      <ActivitiesSection page={page} />
      {!page.preview && (
        <Card withBorder>
          <AnchorLink to="/partnerships">{t("portal.allPartnerships")}</AnchorLink>
        </Card>
      )}
    </Stack>
  );
}
