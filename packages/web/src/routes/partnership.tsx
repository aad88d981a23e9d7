import { Anchor, Badge, Card, Group, List, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { createRoute } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useFormatEventTime } from "../features/events/event-format";
import { PublicPictures } from "../features/pictures/public-pictures";
import { api, type PublicContact } from "../lib/api";
import { useFormatDate, useFormatPeriod } from "../lib/format";
import { AnchorLink } from "../ui/links";
import { Loading } from "../ui/loading";
import { PageHeader } from "../ui/page-header";
import { ProblemAlert } from "../ui/problem-alert";
import { Section } from "../ui/section";
import { rootRoute } from "./root";

function Contact({ c }: { c: PublicContact }) {
  return (
    <li>
      <Text span fw={500}>
        {c.name}
      </Text>
      <Text span size="sm">
        {[...new Set([c.role, c.title, c.organisation])].filter(Boolean).map((x) => ` · ${x}`)}
      </Text>
      {(c.email || c.phone) && (
        <Text size="sm">
          {c.email && <Anchor href={`mailto:${c.email}`}>{c.email}</Anchor>}
          {c.email && c.phone && " · "}
          {c.phone}
        </Text>
      )}
    </li>
  );
}

/** The public page of a partnership, assembled by the server from what may be published only. */
function PartnershipPage() {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const period = useFormatPeriod();
  const formatTime = useFormatEventTime();
  const { agreementId } = partnershipRoute.useParams();
  const query = useQuery({
    queryKey: ["public", "partnership", agreementId],
    queryFn: () => api.portal.partnership(agreementId),
  });
  if (query.isError) return <ProblemAlert error={query.error} />;
  if (!query.data) return <Loading />;
  const { agreement: a, governance, coordinators, events, news, activities } = query.data;
  return (
    <Stack gap="lg">
      <PageHeader
        title={a.title}
        subtitle={`${t(`agreementKinds.${a.kind}`)} · ${a.endsOn ? period(a.startsOn, a.endsOn) : t("agreements.detail.openEnded")}`}
        actions={<Anchor href={api.portal.calendarUrl(a.id)}>{t("portal.calendarFeed")}</Anchor>}
      />
      {a.summary && <Text size="lg">{a.summary}</Text>}
      <PublicPictures owner={{ kind: "agreement", id: a.id }} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Section title={t("agreements.fields.parties")}>
          <Stack gap={4} component="ul" className="plain-list">
            {a.partyDetails.map((p) => (
              <li key={p.organisation.id}>
                {query.data.publicPartners.includes(p.organisation.id) ? (
                  <AnchorLink to="/partners/$organisationId" params={{ organisationId: p.organisation.id }}>
                    {p.organisation.name}
                  </AnchorLink>
                ) : (
                  p.organisation.name
                )}{" "}
                <Text span size="sm" c="dimmed">
                  · {t(`partyRoles.${p.role}`)}
                </Text>
              </li>
            ))}
          </Stack>
          {a.signedOn && (
            <Text size="sm" mt="sm">
              {t("portal.signedOn", { date: formatDate(a.signedOn) })}
            </Text>
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
      {a.axes.length > 0 && (
        <Section title={t("agreements.fields.axes")}>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {a.axes.map((x) => {
              const people = coordinators.find((c) => c.axis === x.title)?.people ?? [];
              return (
                <div key={x.id} className="axis-card">
                  <Group gap="xs">
                    <Text fw={600}>{x.title}</Text>
                    <Badge size="sm" variant="light" color="gray" tt="none">
                      {t(`axisKinds.${x.kind}`)}
                    </Badge>
                  </Group>
                  {x.description && <Text size="sm">{x.description}</Text>}
                  {people.length > 0 && (
                    <>
                      <Text size="sm" fw={600} mt={4}>
                        {t("agreements.detail.coordinators")}
                      </Text>
                      <Stack gap={2} component="ul" className="plain-list">
                        {people.map((c) => (
                          <Contact key={`${c.name}:${c.role}`} c={c} />
                        ))}
                      </Stack>
                    </>
                  )}
                </div>
              );
            })}
          </SimpleGrid>
        </Section>
      )}
      {governance.length > 0 && (
        <Section title={t("portal.governance")}>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {governance.map((g) => (
              <div key={g.name}>
                <Title order={3} size="h5">
                  {g.name}{" "}
                  <Text span size="sm" c="dimmed">
                    · {t(`bodyKinds.${g.kind as "steering"}`, { defaultValue: g.kind })}
                  </Text>
                </Title>
                {g.members.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t("agreements.detail.none")}
                  </Text>
                ) : (
                  <Stack gap={2} component="ul" className="plain-list">
                    {g.members.map((c) => (
                      <Contact key={`${c.name}:${c.role}`} c={c} />
                    ))}
                  </Stack>
                )}
              </div>
            ))}
          </SimpleGrid>
        </Section>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Section title={t("portal.calendar")}>
          {events.length === 0 ? (
            <Text c="dimmed">{t("events.none")}</Text>
          ) : (
            <Stack gap="xs" component="ul" className="plain-list">
              {events.map((e) => (
                <li key={e.id}>
                  <Text fw={500}>{e.title}</Text>
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
          {news.length === 0 ? (
            <Text c="dimmed">{t("portal.noNews")}</Text>
          ) : (
            <Stack gap="xs" component="ul" className="plain-list">
              {news.map((n) => (
                <li key={n.id}>
                  <AnchorLink to="/news/$postId" params={{ postId: n.id }}>
                    <span lang={n.lang}>{n.title}</span>
                  </AnchorLink>{" "}
                  <Text span size="sm" c="dimmed">
                    {formatDate(n.publishedOn)}
                  </Text>
                </li>
              ))}
            </Stack>
          )}
        </Section>
      </SimpleGrid>
      {activities.length > 0 && (
        <Section title={t("activities.title")}>
          <Stack gap={4} component="ul" className="plain-list">
            {activities.map((x) => (
              <li key={x.id}>
                {x.title}{" "}
                <Text span size="sm" c="dimmed">
                  · {t(`activityKinds.${x.kind as "seminar"}`, { defaultValue: x.kind })} ·{" "}
                  {period(x.startsOn, x.endsOn)}
                </Text>
              </li>
            ))}
          </Stack>
        </Section>
      )}
      <Card withBorder>
        <AnchorLink to="/partnerships">{t("portal.allPartnerships")}</AnchorLink>
      </Card>
    </Stack>
  );
}

export const partnershipRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/partnerships/$agreementId",
  component: PartnershipPage,
});
