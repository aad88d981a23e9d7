import { Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { createRoute } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { EmbedBuilder } from "../features/site/embed-builder";
import { LogoSection } from "../features/site/logo-section";
import { SiteSettingsForm } from "../features/site/site-settings-form";
import { siteSettings, siteSettingsKey } from "../lib/api/site-settings";
import { Loading } from "../ui/loading";
import { PageHeader } from "../ui/page-header";
import { ProblemAlert } from "../ui/problem-alert";
import { Section } from "../ui/section";
import { adminRoute } from "./admin";

function AdminSitePage() {
  const { t } = useTranslation();
  const settings = useQuery({ queryKey: siteSettingsKey, queryFn: siteSettings.get });
  return (
    <Stack gap="lg">
      <PageHeader title={t("siteSettings.title")} subtitle={t("siteSettings.subtitle")} />
      {settings.isError && <ProblemAlert error={settings.error} />}
      {!settings.data ? (
        !settings.isError && <Loading />
      ) : (
        <>
          <Section title={t("siteSettings.brand")}>
            <SiteSettingsForm settings={settings.data} />
          </Section>
          <Section title={t("siteSettings.logo.title")}>
            <LogoSection settings={settings.data} />
          </Section>
          <Section title={t("siteSettings.embed.title")}>
            <Text size="sm" mb="md">
              {t("siteSettings.embed.intro")}
            </Text>
            <EmbedBuilder settings={settings.data} />
          </Section>
        </>
      )}
    </Stack>
  );
}

/** The public side as the institution presents it: its name, logo, colours, links, licence, and embeds on its own site. */
export const adminSiteRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/site",
  component: AdminSitePage,
});
