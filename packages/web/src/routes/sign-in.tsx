import { SsoFailure } from "@conventio/domain";
import { Alert, Card, Stack, Text } from "@mantine/core";
import { createRoute, redirect, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { SignInForm } from "../features/accounts/sign-in-form";
import { SsoSignIn } from "../features/sso/sso-sign-in";
import { readSession, useSession } from "../lib/session";
import { PageHeader } from "../ui/page-header";
import { rootRoute } from "./root";

/** Only paths inside the app: an open redirect would let a link send people elsewhere after signing in. */
function safeRedirect(value: unknown): string | undefined {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") ? value : undefined;
}

function SignInPage() {
  const { t } = useTranslation();
  const { redirect: target, ssoError } = signInRoute.useSearch();
  const navigate = useNavigate();
  const { setupRequired } = useSession();
  return (
    <Stack maw={420} mx="auto">
      <PageHeader title={t("signIn.title")} subtitle={t("signIn.subtitle")} />
      {target && (
        <Alert color="blue" variant="light">
          {t("signIn.required")}
        </Alert>
      )}
      {setupRequired && (
        <Alert color="yellow" variant="light" title={t("setup.title")}>
          {t("signIn.setupRequired")}
        </Alert>
      )}
      <SsoSignIn failure={ssoError} redirect={target} />
      <Card withBorder padding="lg">
        <SignInForm onSignedIn={() => void navigate({ href: target ?? "/organisations", replace: true })} />
      </Card>
      <Text size="sm" c="dimmed">
        {t("signIn.noAccount")}
      </Text>
    </Stack>
  );
}

export const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/sign-in",
  validateSearch: (search: Record<string, unknown>): { redirect?: string; ssoError?: SsoFailure } => {
    const target = safeRedirect(search.redirect);
    const failure = SsoFailure.safeParse(search.ssoError);
    return { ...(target ? { redirect: target } : {}), ...(failure.success ? { ssoError: failure.data } : {}) };
  },
  beforeLoad: async ({ search }) => {
    const session = await readSession();
    if (session.user) throw redirect({ href: search.redirect ?? "/organisations" });
  },
  component: SignInPage,
});
