import { Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { createRoute } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { PartnerMapSection } from "../features/map/partner-map-section";
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
      </Group>
    </Stack>
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
