import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import enMessages from "../packages/web/src/i18n/en.json" with { type: "json" };
import frMessages from "../packages/web/src/i18n/fr.json" with { type: "json" };
import svMessages from "../packages/web/src/i18n/sv.json" with { type: "json" };
import { type Violation, wcagViolations } from "./support/axe.js";
import { type Browser, openBrowser, screenshot } from "./support/browser.js";
import { startTestServer, type TestServer } from "./support/server.js";
import { signIn } from "./support/session.js";

/**
 * Every page of the staff app and of the public site, with the demo data, in English, French and
 * Swedish, at 1280 and at 320 CSS pixels, checked against axe-core's WCAG 2.1 A and AA rules; and
 * the dialogs and menus people open on them, checked while open. Any violation, whatever its
 * impact, fails the walk, which names the page, the rule and the elements.
 */

const LANGUAGES = ["en", "fr", "sv"] as const;
type Language = (typeof LANGUAGES)[number];
const WIDTHS = [1280, 320] as const;
const MESSAGES: Record<Language, unknown> = { en: enMessages, fr: frMessages, sv: svMessages };

/** A message of the web app in a language, by its dotted key, as the page shows it. */
function message(lang: Language, key: string): string {
  const value = key
    .split(".")
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], MESSAGES[lang]);
  if (typeof value !== "string") throw new Error(`No message ${key} in ${lang}`);
  return value;
}

interface Ids {
  agreement: string;
  network: string;
  person: string;
  activity: string;
  event: string;
  post: string;
}

/** A step of the walk: where to go and, for dialogs and menus, what to open there. */
interface Stop {
  name: string;
  path: (ids: Ids, lang: Language) => string;
  open?: (page: Page, lang: Language, width: number) => Promise<void>;
  /** Only at this width (the header's menu exists on narrow screens only). */
  width?: number;
}

const staffPages: Stop[] = [
  ["dashboard", "/dashboard"],
  ["agreements", "/agreements"],
  ["agreement-new", "/agreements/new"],
  ["organisations", "/organisations"],
  ["organisation-new", "/organisations/new"],
  ["registry", "/registry?q=lille"],
  ["people", "/people"],
  ["person-new", "/people/new"],
  ["activities", "/activities"],
  ["activity-new", "/activities/new"],
  ["events", "/events"],
  ["events-list", "/events?view=list"],
  ["event-new", "/events/new"],
  ["news", "/news"],
  ["news-new", "/news/new"],
  ["reviews", "/reviews"],
  ["exchange-balance", "/exchange-balance"],
  ["map", "/map"],
  ["import", "/import"],
  ["inbox", "/inbox"],
  ["my-actions", "/my/actions"],
  ["moderation", "/moderation"],
  ["account", "/account"],
  ["admin-users", "/admin/users"],
  ["admin-audit", "/admin/audit"],
  ["admin-circuits", "/admin/circuits"],
  ["admin-ewp", "/admin/ewp"],
  ["admin-site", "/admin/site"],
  ["admin-sign-in-providers", "/admin/sign-in-providers"],
  ["admin-themes", "/admin/themes"],
].map(([name, path]) => ({ name: name as string, path: () => path as string }));

const recordPages: Stop[] = [
  { name: "agreement", path: (ids) => `/agreements/${ids.agreement}` },
  { name: "agreement-governance", path: (ids) => `/agreements/${ids.agreement}?tab=governance` },
  { name: "agreement-results", path: (ids) => `/agreements/${ids.agreement}?tab=results` },
  { name: "agreement-documents", path: (ids) => `/agreements/${ids.agreement}?tab=documents` },
  { name: "agreement-edit", path: (ids) => `/agreements/${ids.agreement}/edit` },
  { name: "agreement-iia", path: (ids) => `/agreements/${ids.agreement}/iia` },
  { name: "agreement-review", path: (ids) => `/reviews?agreement=${ids.agreement}` },
  { name: "organisation", path: (ids) => `/organisations/${ids.network}` },
  { name: "organisation-edit", path: (ids) => `/organisations/${ids.network}/edit` },
  { name: "person", path: (ids) => `/people/${ids.person}` },
  { name: "person-edit", path: (ids) => `/people/${ids.person}/edit` },
  { name: "activity", path: (ids) => `/activities/${ids.activity}` },
  { name: "activity-edit", path: (ids) => `/activities/${ids.activity}/edit` },
  { name: "event", path: (ids) => `/events/${ids.event}` },
  { name: "event-edit", path: (ids) => `/events/${ids.event}/edit` },
  { name: "news-post", path: (ids) => `/news/${ids.post}` },
  { name: "news-edit", path: (ids) => `/news/${ids.post}/edit` },
];

const publicPages: Stop[] = [
  ["site-home", "/"],
  ["site-partnerships", "/partnerships"],
  ["site-partners", "/partners"],
  ["site-events", "/events"],
  ["site-news", "/news"],
  ["site-map", "/map"],
  ["site-open-data", "/open-data"],
]
  .map(([name, path]) => ({ name: name as string, path: (_: Ids, lang: Language) => `/${lang}${path}` }))
  .concat([
    { name: "site-partnership", path: (ids, lang) => `/${lang}/partnerships/${ids.agreement}` },
    { name: "site-partner", path: (ids, lang) => `/${lang}/partners/${ids.network}` },
    { name: "site-event", path: (ids, lang) => `/${lang}/events/${ids.event}` },
    { name: "site-news-post", path: (ids, lang) => `/${lang}/news/${ids.post}` },
  ]);

const openDialogs: Stop[] = [
  {
    name: "search-open",
    path: () => "/organisations",
    open: async (page) => {
      await page.keyboard.press("Control+k");
      const dialog = page.getByRole("dialog");
      await dialog.getByRole("combobox").fill("univ");
      await dialog.getByRole("option").first().waitFor();
    },
  },
  {
    name: "header-menu-open",
    path: () => "/dashboard",
    width: 320,
    open: async (page, lang) => {
      await page.getByRole("button", { name: message(lang, "shell.menu") }).click();
      await page.locator("#staff-menu").waitFor();
    },
  },
  {
    name: "export-menu-open",
    path: () => "/agreements",
    open: async (page) => {
      await page.locator('main button[aria-haspopup="menu"]').first().click();
      await page.getByRole("menu").waitFor();
    },
  },
  {
    name: "delete-dialog-open",
    path: (ids) => `/events/${ids.event}/edit`,
    open: async (page, lang) => {
      await page
        .getByRole("button", { name: message(lang, "common.delete"), exact: true })
        .first()
        .click();
      await page.getByRole("dialog").waitFor();
    },
  },
  {
    name: "select-open",
    path: () => "/agreements/new",
    open: async (page) => {
      await page.locator("main input[aria-haspopup='listbox']").first().click();
      await page.getByRole("listbox").first().waitFor();
    },
  },
];

const signedOutPages: Stop[] = [
  ["sign-in", "/sign-in"],
  ["forgot-password", "/forgot-password"],
  ["reset-password", "/reset-password?token=not-a-real-token"],
  ["accept-invitation", "/accept-invitation?token=not-a-real-token"],
].map(([name, path]) => ({ name: name as string, path: () => path as string }));

/** Drawn in full once no spinner or loading placeholder is left, and a frame has been painted. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('.mantine-Loader-root, [aria-busy="true"]'), undefined, {
    polling: 50,
  });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** Waits until the page has drawn its heading and its data, then, if asked, opens what it must. */
async function visit(page: Page, url: string, stop: Stop, lang: Language, width: number, inApp: boolean) {
  if (inApp) {
    // Moved to within the staff app, as its own links do, rather than loaded afresh: the walk is
    // about the pages, and the app's start is walked on every page that opens a dialog.
    await page.evaluate(() => {
      for (const heading of Array.from(document.querySelectorAll("h1"))) heading.setAttribute("data-left", "");
    });
    await page.evaluate(
      (target) => {
        const state = window.history.state ?? {};
        const index = (state.__TSR_index ?? 0) + 1;
        window.history.pushState({ ...state, __TSR_index: index, __TSR_key: `walk${index}` }, "", target);
        window.dispatchEvent(new PopStateEvent("popstate", { state: window.history.state }));
      },
      url.slice(url.indexOf("/", url.indexOf("//") + 2)),
    );
    await page.locator("h1:not([data-left])").first().waitFor();
  } else {
    await page.goto(url);
  }
  await page.locator("h1").first().waitFor();
  await settled(page);
  if (stop.open) await stop.open(page, lang, width);
}

describe("every page, in three languages and two widths", () => {
  let server: TestServer;
  let browsers: Browser[];
  let pages: Page[];
  let ids: Ids;

  beforeAll(async () => {
    server = await startTestServer({ demo: true });
    // A browser of its own for each width: a page in a background tab would get its frames late.
    browsers = [await openBrowser(), await openBrowser()];
    pages = await Promise.all(browsers.map((b) => b.newPage()));
    for (const page of pages) await signIn(page, server.url);
    const first = async (path: string) => {
      const body = await (pages[0] as Page).evaluate(
        (p) => fetch(p).then((r) => r.json() as Promise<{ items: { id: string }[] }>),
        `/api/${path}`,
      );
      const id = body.items[0]?.id;
      if (!id) throw new Error(`The demo data has no record at /api/${path}`);
      return id;
    };
    ids = {
      agreement: await first("agreements?limit=1&status=active"),
      network: await first("organisations?limit=1&kind=network"),
      person: await first("people?limit=1"),
      activity: await first("activities?limit=1"),
      event: await first("events?limit=1"),
      post: await first("news?limit=1"),
    };
  }, 120_000);

  afterAll(async () => {
    for (const b of browsers ?? []) await b.close();
    await server?.stop();
  });

  /**
   * Walks the stops in the language in two browsers at once, one 1280 px wide and one 320 px wide,
   * so that neither changes its size (a resize redraws the whole app) and neither waits behind.
   */
  async function walk(pages: Page[], stops: Stop[], lang: Language, app: boolean): Promise<string[]> {
    const found: string[] = [];
    const worker = async (page: Page, width: number) => {
      await page.setViewportSize({ width, height: 900 });
      if (!page.url().startsWith(server.url)) await page.goto(`${server.url}/sign-in`);
      await page.evaluate((l) => localStorage.setItem("conventio.language", l), lang);
      // The first page in a language is loaded afresh, and so is every page after an open dialog.
      let fresh = true;
      for (const stop of stops) {
        if (stop.width && stop.width !== width) continue;
        const path = stop.path(ids, lang);
        // Another tab of the same page keeps its heading: that page is loaded afresh.
        const samePage = new URL(page.url()).pathname === path.split("?")[0];
        const inApp = app && !fresh && !samePage && !stop.open;
        fresh = Boolean(stop.open);
        try {
          await visit(page, `${server.url}${path}`, stop, lang, width, inApp);
          const pageLang = await page.locator("html").getAttribute("lang");
          if (pageLang !== lang) found.push(`${stop.name} (${path}): the page is in ${pageLang}, not ${lang}`);
          for (const v of await wcagViolations(page)) {
            found.push(describeViolation(`${stop.name} at ${width}`, path, v));
          }
        } catch (err) {
          fresh = true;
          await screenshot(page, `walk-${lang}-${width}-${stop.name}`).catch(() => undefined);
          found.push(
            `${stop.name} at ${width} (${path}): could not be walked: ${(err as Error).message.split("\n")[0]}`,
          );
        }
      }
    };
    await Promise.all(WIDTHS.map((width, i) => worker(pages[i] as Page, width)));
    return found;
  }

  for (const lang of LANGUAGES) {
    it(`finds no WCAG 2.1 AA violation on the staff pages in ${lang}, at 1280 and 320 px`, async () => {
      const found = await walk(pages, [...staffPages, ...recordPages, ...openDialogs], lang, true);
      expect(found, found.join("\n")).toEqual([]);
    }, 300_000);
  }

  // Then as a visitor, signed out.
  for (const lang of LANGUAGES) {
    it(`finds no WCAG 2.1 AA violation on the public site and the sign-in pages in ${lang}, at 1280 and 320 px`, async () => {
      for (const b of browsers) await b.context.clearCookies();
      const found = await walk(pages, [...publicPages, ...signedOutPages], lang, false);
      expect(found, found.join("\n")).toEqual([]);
    }, 300_000);
  }
});

function describeViolation(name: string, path: string, v: Violation): string {
  return `${name} (${path}): ${v.id} [${v.impact}] ${v.help}: ${v.targets.slice(0, 5).join(", ")}`;
}
