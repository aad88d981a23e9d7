import { Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { createRoute } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { ChangePasswordForm } from "../features/accounts/change-password-form";
import { SecondFactorBanner, SecondFactorSection } from "../features/accounts/second-factor-section";
import { SessionsList } from "../features/accounts/sessions-list";
import { CreateTokenForm } from "../features/tokens/create-token-form";
import { TokensTable } from "../features/tokens/tokens-table";
import { tokens } from "../lib/api/tokens";
import { Loading } from "../ui/loading";
import { PageHeader } from "../ui/page-header";
import { ProblemAlert } from "../ui/problem-alert";
import { Section } from "../ui/section";
import { internalRoute } from "./internal";

/** The signed-in person's own account: password, second factor, sessions, and the personal API tokens scripts call the API with. */
function AccountPage() {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: ["tokens"], queryFn: tokens.list });
  return (
    <Stack gap="lg">
      <PageHeader title={t("account.title")} subtitle={t("account.subtitle")} />
      <SecondFactorBanner />
      <Section title={t("security.passwordTitle")}>
        <ChangePasswordForm />
      </Section>
      <div id="second-factor">
        <Section title={t("security.totpTitle")}>
          <SecondFactorSection />
        </Section>
      </div>
      <Section title={t("security.sessionsTitle")}>
        <SessionsList />
      </Section>
      <Section title={t("tokens.title")}>
        <Stack>
          <Text size="sm">{t("tokens.intro")}</Text>
          {list.isError && <ProblemAlert error={list.error} />}
          {list.data ? <TokensTable items={list.data.items} /> : !list.isError && <Loading />}
        </Stack>
      </Section>
      <Section title={t("tokens.createTitle")}>
        <CreateTokenForm />
      </Section>
    </Stack>
  );
}

export const accountRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: "/account",
  component: AccountPage,
});
