import "@mantine/core/styles.css";
import "./ui/app.css";
import { type CSSVariablesResolver, createTheme, MantineProvider } from "@mantine/core";
import { QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import { i18n } from "./i18n/setup";
import { onSessionLost, queryClient } from "./lib/query-client";
import { router } from "./lib/router";
import { readSession, storeSession } from "./lib/session";

// Shade 8 keeps links and filled buttons above WCAG AA contrast on white.
const theme = createTheme({
  primaryColor: "blue",
  primaryShade: 8,
  defaultRadius: "sm",
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  components: {
    // Options are reached through their field (the arrows), never by Tab; a tabindex of -1 tells
    // assistive technology the scrolling option list holds focusable content. A click on an
    // option still does not move the focus out of the field.
    ComboboxOption: { defaultProps: { tabIndex: -1 } },
  },
});

// A wrong password on the sign-in page is not a lost session; elsewhere, a 401 sends the reader to sign in.
onSessionLost(() => {
  const { pathname, href } = router.state.location;
  if (pathname === "/sign-in" || pathname === "/setup") return;
  void readSession().then((session) => {
    if (!session.user) return;
    storeSession({ ...session, user: null, csrfToken: null });
    void router.navigate({ to: "/sign-in", search: { redirect: href } });
  });
});

/**
 * Mantine's default text shades for dimmed text, light and outline variants (shade 6) fall below
 * WCAG AA contrast (4.5:1) on white and on their own light backgrounds; darker shades pass.
 */
const cssVariablesResolver: CSSVariablesResolver = (t) => {
  const light: Record<string, string> = {
    "--mantine-color-dimmed": t.colors.gray[7] ?? "#495057",
    "--mantine-color-error": t.colors.red[8] ?? "#e03131",
  };
  for (const [name, shades] of Object.entries(t.colors)) {
    light[`--mantine-color-${name}-light-color`] = shades[9] ?? "";
    light[`--mantine-color-${name}-outline`] = shades[9] ?? "";
  }
  return { variables: {}, light, dark: {} };
};

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={cssVariablesResolver}>
          <QueryClientProvider client={queryClient}>
            <RouterProvider router={router} />
          </QueryClientProvider>
        </MantineProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}
