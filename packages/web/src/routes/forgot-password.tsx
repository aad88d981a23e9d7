import { Card, Stack } from "@mantine/core";
import { createRoute } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { ForgotPasswordForm } from "../features/accounts/forgot-password-form";
import { PageHeader } from "../ui/page-header";
import { rootRoute } from "./root";

function ForgotPasswordPage() {
  const { t } = useTranslation();
  return (
    <Stack maw={420} mx="auto">
      <PageHeader title={t("security.forgotTitle")} subtitle={t("security.forgotSubtitle")} />
      <Card withBorder padding="lg">
        <ForgotPasswordForm />
      </Card>
    </Stack>
  );
}

export const forgotPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/forgot-password",
  component: ForgotPasswordPage,
});
