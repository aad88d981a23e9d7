import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./support/axe.js";
import { type Browser, openBrowser, screenshot } from "./support/browser.js";
import { ADMIN, languageOf, startTestServer, type TestServer } from "./support/server.js";
import { signIn } from "./support/session.js";
import { type StaffRecords, seedStaffRecords } from "./support/staff-records.js";

/**
 * The header's search: opened by its button or by Ctrl+K and "/", it finds records of every kind
 * by unaccented prefixes, lets a mouse or the arrows and Enter open one, and Escape gives the
 * focus back to where it was.
 */
describe("the global search", () => {
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
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const dialog = () => page.getByRole("dialog", { name: "Search everything" });
  const field = () => page.getByRole("combobox", { name: /Search organisations/ });
  const focusedIs = (selector: string) =>
    page.evaluate((s) => document.activeElement === document.querySelector(s), selector);

  it("opens a record found by mouse", async () => {
    await page.goto(`${server.url}/dashboard`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await field().fill("linkop");
    // The partner and, under the registry's heading, the registry's entry of the same name.
    const option = dialog()
      .getByRole("group", { name: "Organisations" })
      .getByRole("option", { name: /^Linköping/ });
    await option.waitFor();
    expect(await dialog().getByRole("group", { name: "Registry" }).getByRole("option").count()).toBeGreaterThan(0);
    await option.click();
    await page.getByRole("heading", { level: 1, name: "Linköping University" }).waitFor();
    // The dialog fades out, then leaves the page.
    await dialog().waitFor({ state: "detached" });
  });

  it("opens a record with the keyboard alone: shortcut, prefix, arrows and Enter", async () => {
    await page.goto(`${server.url}/agreements`);
    await page.getByRole("heading", { level: 1, name: "Agreements" }).waitFor();
    await page.keyboard.press("Control+k");
    await dialog().waitFor();
    expect(await field().evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type("lin");
    // The partner Linköping University, the agreement it is party to, then Anna Lindqvist: the count is announced.
    await expect.poll(() => dialog().getByRole("status").textContent()).toMatch(/^\d+ results$/);
    const active = async () => {
      const id = await field().getAttribute("aria-activedescendant");
      const option = page.locator(`[id="${id}"]`);
      expect(await option.getAttribute("aria-selected")).toBe("true");
      return option.textContent();
    };
    await expect.poll(active).toMatch(/^Linköping University/);
    await page.keyboard.press("ArrowDown");
    expect(await active()).toMatch(/^Mémorandum d'entente/);
    await page.keyboard.press("ArrowDown");
    expect(await active()).toMatch(/^Anna Lindqvist/);
    await page.keyboard.press("ArrowUp");
    expect(await active()).toMatch(/^Mémorandum d'entente/);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await page.waitForURL(`**/people/${ids.personId}`);
    await page.getByRole("heading", { level: 1, name: "Anna Lindqvist" }).waitFor();
  });

  it("finds events, news, activities and agreements by unaccented prefixes", async () => {
    await page.keyboard.press("Control+k");
    for (const [typed, group, name, href] of [
      ["journee malm", "Events", /Journée d'accueil à Malmö/, `/events/${ids.eventId}`],
      ["rentree gote", "News", /Rentrée à Göteborg/, `/news/${ids.newsId}`],
      ["seminaire hydro", "Activities", /Séminaire d'hydrologie/, `/activities/${ids.activityId}`],
      ["memorandum transfront", "Agreements", /Mémorandum d'entente/, `/agreements/${ids.agreementId}`],
    ] as const) {
      await field().fill(typed);
      await dialog().getByRole("group", { name: group }).getByRole("option", { name }).waitFor();
      if (group === "Agreements") {
        await page.keyboard.press("Enter");
        await page.waitForURL(`**${href}`);
      }
    }
  });

  it("closes on Escape and gives the focus back to the button or the link that had it", async () => {
    await page.goto(`${server.url}/people`);
    await page.getByRole("heading", { level: 1, name: "People" }).waitFor();
    const button = page.getByRole("button", { name: "Search", exact: true });
    await button.focus();
    await page.keyboard.press("Enter");
    await dialog().waitFor();
    await page.keyboard.press("Escape");
    await dialog().waitFor({ state: "detached" });
    expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Events" }).focus();
    await page.keyboard.press("/");
    await dialog().waitFor();
    await page.keyboard.type("lin");
    await page.keyboard.press("Escape");
    await dialog().waitFor({ state: "detached" });
    expect(await focusedIs('nav[aria-label="Main"] a[href="/events"]')).toBe(true);
  });

  it("does not open on '/' typed into a field", async () => {
    await page.goto(`${server.url}/people`);
    const search = page.getByRole("searchbox").first();
    await search.fill("");
    await search.press("/");
    expect(await dialog().count()).toBe(0);
    expect(await search.inputValue()).toBe("/");
  });

  it("speaks French when the reader does", async () => {
    await page.goto(`${server.url}/dashboard`);
    await page.getByLabel("Language", { exact: true }).selectOption("fr");
    await page.getByRole("button", { name: "Rechercher", exact: true }).waitFor();
    await page.keyboard.press("Control+k");
    const french = page.getByRole("dialog", { name: "Tout rechercher" });
    await french.waitFor();
    try {
      await page.keyboard.type("rentree goteb");
      await french
        .getByRole("group", { name: "Actualités" })
        .getByRole("option", { name: /Rentrée à Göteborg/ })
        .waitFor();
      await expect.poll(() => french.getByRole("status").textContent()).toBe("1 résultat");
      await page.keyboard.press("Enter");
      await page.waitForURL(`**/news/${ids.newsId}`);
    } finally {
      await page.keyboard.press("Escape");
      await page.getByLabel("Langue", { exact: true }).selectOption("en");
      await page.getByRole("button", { name: "Search", exact: true }).waitFor();
      // The account keeps the language too: the next pages open in English only once it is saved.
      await expect.poll(() => languageOf(server, ADMIN.email)).toBe("en");
    }
  });

  for (const width of [1280, 320]) {
    it(`has no serious accessibility violations with the search open at ${width} px`, async () => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${server.url}/organisations`);
      await page.getByRole("heading", { level: 1, name: "Organisations" }).waitFor();
      await page.getByRole("button", { name: "Search", exact: true }).waitFor();
      await page.keyboard.press("Control+k");
      await dialog().waitFor();
      await field().fill("lin");
      await dialog().getByRole("option").first().waitFor();
      await screenshot(page, `global-search-${width}`);
      const violations = await seriousViolations(page);
      await page.keyboard.press("Escape");
      await page.setViewportSize({ width: 1280, height: 900 });
      expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    });
  }
});
