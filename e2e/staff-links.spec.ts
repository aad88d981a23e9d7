import { CreateAgreementInput } from "@conventio/domain";
import { SYSTEM_ACTOR } from "@conventio/server";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./support/axe.js";
import { type Browser, openBrowser, screenshot } from "./support/browser.js";
import { startTestServer, type TestServer } from "./support/server.js";
import { signIn } from "./support/session.js";
import { adminCall } from "./support/site.js";
import { type StaffRecords, seedStaffRecords } from "./support/staff-records.js";

/**
 * Staff pages lead somewhere: a dashboard figure to the list it counts, a detail page back to
 * its list, an organisation to what it takes part in; a late action says so in words.
 */
describe("staff pages that lead somewhere", () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let ids: StaffRecords;
  let reference: string;
  let linkopingId: string;

  beforeAll(async () => {
    server = await startTestServer();
    ids = await seedStaffRecords(server);
    const { agreements, people } = server.running.services;
    // Two framework agreements beside the seeded memorandum: the kind counted is not the only one.
    const person = await people.getPerson(SYSTEM_ACTOR, ids.personId);
    linkopingId = person.organisation?.id ?? "";
    for (const title of ["Accord-cadre Lille – Linköping", "Ramavtal om forskarutbildning"]) {
      await agreements.createAgreement(
        SYSTEM_ACTOR,
        CreateAgreementInput.parse({
          kind: "framework_agreement",
          title,
          parties: [{ organisationId: linkopingId }],
        }),
      );
    }
    reference = (await agreements.getAgreement(SYSTEM_ACTOR, ids.agreementId)).reference;
    const call = await adminCall(server.url);
    await call("POST", "/api/actions", {
      title: "Send the signed copy to Linköping",
      agreementId: ids.agreementId,
      dueOn: "2025-01-15",
    });
    await call("POST", "/api/actions", {
      title: "Plan the next steering meeting",
      agreementId: ids.agreementId,
      dueOn: "2099-01-15",
    });
    const now = new Date();
    const noon = new Date(now.getFullYear(), now.getMonth(), now.getDate(), 12).toISOString();
    await call("POST", "/api/events", { title: "Welcome desk for exchange students", startsAt: noon });
    browser = await openBrowser();
    page = await browser.newPage();
    await signIn(page, server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const rows = () => page.locator("main table tbody tr");

  it("leads from a dashboard count to the list filtered as counted", async () => {
    await page.goto(`${server.url}/dashboard`);
    await page.locator("main table").first().waitFor();
    await screenshot(page, "dashboard-links");
    const count = page.getByRole("link", { name: /^2 agreements: Framework agreement$/ });
    await count.waitFor();
    expect(await count.textContent()).toBe("2");
    await count.click();
    await page.waitForURL(/\/agreements\?kind=framework_agreement$/);
    await page.getByRole("link", { name: /Ramavtal om forskarutbildning/ }).waitFor();
    await expect.poll(() => rows().count()).toBe(2);
    expect(await page.getByRole("link", { name: /Mémorandum d'entente/ }).count()).toBe(0);

    await page.goto(`${server.url}/dashboard`);
    const drafts = page.getByRole("link", { name: /^3 agreements: Draft$/ });
    await drafts.click();
    await page.waitForURL(/\/agreements\?status=draft$/);
    await page.getByRole("link", { name: /Mémorandum d'entente/ }).waitFor();
    await expect.poll(() => rows().count()).toBe(3);
  });

  it("leads from an agreement back to the agreements by its breadcrumbs", async () => {
    await page.goto(`${server.url}/agreements/${ids.agreementId}`);
    const trail = page.getByRole("navigation", { name: "Breadcrumbs" });
    const current = trail.locator('[aria-current="page"]');
    await current.waitFor();
    expect(await current.textContent()).toBe(
      `${reference} Mémorandum d'entente interuniversitaire sur la co-supervision doctorale transfrontalière`,
    );
    expect(await trail.getByRole("listitem").count()).toBe(2);
    // The main navigation marks the section the agreement sits in, not a page it is not on.
    const nav = page.getByRole("navigation", { name: "Main", exact: true });
    expect(await nav.getByRole("link", { name: "Agreements" }).getAttribute("aria-current")).toBe("true");
    expect(await nav.getByRole("link", { name: "Organisations" }).getAttribute("aria-current")).toBeNull();
    await trail.getByRole("link", { name: "Agreements" }).click();
    await page.getByRole("heading", { level: 1, name: "Agreements" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/agreements");
    await expect.poll(() => nav.getByRole("link", { name: "Agreements" }).getAttribute("aria-current")).toBe("page");
  });

  it("shows an organisation's agreements, people and labelled timeline", async () => {
    await page.goto(`${server.url}/organisations/${linkopingId}`);
    const agreements = page.getByRole("region", { name: "Agreements" });
    await agreements.getByRole("link", { name: /Ramavtal om forskarutbildning/ }).waitFor();
    expect(await agreements.getByRole("listitem").count()).toBe(3);
    const people = page.getByRole("region", { name: "People" });
    await people.getByRole("link", { name: "Anna Lindqvist" }).waitFor();
    const activities = page.getByRole("region", { name: "Activities" });
    await activities.getByRole("link", { name: "Séminaire d'hydrologie à Linköping" }).waitFor();
    // Each bar of the timeline carries its label in view, not only on hover.
    await page
      .locator("svg.partner-timeline text")
      .filter({ hasText: /Mémorandum d.entente/ })
      .waitFor();
    await screenshot(page, "organisation-records");
    await page
      .getByRole("link", { name: /Mémorandum d'entente/ })
      .first()
      .click();
    await page.getByRole("navigation", { name: "Breadcrumbs" }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/agreements/${ids.agreementId}`);
  });

  it("names the partner a list is filtered by, and clears it", async () => {
    const name = (await server.running.services.organisations.getOrganisation(SYSTEM_ACTOR, linkopingId)).name;
    for (const list of ["agreements", "activities", "events"]) {
      await page.goto(`${server.url}/${list}?partner=${linkopingId}`);
      const field = page.getByRole("textbox", { name: "Partner", exact: true });
      await expect.poll(() => field.inputValue(), { message: list }).toBe(name);
    }
    await page.goto(`${server.url}/activities?partner=${linkopingId}`);
    await page.getByRole("link", { name: "Séminaire d'hydrologie à Linköping" }).waitFor();
    const field = page.getByRole("textbox", { name: "Partner", exact: true });
    await expect.poll(() => field.inputValue()).toBe(name);
    await field.click();
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Backspace");
    await page.keyboard.press("Escape");
    await page.waitForURL((url) => !url.searchParams.has("partner"));
  });

  it("flags a past-due action as overdue in words, and only that one", async () => {
    await page.goto(`${server.url}/my/actions`);
    const late = page.getByRole("row", { name: /Send the signed copy to Linköping/ });
    await late.getByText("overdue", { exact: true }).waitFor();
    const coming = page.getByRole("row", { name: /Plan the next steering meeting/ });
    await coming.waitFor();
    expect(await coming.getByText("overdue", { exact: true }).count()).toBe(0);

    await page.goto(`${server.url}/reviews?agreement=${ids.agreementId}`);
    await page.getByRole("button", { name: "Assemble review" }).click();
    await page
      .getByRole("row", { name: /Send the signed copy to Linköping/ })
      .getByText("overdue", { exact: true })
      .waitFor();
  });

  it("opens the events on the coming ones, with today marked", async () => {
    await page.goto(`${server.url}/events`);
    const today = page.getByRole("row", { name: /Welcome desk for exchange students/ });
    await today.getByText("Today", { exact: true }).waitFor();
    expect(
      await page
        .getByRole("row", { name: /Journée d'accueil à Malmö/ })
        .getByText("Today")
        .count(),
    ).toBe(0);
    await page.getByText("Month", { exact: true }).click();
    const cell = page.locator('td[aria-current="date"]');
    await cell.getByText("Today", { exact: true }).waitFor();
    await cell.getByRole("link", { name: "Welcome desk for exchange students" }).waitFor();
  });

  const pages: ReadonlyArray<[name: string, path: () => string, ready: string]> = [
    ["dashboard", () => "/dashboard", "main table"],
    ["filtered agreements", () => "/agreements?kind=framework_agreement", "main table tbody tr"],
    ["agreement", () => `/agreements/${ids.agreementId}`, "nav ol"],
    ["organisation", () => `/organisations/${linkopingId}`, "svg.partner-timeline text"],
    ["my actions", () => "/my/actions", "main table tbody tr"],
  ];

  // The accessibility walk holds every page to all of axe's rules; here the same pages carry this
  // journey's records (an overdue action, a labelled timeline), checked at either end of the range.
  for (const [lang, width] of [
    ["en", 1280],
    ["sv", 320],
  ] as const) {
    it(`has no serious accessibility violations on these pages in ${lang} at ${width} px`, async () => {
      // The language is chosen in the header, which narrow screens fold behind a menu.
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${server.url}/dashboard`);
      await page.locator("main table").first().waitFor();
      const current = await page.evaluate(() => document.documentElement.lang);
      if (!current.startsWith(lang)) {
        await page.getByLabel(current.startsWith("sv") ? "Språk" : "Language", { exact: true }).selectOption(lang);
        await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toMatch(new RegExp(`^${lang}`));
      }
      await page.setViewportSize({ width, height: 900 });
      for (const [name, path, ready] of pages) {
        await page.goto(`${server.url}${path()}`);
        await page.locator(ready).first().waitFor();
        const violations = await seriousViolations(page);
        expect(violations, `${name}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
      }
    });
  }
});
