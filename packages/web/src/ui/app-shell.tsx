import { Anchor, Badge, Box, Burger, Button, Container, Group, Text, VisuallyHidden } from "@mantine/core";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useRouterState } from "@tanstack/react-router";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { inboxQuery } from "../features/inbox/inbox-queries";
import { api } from "../lib/api";
import { siteSettings, siteSettingsKey } from "../lib/api/site-settings";
import { sso } from "../lib/api/sso";
import { queryClient } from "../lib/query-client";
import { storeSession, useCan, useSession } from "../lib/session";
import { GlobalSearch } from "./global-search";
import { LanguageSwitcher } from "./language-switcher";
import { AnchorLink } from "./links";

/**
 * A link of the main navigation. On its own page (whatever the filters) it is the current page;
 * on a page below it (a record, its edit page) it marks the section the reader is in.
 */
function NavLink({ to, children }: { to: NavTarget; children: ReactNode }) {
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const inSection = pathname.startsWith(`${to}/`);
  return (
    <AnchorLink
      to={to}
      activeOptions={{ exact: true, includeSearch: false }}
      inactiveProps={inSection ? { "aria-current": "true", "data-status": "section" } : {}}
    >
      {children}
    </AnchorLink>
  );
}

type NavTarget =
  | "/agreements"
  | "/organisations"
  | "/registry"
  | "/people"
  | "/activities"
  | "/events"
  | "/news"
  | "/dashboard"
  | "/reviews"
  | "/exchange-balance"
  | "/map"
  | "/import";

function MainNav() {
  const { t } = useTranslation();
  const canImport = useCan("editor");
  return (
    <nav aria-label={t("shell.mainNav")}>
      <Group component="ul" gap={4} className="main-nav" wrap="wrap">
        <li>
          <NavLink to="/agreements">{t("nav.agreements")}</NavLink>
        </li>
        <li>
          <NavLink to="/organisations">{t("nav.organisations")}</NavLink>
        </li>
        <li>
          <NavLink to="/registry">{t("nav.registry")}</NavLink>
        </li>
        <li>
          <NavLink to="/people">{t("nav.people")}</NavLink>
        </li>
        <li>
          <NavLink to="/activities">{t("nav.activities")}</NavLink>
        </li>
        <li>
          <NavLink to="/events">{t("nav.events")}</NavLink>
        </li>
        <li>
          <NavLink to="/news">{t("nav.news")}</NavLink>
        </li>
        <li>
          <NavLink to="/dashboard">{t("nav.dashboard")}</NavLink>
        </li>
        <li>
          <NavLink to="/reviews">{t("nav.reviews")}</NavLink>
        </li>
        <li>
          <NavLink to="/exchange-balance">{t("nav.balance")}</NavLink>
        </li>
        <li>
          <NavLink to="/map">{t("nav.map")}</NavLink>
        </li>
        {canImport && (
          <li>
            <NavLink to="/import">{t("imports.nav")}</NavLink>
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
    <Group gap="xs" wrap="wrap" className="user-box">
      {/* What is the signed-in person's own sits with the account, leaving the main row to the records. */}
      <nav aria-label={t("shell.accountNav")}>
        <Group component="ul" gap="sm" wrap="wrap" className="plain-list account-nav">
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

/**
 * The signed-in header: the brand, the search and, on wide screens, the account and the main
 * navigation. Under 900 px (app.css) the account and the navigation go behind a menu button that
 * shows them as a panel below the bar; Escape or following a link closes it.
 */
function StaffHeader({ brand }: { brand: string }) {
  const { t } = useTranslation();
  const [menuOpen, setMenuOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  // Following a link (a new address) closes the menu.
  const href = useRouterState({ select: (s) => s.location.href });
  const [shownAt, setShownAt] = useState(href);
  if (shownAt !== href) {
    setShownAt(href);
    setMenuOpen(false);
  }
  // Escape closes the open menu from anywhere in it (or on its button) and gives the button the focus.
  useEffect(() => {
    if (!menuOpen) return;
    function onKey(event: globalThis.KeyboardEvent) {
      const target = event.target as Node | null;
      const inMenu = document.getElementById("staff-menu")?.contains(target) || button.current === target;
      if (event.key !== "Escape" || !inMenu) return;
      setMenuOpen(false);
      button.current?.focus();
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [menuOpen]);
  return (
    <div className="staff-header" data-menu-open={menuOpen || undefined}>
      <AnchorLink to="/dashboard" className="brand staff-brand" underline="never">
        {brand}
      </AnchorLink>
      <div className="staff-search">
        <GlobalSearch />
      </div>
      <Burger
        ref={button}
        className="menu-button"
        opened={menuOpen}
        onClick={() => setMenuOpen((o) => !o)}
        aria-label={t("shell.menu")}
        aria-expanded={menuOpen}
        aria-controls="staff-menu"
        size="sm"
      />
      {/* One copy of the links: laid out in the bar on wide screens, the menu's panel on narrow ones. */}
      <div id="staff-menu" className="staff-menu">
        <Group gap="md" wrap="wrap" className="staff-account">
          <LanguageSwitcher />
          <UserBox />
        </Group>
        <div className="staff-nav">
          <MainNav />
        </div>
      </div>
    </div>
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
          {user ? (
            <StaffHeader brand={brand} />
          ) : (
            <Group justify="space-between" py="sm" gap="md" wrap="wrap">
              <Group gap="xl" wrap="wrap">
                <Anchor href="/" className="brand" underline="never">
                  {brand}
                </Anchor>
                <PublicNav />
              </Group>
              <Group gap="md" wrap="wrap">
                <LanguageSwitcher />
                <UserBox />
              </Group>
            </Group>
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
