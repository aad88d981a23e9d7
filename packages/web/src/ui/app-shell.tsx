import { Anchor, Badge, Box, Button, Container, Group, Text, VisuallyHidden } from "@mantine/core";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { inboxQuery } from "../features/inbox/inbox-queries";
import { api } from "../lib/api";
import { siteSettings, siteSettingsKey } from "../lib/api/site-settings";
import { sso } from "../lib/api/sso";
import { queryClient } from "../lib/query-client";
import { storeSession, useCan, useSession } from "../lib/session";
import { LanguageSwitcher } from "./language-switcher";
import { AnchorLink } from "./links";

function MainNav() {
  const { t } = useTranslation();
  const canImport = useCan("editor");
  return (
    <nav aria-label={t("shell.mainNav")}>
      <Group component="ul" gap={4} className="main-nav" wrap="wrap">
        <li>
          <AnchorLink to="/agreements">{t("nav.agreements")}</AnchorLink>
        </li>
        <li>
          <AnchorLink to="/organisations">{t("nav.organisations")}</AnchorLink>
        </li>
        <li>
          <AnchorLink to="/registry">{t("nav.registry")}</AnchorLink>
        </li>
        <li>
          <AnchorLink to="/people">{t("nav.people")}</AnchorLink>
        </li>
        <li>
          <AnchorLink to="/activities">{t("nav.activities")}</AnchorLink>
        </li>
        <li>
          <AnchorLink to="/events">{t("nav.events")}</AnchorLink>
        </li>
        <li>
          <AnchorLink to="/news">{t("nav.news")}</AnchorLink>
        </li>
        <li>
          <AnchorLink to="/dashboard">{t("nav.dashboard")}</AnchorLink>
        </li>
        <li>
          <AnchorLink to="/reviews">{t("nav.reviews")}</AnchorLink>
        </li>
        <li>
          <AnchorLink to="/exchange-balance">{t("nav.balance")}</AnchorLink>
        </li>
        <li>
          <AnchorLink to="/map">{t("nav.map")}</AnchorLink>
        </li>
        {canImport && (
          <li>
            <AnchorLink to="/import">{t("imports.nav")}</AnchorLink>
          </li>
        )}
      </Group>
    </nav>
  );
}

/** The inbox link, with the number of unread messages when there are any. */
function InboxLink() {
  const { t } = useTranslation();
  const inbox = useInfiniteQuery({ ...inboxQuery, refetchInterval: 120_000 });
  const unread = inbox.data?.pages[0]?.unread ?? 0;
  return (
    <AnchorLink to="/inbox" size="sm" fw={500}>
      {t("nav.inbox")}
      {unread > 0 && (
        <>
          <Badge ml={6} size="sm" color="red.9" variant="filled" aria-hidden="true">
            {unread}
          </Badge>
          <VisuallyHidden> {t("nav.inboxUnread", { count: unread })}</VisuallyHidden>
        </>
      )}
    </AnchorLink>
  );
}

/** The public site is rendered by the server: its links are plain addresses in the reader's language. */
function PublicNav() {
  const { t, i18n } = useTranslation();
  const lang = (i18n.resolvedLanguage ?? "en").slice(0, 2);
  return (
    <nav aria-label={t("shell.publicNav")}>
      <Group component="ul" gap={4} className="main-nav" wrap="wrap">
        <li>
          <Anchor href={`/${lang}/partnerships`}>{t("nav.partnerships")}</Anchor>
        </li>
        <li>
          <Anchor href={`/${lang}/partners`}>{t("nav.partners")}</Anchor>
        </li>
      </Group>
    </nav>
  );
}

function UserBox() {
  const { t } = useTranslation();
  const { user } = useSession();
  const isAdmin = useCan("admin");
  if (!user) {
    return (
      <AnchorLink to="/sign-in" fw={600}>
        {t("nav.signIn")}
      </AnchorLink>
    );
  }
  async function signOut() {
    // A session from a sign-in provider is ended there too (RP-initiated logout).
    const endAt = await sso
      .signOut()
      .then((r) => r.redirectTo)
      .catch(async () => {
        await api.signOut().catch(() => undefined);
        return null;
      });
    queryClient.clear();
    storeSession({ user: null, csrfToken: null, setupRequired: false });
    // Signed out, the reader lands on the public site, which the server renders.
    window.location.assign(endAt ?? "/");
  }
  return (
    <Group gap="xs" wrap="nowrap">
      {/* What is the signed-in person's own sits with the account, leaving the main row to the records. */}
      <nav aria-label={t("shell.accountNav")}>
        <Group component="ul" gap="sm" wrap="nowrap" className="plain-list">
          <li>
            <InboxLink />
          </li>
          <li>
            <AnchorLink to="/my/actions" size="sm" fw={500}>
              {t("nav.myActions")}
            </AnchorLink>
          </li>
          <li>
            <AnchorLink to="/account" size="sm" fw={500}>
              {t("nav.account")}
            </AnchorLink>
          </li>
          {isAdmin && (
            <li>
              <AnchorLink to="/admin/users" size="sm" fw={500}>
                {t("nav.admin")}
              </AnchorLink>
            </li>
          )}
        </Group>
      </nav>
      <Text size="sm" fw={500}>
        {user.name}
      </Text>
      <Badge variant="outline" color="gray" size="sm" tt="none">
        {t(`userRoles.${user.role}`)}
      </Badge>
      <Button size="xs" variant="default" onClick={signOut}>
        {t("nav.signOut")}
      </Button>
    </Group>
  );
}

/** Header with the main navigation, the page's main landmark and a skip link to it. */
export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { user } = useSession();
  // The institution's name once an administrator set it; the product's name until then.
  const settings = useQuery({ queryKey: siteSettingsKey, queryFn: siteSettings.get, staleTime: 60_000 });
  const brand = settings.data?.institutionName ?? t("app.name");
  return (
    <>
      <a href="#main" className="skip-link">
        {t("shell.skip")}
      </a>
      <Box component="header" className="app-header">
        <Container size="xl">
          {/* The staff navigation gets a row of its own under the brand and the account. */}
          <Group justify="space-between" pt="sm" pb={user ? 4 : "sm"} gap="md" wrap="wrap">
            <Group gap="xl" wrap="wrap">
              {user ? (
                <AnchorLink to="/dashboard" className="brand" underline="never">
                  {brand}
                </AnchorLink>
              ) : (
                <Anchor href="/" className="brand" underline="never">
                  {brand}
                </Anchor>
              )}
              {!user && <PublicNav />}
            </Group>
            <Group gap="md" wrap="wrap">
              <LanguageSwitcher />
              <UserBox />
            </Group>
          </Group>
          {user && (
            <Box pb="xs">
              <MainNav />
            </Box>
          )}
        </Container>
      </Box>
      <Container component="main" id="main" tabIndex={-1} size="xl" py="xl" className="app-main">
        {children}
      </Container>
      <Box component="footer" className="app-footer">
        <Container size="xl">
          <Text size="sm" c="dimmed">
            {t("shell.footer")}
          </Text>
        </Container>
      </Box>
    </>
  );
}
