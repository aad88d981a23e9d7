import { Anchor, Stack, Text, Title } from "@mantine/core";
import type { QueryClient } from "@tanstack/react-query";
import { createRootRouteWithContext, Outlet, useRouterState } from "@tanstack/react-router";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { readSession } from "../lib/session";
import { AppShell } from "../ui/app-shell";
import { PageHeader } from "../ui/page-header";
import { ProblemAlert } from "../ui/problem-alert";

/** After a client-side navigation, focus moves to the new page so screen readers announce it. */
function useFocusOnNavigation() {
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    document.getElementById("main")?.focus({ preventScroll: true });
  }, [pathname]);
}

function RootLayout() {
  useFocusOnNavigation();
  return (
    <AppShell>
      <Outlet />
    </AppShell>
  );
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <Stack>
      <PageHeader title={t("notFound.title")} />
      <Text>{t("notFound.body")}</Text>
      <Anchor href="/">{t("notFound.home")}</Anchor>
    </Stack>
  );
}

function RootError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <AppShell>
      <Title order={1} mb="md">
        {t("errors.pageFailed")}
      </Title>
      <ProblemAlert error={error} />
    </AppShell>
  );
}

export const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  // The session decides what the header and every guarded page show, so it is read first.
  beforeLoad: () => readSession(),
  component: RootLayout,
  notFoundComponent: NotFound,
  errorComponent: RootError,
});
