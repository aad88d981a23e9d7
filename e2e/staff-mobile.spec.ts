import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./support/axe.js";
import { type Browser, openBrowser, screenshot } from "./support/browser.js";
import { startTestServer, type TestServer } from "./support/server.js";
import { signIn } from "./support/session.js";
import { type StaffRecords, seedStaffRecords } from "./support/staff-records.js";

/**
 * The staff app on a phone: under 900 px the navigation and the account wait behind a menu
 * button, the search stays in the bar, and at 320 CSS pixels no page scrolls sideways (WCAG 1.4.10).
 */
describe("the staff app on a narrow screen", () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let ids: StaffRecords;

  beforeAll(async () => {
    server = await startTestServer();
    ids = await seedStaffRecords(server);
    browser = await openBrowser();
    page = await browser.newPage();
    await signIn(page, server.url);
    await page.setViewportSize({ width: 320, height: 800 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const menuButton = () => page.getByRole("button", { name: "Menu" });
  const mainNav = () => page.getByRole("navigation", { name: "Main" });
  const heading = (name: string | RegExp) => (p: Page) => p.getByRole("heading", { level: 1, name }).waitFor();

  it("hides the navigation behind a menu button that opens, is walked by keyboard and closes with Escape", async () => {
    await page.goto(`${server.url}/dashboard`);
    await page.getByRole("heading", { level: 1, name: "Dashboard" }).waitFor();
    expect(await menuButton().getAttribute("aria-expanded")).toBe("false");
    expect(await menuButton().getAttribute("aria-controls")).toBe("staff-menu");
    expect(await mainNav().isVisible()).toBe(false);
    expect(await page.getByRole("button", { name: "Search", exact: true }).isVisible()).toBe(true);

    await menuButton().focus();
    await page.keyboard.press("Enter");
    expect(await menuButton().getAttribute("aria-expanded")).toBe("true");
    await mainNav().waitFor();
    // Tab walks from the button into the menu, to the account's links and the main navigation.
    const reached: string[] = [];
    for (let i = 0; i < 30 && !reached.includes("Agreements"); i++) {
      await page.keyboard.press("Tab");
      reached.push(await page.evaluate(() => document.activeElement?.textContent?.trim() ?? ""));
    }
    expect(reached).toContain("My account");
    expect(reached).toContain("Agreements");
    expect(await page.evaluate(() => document.activeElement?.closest("#staff-menu") !== null)).toBe(true);

    await page.keyboard.press("Escape");
    expect(await menuButton().getAttribute("aria-expanded")).toBe("false");
    expect(await mainNav().isVisible()).toBe(false);
    expect(await menuButton().evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it("closes the menu once a link in it is followed", async () => {
    await menuButton().click();
    await mainNav().getByRole("link", { name: "People" }).click();
    await page.getByRole("heading", { level: 1, name: "People" }).waitFor();
    expect(await menuButton().getAttribute("aria-expanded")).toBe("false");
  });

  const pages: ReadonlyArray<[name: string, path: () => string, ready: (page: Page) => Promise<unknown>]> = [
    ["dashboard", () => "/dashboard", heading("Dashboard")],
    [
      "agreements",
      () => "/agreements",
      (p) =>
        p
          .getByRole("link", { name: /Mémorandum d'entente/ })
          .first()
          .waitFor(),
    ],
    ["agreement", () => `/agreements/${ids.agreementId}`, heading(/Mémorandum d'entente/)],
    ["organisations", () => "/organisations", (p) => p.getByRole("link", { name: "Linköping University" }).waitFor()],
    ["organisation", () => `/organisations/${ids.networkId}`, heading("European Campus Alliance")],
    ["people", () => "/people", (p) => p.getByRole("link", { name: "Anna Lindqvist" }).waitFor()],
    ["activities", () => "/activities", (p) => p.getByRole("link", { name: /Séminaire d'hydrologie/ }).waitFor()],
    ["events", () => "/events", heading("Events")],
    [
      "news",
      () => "/news",
      (p) =>
        p
          .getByRole("link", { name: /Rentrée à Göteborg/ })
          .first()
          .waitFor(),
    ],
    ["map", () => "/map", (p) => p.locator('svg.world-map path[data-country="SE"]').waitFor()],
    ["admin users", () => "/admin/users", (p) => p.getByRole("rowheader", { name: "Ada Admin" }).waitFor()],
  ];

  it.each(pages)("does not scroll sideways at 320 px on the %s page", async (name, path, ready) => {
    await page.goto(`${server.url}${path()}`);
    await ready(page);
    await screenshot(page, `mobile-${name.replace(/ /g, "-")}`);
    const wide = await page.evaluate(() =>
      Array.from(document.querySelectorAll("body *"))
        .filter((el) => el.getBoundingClientRect().right > 321 && !el.closest("[tabindex='0'], .scroll-region"))
        .slice(0, 5)
        .map(
          (el) => `${el.tagName.toLowerCase()}.${Array.from(el.classList).join(".")}: ${el.textContent?.slice(0, 40)}`,
        ),
    );
    expect(await page.evaluate(() => document.documentElement.scrollWidth), wide.join("\n")).toBeLessThanOrEqual(320);
  });

  it("has no serious accessibility violations with the menu open at 320 px", async () => {
    await page.goto(`${server.url}/organisations/${ids.networkId}`);
    await page.getByRole("heading", { level: 1, name: "European Campus Alliance" }).waitFor();
    await menuButton().click();
    await mainNav().waitFor();
    await screenshot(page, "mobile-menu-open");
    const violations = await seriousViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
  });

  it("shows the navigation in the bar, without a menu button, at 1280 px", async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.url}/organisations/${ids.networkId}`);
    await page.getByRole("heading", { level: 1, name: "European Campus Alliance" }).waitFor();
    expect(await menuButton().isVisible()).toBe(false);
    expect(await mainNav().isVisible()).toBe(true);
    const violations = await seriousViolations(page);
    await page.setViewportSize({ width: 320, height: 800 });
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
  });
});
