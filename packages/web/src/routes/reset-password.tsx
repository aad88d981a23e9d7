import { Card, Stack } from "@mantine/core";
import { createRoute } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { LinkNotValid, ResetPasswordForm } from "../features/accounts/reset-password-form";
import { PageHeader } from "../ui/page-header";
import { rootRoute } from "./root";

/** Where the e-mailed reset link leads. */
function ResetPasswordPage() {
  const { t } = useTranslation();
  const { token } = resetPasswordRoute.useSearch();
  return (
    <Stack maw={420} mx="auto">
      <PageHeader title={t("security.resetTitle")} subtitle={t("security.resetSubtitle")} />
      {token ? (
        <Card withBorder padding="lg">
          <ResetPasswordForm token={token} />
        </Card>
      ) : (
        <LinkNotValid message={t("security.linkIncomplete")} />
      )}
    </Stack>
  );
}

export const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/reset-password",
  validateSearch: (search: Record<string, unknown>): { token?: string } =>
    typeof search.token === "string" && search.token ? { token: search.token } : {},
  component: ResetPasswordPage,
});
