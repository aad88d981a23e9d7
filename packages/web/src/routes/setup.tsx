import { Alert, Card, Stack } from "@mantine/core";
import { createRoute, useNavigate } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { SetupForm } from "../features/accounts/setup-form";
import { useSession } from "../lib/session";
import { AnchorLink } from "../ui/links";
import { PageHeader } from "../ui/page-header";
import { rootRoute } from "./root";

function SetupPage() {
  const { t } = useTranslation();
  const { token } = setupRoute.useSearch();
  const { setupRequired } = useSession();
  const navigate = useNavigate();
  let body: ReactNode;
  if (!setupRequired) {
    body = (
      <Alert color="blue" variant="light">
        {t("setup.done")} <AnchorLink to="/sign-in">{t("nav.signIn")}</AnchorLink>
      </Alert>
    );
  } else if (!token) {
    body = (
      <Alert color="yellow" variant="light">
        {t("setup.noToken")}
      </Alert>
    );
  } else {
    body = (
      <Card withBorder padding="lg">
        <SetupForm token={token} onDone={() => void navigate({ to: "/organisations", replace: true })} />
      </Card>
    );
  }
  return (
    <Stack maw={480} mx="auto">
      <PageHeader title={t("setup.title")} subtitle={t("setup.subtitle")} />
      {body}
    </Stack>
  );
}

export const setupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/setup",
  validateSearch: (search: Record<string, unknown>): { token?: string } =>
    typeof search.token === "string" && search.token ? { token: search.token } : {},
  component: SetupPage,
});
