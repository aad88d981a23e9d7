import { ActivityInput, CreateAgreementInput, IndicatorInput } from "@conventio/domain";
import { SYSTEM_ACTOR } from "@conventio/server";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./support/axe.js";
import { type Browser, openBrowser, screenshot } from "./support/browser.js";
import { ADMIN, seedOrganisation, seedPartnership, startTestServer, type TestServer } from "./support/server.js";
import { signIn } from "./support/session.js";

const VIEWER = { email: "vera@example.org", name: "Vera Viewer", password: "a-viewer-password" };
const TITLE = "Convention de coopération Lille – Linköping";

const isFocused = (locator: Locator) => locator.evaluate((el) => el === document.activeElement);
const holdsFocus = (locator: Locator) => locator.evaluate((el) => el.contains(document.activeElement));

/** The legend of the repeated row (a party, a signatory) holding the focus. */
const focusedRow = (page: Page) =>
  page.evaluate(() => {
    const field = document.activeElement;
    const row = field instanceof HTMLInputElement ? field.closest(".row-fieldset") : null;
    return row?.querySelector("legend")?.textContent ?? null;
  });

async function expectNoSeriousViolations(page: Page) {
  await page.waitForLoadState("networkidle");
  const violations = await seriousViolations(page);
  expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
}

/** The numbers written along a chart's value axis, top to bottom as drawn. */
function axisLabels(page: Page, chartName: string): Promise<string[]> {
  return page.getByRole("img", { name: chartName }).locator('g > text[text-anchor="end"]').allTextContents();
}

async function switchLanguage(page: Page, from: "Language" | "Langue" | "Språk", to: "en" | "fr" | "sv") {
  await page.getByLabel(from, { exact: true }).selectOption(to);
}

describe("calm staff pages", () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let agreementId: string;
  let networkId: string;
  let personId: string;
  let activityId = "";

  beforeAll(async () => {
    server = await startTestServer();
    ({ networkId, personId } = await seedPartnership(server));
    const { agreements, governance, activities, accounts } = server.running.services;
    const lille = await seedOrganisation(server, {
      kind: "university",
      name: "Université Lille Nord",
      countryCode: "FR",
      city: "Lille",
      visibility: "public",
    });
    const agreement = await agreements.createAgreement(
      SYSTEM_ACTOR,
      CreateAgreementInput.parse({
        kind: "partnership_convention",
        title: TITLE,
        language: "fr",
        parties: [{ organisationId: lille }],
      }),
    );
    agreementId = agreement.id;
    await governance.createBody(SYSTEM_ACTOR, {
      agreementId,
      kind: "steering",
      name: "Comité de pilotage",
      theme: null,
    });
    await governance.createBody(SYSTEM_ACTOR, {
      agreementId,
      kind: "working_group",
      name: "Groupe de travail mobilité",
      theme: null,
    });
    await accounts.createUserAsOperator({ ...VIEWER, role: "viewer" });
    const admin = (await accounts.listUsers(SYSTEM_ACTOR)).find((u) => u.email === ADMIN.email);
    await governance.createAction(SYSTEM_ACTOR, {
      title: "Envoyer la carte des résidences",
      agreementId,
      meetingId: null,
      ownerId: admin?.id ?? null,
      dueOn: null,
    });
    // Two people in, one out: an axis of halves would read 0,5 in French.
    for (const [direction, count] of [
      ["incoming", 2],
      ["outgoing", 1],
    ] as const) {
      const activity = await activities.createActivity(
        SYSTEM_ACTOR,
        ActivityInput.parse({
          kind: "student_mobility",
          title: `Mobility ${direction}`,
          agreementId,
          partnerIds: [lille],
          mobility: { direction, level: "master", academicYear: "2025-2026", count },
        }),
      );
      activityId = activity.id;
    }
    const indicator = await activities.createIndicator(
      SYSTEM_ACTOR,
      IndicatorInput.parse({ agreementId, name: "Joint publications", unit: "papers", target: 2.5 }),
    );
    await activities.recordIndicatorValue(SYSTEM_ACTOR, indicator.id, { year: 2025, value: 1.5 });
    browser = await openBrowser();
    page = await browser.newPage();
    await signIn(page, server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("keeps the governance forms closed until asked, and moves the focus in and back", async () => {
    await page.goto(`${server.url}/agreements/${agreementId}?tab=governance`);
    const group = page.getByRole("region", { name: "Comité de pilotage" });
    await group.waitFor();
    expect(await page.getByRole("tabpanel").getByRole("form").count()).toBe(0);

    const addMember = group.getByRole("button", { name: "Add a member to Comité de pilotage" });
    await addMember.click();
    const memberForm = group.getByRole("form", { name: "Add a member to Comité de pilotage" });
    await memberForm.waitFor();
    await expect.poll(() => holdsFocus(memberForm)).toBe(true);
    // Only this group's form opened.
    expect(await page.getByRole("tabpanel").getByRole("form").count()).toBe(1);
    await page.keyboard.press("Escape");
    await memberForm.waitFor({ state: "detached" });
    await expect.poll(() => isFocused(addMember)).toBe(true);

    const addMeeting = group.getByRole("button", { name: "Add a meeting of Comité de pilotage" });
    await addMeeting.click();
    const meetingForm = group.getByRole("form", { name: "Record a meeting of Comité de pilotage" });
    await expect.poll(() => holdsFocus(meetingForm)).toBe(true);
    await meetingForm.getByRole("button", { name: "Cancel" }).click();
    await meetingForm.waitFor({ state: "detached" });
    await expect.poll(() => isFocused(addMeeting)).toBe(true);

    await addMeeting.click();
    await meetingForm.getByLabel(/^Date of the meeting\s*\*?$/).fill("2026-03-12");
    await meetingForm.getByLabel("Place", { exact: true }).fill("Linköping");
    await meetingForm.getByRole("button", { name: "Record meeting" }).click();
    await meetingForm.waitFor({ state: "detached" });
    await group
      .locator("article.meeting")
      .getByText(/Linköping/)
      .waitFor();
    await group.getByRole("status").getByText("Meeting of Comité de pilotage saved").waitFor({ state: "attached" });
    await expect.poll(() => isFocused(addMeeting)).toBe(true);

    // Correcting it starts in its first field; Escape gives the focus back to its Edit button.
    const edit = group.getByRole("button", { name: /^Edit the meeting of/ });
    await edit.click();
    const correction = group.getByRole("form", { name: /^Correct the meeting of Comité de pilotage/ });
    await expect.poll(() => holdsFocus(correction)).toBe(true);
    await page.keyboard.press("Escape");
    await correction.waitFor({ state: "detached" });
    await expect.poll(() => isFocused(edit)).toBe(true);
    await screenshot(page, "governance-calm");
    await expectNoSeriousViolations(page);
  });

  it("shows the shape of the page, marked busy, until the record arrives", async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(`**/api/agreements/${agreementId}`, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${server.url}/agreements/${agreementId}`);
    const placeholder = page.locator('[aria-busy="true"]');
    await placeholder.waitFor();
    expect(await placeholder.getByText("Loading…").count()).toBe(1);
    release();
    await page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    expect(await page.locator('[aria-busy="true"]').count()).toBe(0);
    await page.unroute(`**/api/agreements/${agreementId}`);
  });

  it("gives the focus back to what opened a dialog closed with Escape", async () => {
    await page.goto(`${server.url}/agreements/${agreementId}`);
    await page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    const opener = page.getByRole("button", { name: "Delete", exact: true });
    await opener.click();
    const dialog = page.getByRole("dialog", { name: `Delete the draft “${TITLE}”?` });
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "Close" }).waitFor();
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    await expect.poll(() => isFocused(opener)).toBe(true);
  });

  it("moves the focus to the new row when a party or a signatory is added", async () => {
    await page.goto(`${server.url}/agreements/${agreementId}/edit`);
    await page.getByRole("button", { name: "Add a party" }).click();
    await expect.poll(() => focusedRow(page)).toBe("Party 2");
    await page.getByRole("button", { name: "Add a signatory" }).click();
    await expect.poll(() => focusedRow(page)).toBe("Signatory 1");
  });

  it("marks a title in another language than the page with its language", async () => {
    await page.goto(`${server.url}/agreements/${agreementId}`);
    expect(await page.getByRole("heading", { level: 1, name: TITLE }).getAttribute("lang")).toBe("fr");
    await page.goto(`${server.url}/my/actions`);
    const cell = page.getByRole("cell", { name: new RegExp(TITLE) });
    await cell.waitFor();
    expect(await cell.locator('[lang="fr"]').textContent()).toBe(TITLE);
  });

  it("counts people on whole numbers and writes measures the French way", async () => {
    await page.goto(`${server.url}/dashboard`);
    await page.getByRole("heading", { level: 1, name: "Dashboard" }).waitFor();
    await switchLanguage(page, "Language", "fr");
    const mobility = "Mobilités entrantes et sortantes par année universitaire";
    await page.getByRole("img", { name: mobility }).waitFor();
    const counts = await axisLabels(page, mobility);
    expect(counts.length).toBeGreaterThan(1);
    expect(counts.every((label) => /^\d+$/.test(label))).toBe(true);
    expect(counts).toContain("2");
    await screenshot(page, "dashboard-fr");
    await expectNoSeriousViolations(page);

    await page.goto(`${server.url}/agreements/${agreementId}?tab=results`);
    const measuresChart = "Joint publications : valeurs par année, référence et cible";
    await page.getByRole("img", { name: measuresChart }).waitFor();
    const measures = await axisLabels(page, measuresChart);
    expect(measures).toContain("2,5");
    expect(measures.some((label) => label.includes("."))).toBe(false);
    await switchLanguage(page, "Langue", "en");
  });

  it.each([
    ["fr", "Langue", "Gouvernance"],
    ["sv", "Språk", "Styrning"],
  ] as const)("has no serious accessibility violations on the calm pages in %s", async (lang, label, tab) => {
    await page.goto(`${server.url}/agreements/${agreementId}`);
    await page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    await switchLanguage(page, "Language", lang);
    await page.getByRole("tab", { name: tab }).click();
    await page.getByRole("region", { name: "Comité de pilotage" }).waitFor();
    await expectNoSeriousViolations(page);
    await page.getByRole("region", { name: "Comité de pilotage" }).getByRole("button").first().click();
    await expectNoSeriousViolations(page);
    await screenshot(page, `governance-${lang}`);
    await page.goto(`${server.url}/dashboard`);
    await page.locator("svg.chart").first().waitFor();
    await expectNoSeriousViolations(page);
    await switchLanguage(page, label, "en");
  });

  describe("a viewer", () => {
    let viewerBrowser: Browser;
    let viewer: Page;

    beforeAll(async () => {
      viewerBrowser = await openBrowser();
      viewer = await viewerBrowser.newPage();
      await signIn(viewer, server.url, VIEWER);
    });

    afterAll(async () => {
      await viewerBrowser?.close();
    });

    it("is offered no edit form or button on an agreement", async () => {
      await viewer.goto(`${server.url}/agreements/${agreementId}`);
      await viewer.getByRole("heading", { level: 1, name: TITLE }).waitFor();
      expect(await viewer.getByRole("link", { name: "Edit" }).count()).toBe(0);
      expect(await viewer.getByRole("button", { name: "Delete" }).count()).toBe(0);
      await viewer.getByRole("tab", { name: "Governance" }).click();
      await viewer.getByRole("region", { name: "Comité de pilotage" }).waitFor();
      const panel = viewer.getByRole("tabpanel");
      expect(await panel.getByRole("form").count()).toBe(0);
      expect(await panel.getByRole("button").count()).toBe(0);
      for (const tab of ["Results", "Documents", "Pictures"]) {
        await viewer.getByRole("tab", { name: tab }).click();
        await viewer.waitForLoadState("networkidle");
        expect(await viewer.getByRole("tabpanel").getByRole("form").count(), tab).toBe(0);
      }
      await viewer.goto(`${server.url}/agreements/${agreementId}/edit`);
      await viewer.waitForURL((url) => url.pathname === "/dashboard");
    });

    it("is offered no edit form or button on an organisation", async () => {
      await viewer.goto(`${server.url}/organisations/${networkId}`);
      await viewer.getByRole("heading", { level: 1, name: "European Campus Alliance" }).waitFor();
      expect(await viewer.getByRole("link", { name: "Edit" }).count()).toBe(0);
      expect(await viewer.getByRole("button", { name: "Delete" }).count()).toBe(0);
      expect(await viewer.getByRole("button", { name: /^Remove / }).count()).toBe(0);
      expect(await viewer.getByRole("main").getByRole("form").count()).toBe(0);
      await viewer.goto(`${server.url}/organisations/new`);
      await viewer.waitForURL((url) => url.pathname === "/dashboard");
    });

    it.each([
      ["person", () => `/people/${personId}`, "Anna Lindqvist"],
      ["activity", () => `/activities/${activityId}`, "Mobility outgoing"],
    ])("is offered no edit form or button on a %s", async (_, path, heading) => {
      await viewer.goto(`${server.url}${path()}`);
      await viewer.getByRole("heading", { level: 1, name: heading }).waitFor();
      await viewer.waitForLoadState("networkidle");
      expect(await viewer.getByRole("link", { name: "Edit" }).count()).toBe(0);
      expect(await viewer.getByRole("button", { name: "Delete" }).count()).toBe(0);
      expect(await viewer.getByRole("main").getByRole("form").count()).toBe(0);
    });
  });
});
