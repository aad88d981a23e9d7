import { Alert, Card, Stack } from "@mantine/core";
import { createRoute } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { AcceptInvitationForm } from "../features/accounts/accept-invitation-form";
import { PageHeader } from "../ui/page-header";
import { rootRoute } from "./root";

/** Where the e-mailed invitation leads. */
function AcceptInvitationPage() {
  const { t } = useTranslation();
  const { token } = acceptInvitationRoute.useSearch();
  return (
    <Stack maw={420} mx="auto">
      <PageHeader title={t("security.acceptTitle")} subtitle={t("security.acceptSubtitle")} />
      {token ? (
        <Card withBorder padding="lg">
          <AcceptInvitationForm token={token} />
        </Card>
      ) : (
        <Alert color="red" variant="outline" role="alert" title={t("security.linkNotValidTitle")}>
          {t("security.linkIncomplete")} {t("security.askInviter")}
        </Alert>
      )}
    </Stack>
  );
}

export const acceptInvitationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/accept-invitation",
  validateSearch: (search: Record<string, unknown>): { token?: string } =>
    typeof search.token === "string" && search.token ? { token: search.token } : {},
  component: AcceptInvitationPage,
});
