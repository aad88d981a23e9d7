import { Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { createRoute } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { PublicPartnershipLink } from "../features/agreements/public-partnership-link";
import { useFormatEventTime } from "../features/events/event-format";
import { PartnerMapSection } from "../features/map/partner-map-section";
import { NewsLinks } from "../features/news/news-links";
import { api } from "../lib/api";
import { useCan, useSession } from "../lib/session";
import { AnchorLink, ButtonLink } from "../ui/links";
import { PageHeader } from "../ui/page-header";
import { rootRoute } from "./root";

function Welcome() {
  const { t } = useTranslation();
  const cards = [
    { to: "/organisations", title: t("nav.organisations"), body: t("home.cards.organisations") },
    { to: "/registry", title: t("nav.registry"), body: t("home.cards.registry") },
    { to: "/people", title: t("nav.people"), body: t("home.cards.people") },
  ] as const;
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} mb="xl">
      {cards.map((card) => (
        <Card key={card.to} withBorder padding="lg">
          <Title order={2} size="h4" mb="xs">
            <AnchorLink to={card.to}>{card.title}</AnchorLink>
          </Title>
          <Text size="sm">{card.body}</Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}

function PublicIntro() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" mb="xl" maw={760}>
      <Text size="lg">{t("home.intro")}</Text>
      <Text>{t("home.what")}</Text>
      <Group>
        <ButtonLink to="/sign-in">{t("home.signIn")}</ButtonLink>
        <ButtonLink to="/partnerships" variant="default">
          {t("portal.partnershipsTitle")}
        </ButtonLink>
      </Group>
    </Stack>
  );
}

/** What the public portal publishes: the latest news and the coming events. */
function PublicHighlights() {
  const { t } = useTranslation();
  const formatTime = useFormatEventTime();
  const home = useQuery({ queryKey: ["public", "home"], queryFn: api.portal.home });
  if (!home.data) return null;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} mb="xl" spacing="lg">
      <Card withBorder padding="lg" component="section" aria-labelledby="latest-news">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h3" id="latest-news">
            {t("portal.latestNews")}
          </Title>
          <Anchor href="/api/public/news.rss" size="sm">
            {t("news.rss")}
          </Anchor>
        </Group>
        {home.data.news.length === 0 && <Text c="dimmed">{t("portal.noNews")}</Text>}
        <NewsLinks posts={home.data.news} />
      </Card>
      <Card withBorder padding="lg" component="section" aria-labelledby="coming-events">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h3" id="coming-events">
            {t("portal.comingEvents")}
          </Title>
          <Anchor href="/api/public/calendar.ics" size="sm">
            {t("events.ical")}
          </Anchor>
        </Group>
        {home.data.events.length === 0 && <Text c="dimmed">{t("events.none")}</Text>}
        <Stack gap="xs" component="ul" className="plain-list">
          {home.data.events.map((e) => (
            <li key={e.id}>
              <Text fw={500}>
                {e.agreement ? (
                  <PublicPartnershipLink agreementId={e.agreement.id} fallback={e.title}>
                    {() => e.title}
                  </PublicPartnershipLink>
                ) : (
                  e.title
                )}
              </Text>
              <Text size="sm">
                {formatTime(e)}
                {e.place && ` · ${e.place}`}
              </Text>
            </li>
          ))}
        </Stack>
      </Card>
    </SimpleGrid>
  );
}

function HomePage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const canEdit = useCan("editor");
  return (
    <>
      <PageHeader
        title={user ? t("home.welcomeBack", { name: user.name }) : t("home.title")}
        subtitle={t("app.tagline")}
        actions={canEdit && <ButtonLink to="/organisations/new">{t("organisations.new")}</ButtonLink>}
      />
      {user ? <Welcome /> : <PublicIntro />}
      <PublicHighlights />
      <Title order={2} mb="xs">
        {user ? t("home.mapAll") : t("home.mapPublic")}
      </Title>
      <PartnerMapSection linkCountries={user !== null} />
    </>
  );
}

export const homeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/",
  component: HomePage,
});
