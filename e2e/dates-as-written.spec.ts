import { RecordPastAgreementInput } from "@conventio/domain";
import { SYSTEM_ACTOR } from "@conventio/server";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./support/axe.js";
import { type Browser, openBrowser, screenshot } from "./support/browser.js";
import { seedOrganisation, startTestServer, type TestServer } from "./support/server.js";
import { signIn } from "./support/session.js";

/** Enters a date known to the day, month or year: the precision first, then the browser's own field. */
async function fillPartialDate(
  scope: Page | Locator,
  label: string,
  precision: "Day" | "Month" | "Year only",
  value: string,
) {
  await scope.getByRole("combobox", { name: `How precisely ${label} is known` }).selectOption({ label: precision });
  // A required field's label ends with Mantine's asterisk.
  await scope.getByLabel(new RegExp(`^${label}\\s*\\*?$`)).fill(value);
}

async function choose(page: Page, label: string, option: string) {
  await page.getByRole("textbox", { name: label, exact: true }).click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

async function expectNoSeriousViolations(page: Page) {
  await page.waitForLoadState("networkidle");
  const violations = await seriousViolations(page);
  expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
}

describe("facts known only to the month or the year, as staff enter and read them", () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let agreementId: string;
  let bodyId: string;
  let networkId: string;

  beforeAll(async () => {
    server = await startTestServer();
    const lille = await seedOrganisation(server, {
      kind: "university",
      name: "Université de Lille",
      countryCode: "FR",
      city: "Lille",
      visibility: "public",
    });
    networkId = await seedOrganisation(server, {
      kind: "network",
      name: "Réseau des universités du Nord",
      countryCode: "FR",
      city: "Lille",
      visibility: "public",
    });
    const { agreements, governance } = server.running.services;
    const agreement = await agreements.recordPastAgreement(
      SYSTEM_ACTOR,
      RecordPastAgreementInput.parse({
        kind: "partnership_convention",
        title: "Convention de partenariat Lille – Kitakyushu",
        language: "fr",
        signedOn: "2017-06",
        startsOn: "2017",
        parties: [{ organisationId: lille }],
        signatories: [
          {
            name: "Jean-Christophe Camart",
            title: "Président de l'Université Lille 2",
            titles: [{ lang: "en", value: "President of the University of Lille 2" }],
            organisationId: lille,
            signedOn: "2017-06",
            place: "Lille",
          },
        ],
        status: "active",
      }),
    );
    agreementId = agreement.id;
    bodyId = (
      await governance.createBody(SYSTEM_ACTOR, {
        agreementId,
        kind: "steering",
        name: "Comité de pilotage",
        theme: null,
      })
    ).id;
    browser = await openBrowser();
    page = await browser.newPage();
    await signIn(page, server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("records a meeting known only to the month, makes it public, and reads it as written", async () => {
    await page.goto(`${server.url}/agreements/${agreementId}?tab=governance`);
    const group = page.getByRole("region", { name: "Comité de pilotage" });
    await group.waitFor();
    await group.getByRole("button", { name: "Add a meeting of Comité de pilotage" }).click();
    const form = group.getByRole("form", { name: "Record a meeting of Comité de pilotage" });
    await fillPartialDate(form, "Date of the meeting", "Month", "2017-06");
    await form.getByLabel("Place", { exact: true }).fill("Kitakyushu");
    await form.getByRole("textbox", { name: "Decisions" }).fill("Open a joint master in robotics");
    const publicSwitch = form.getByRole("switch", { name: "Public meeting" });
    await publicSwitch.focus();
    await page.keyboard.press("Space");
    expect(await publicSwitch.isChecked()).toBe(true);
    await form.getByText(/The agenda and minutes stay internal/).waitFor();
    await form.getByRole("button", { name: "Record meeting" }).click();

    const meeting = group.locator("article.meeting");
    await meeting.getByText("June 2017 · Kitakyushu").waitFor();
    await meeting.getByText("Public", { exact: true }).waitFor();
    const [body] = (await server.running.services.governance.listBodies(SYSTEM_ACTOR, agreementId)).filter(
      (b) => b.id === bodyId,
    );
    expect(body?.meetings).toMatchObject([{ heldOn: "2017-06", place: "Kitakyushu", visibility: "public" }]);
    await screenshot(page, "meeting-public-month");
    await expectNoSeriousViolations(page);

    // Correcting it keeps the month and the visibility it was recorded with.
    await meeting.getByRole("button", { name: "Edit the meeting of June 2017" }).click();
    const correction = group.getByRole("form", { name: "Correct the meeting of Comité de pilotage on June 2017" });
    expect(await correction.getByLabel(/^Date of the meeting\s*\*?$/).inputValue()).toBe("2017-06");
    expect(await correction.getByRole("switch", { name: "Public meeting" }).isChecked()).toBe(true);
    await correction.getByRole("button", { name: "Cancel" }).click();

    await page.getByLabel("Language", { exact: true }).selectOption("fr");
    await page.getByRole("tab", { name: "Gouvernance" }).click();
    await meeting.getByText("juin 2017 · Kitakyushu").waitFor();
    await meeting.getByText("Publique", { exact: true }).waitFor();
    await expectNoSeriousViolations(page);
    await page.getByLabel("Langue", { exact: true }).selectOption("en");
  });

  it("shows a signatory's title in the reader's language, the date as written, the agreement's language and that it was recorded afterwards", async () => {
    await page.goto(`${server.url}/agreements/${agreementId}`);
    const signatory = page.getByRole("listitem").filter({ hasText: "Jean-Christophe Camart" });
    await signatory.getByText("President of the University of Lille 2").waitFor();
    await signatory.getByText("June 2017").waitFor();
    expect(await signatory.locator('[lang="en"]').count()).toBe(0);
    const about = page.getByRole("region", { name: "About" });
    await about.getByText("Recorded afterwards, as it stood").waitFor();
    await about.getByText("French", { exact: true }).waitFor();
    await expectNoSeriousViolations(page);

    await page.getByLabel("Language", { exact: true }).selectOption("sv");
    // No Swedish title: the one printed, marked as French for screen readers.
    await signatory.locator('[lang="fr"]').getByText("Président de l'Université Lille 2").waitFor();
    await signatory.getByText("juni 2017").waitFor();
    await page.getByText("Registrerat i efterhand, som det var").waitFor();
    await page.getByLabel("Språk", { exact: true }).selectOption("en");
  });

  it("records a research project with granted funding over a funded period, and shows it on the activity page", async () => {
    await page.goto(`${server.url}/activities/new`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await choose(page, "Kind", "Joint research project");
    await page.getByRole("textbox", { name: "Title", exact: true }).fill("Hydrogen for the Lille metropolis");
    await fillPartialDate(page, "Starts on", "Year only", "2024");
    await fillPartialDate(page, "Ends on", "Month", "2026-06");
    await expectNoSeriousViolations(page);

    await page.getByRole("switch", { name: "This activity is funded" }).check();
    await page.getByRole("textbox", { name: "Funder", exact: true }).fill("Région Hauts-de-France");
    await page.getByRole("textbox", { name: "Programme or call" }).fill("STIMULE");
    await choose(page, "Outcome", "Granted");
    await page.getByRole("textbox", { name: "Amount granted" }).fill("120000");
    await fillPartialDate(page, "Funded from", "Year only", "2024");
    await fillPartialDate(page, "Funded until", "Month", "2025-12");
    await expectNoSeriousViolations(page);
    await page.getByRole("button", { name: "Record activity" }).click();

    await page.getByRole("heading", { level: 1, name: "Hydrogen for the Lille metropolis" }).waitFor();
    const funding = page.getByRole("region", { name: "Funding" });
    await funding.getByText("Région Hauts-de-France").waitFor();
    await funding.getByText("€120,000.00").waitFor();
    await funding.getByText("2024 – December 2025").waitFor();
    await page.getByText("2024 – June 2026").waitFor();
    const id = page.url().split("/").pop() ?? "";
    const saved = await server.running.services.activities.getActivity(SYSTEM_ACTOR, id);
    expect(saved).toMatchObject({
      kind: "research_project",
      startsOn: "2024",
      endsOn: "2026-06",
      funding: {
        funder: "Région Hauts-de-France",
        outcome: "granted",
        amountGranted: 120000,
        startsOn: "2024",
        endsOn: "2025-12",
      },
    });
    await screenshot(page, "activity-funded-period");
    await expectNoSeriousViolations(page);

    await page.getByLabel("Language", { exact: true }).selectOption("fr");
    await page.getByRole("region", { name: "Financement" }).getByText("2024 – décembre 2025").waitFor();
    await page.getByLabel("Langue", { exact: true }).selectOption("en");
  });

  it("adds a member to a network since a year, read as written", async () => {
    await page.goto(`${server.url}/organisations/${networkId}`);
    const form = page.getByRole("form", { name: "Add a member" });
    const picker = form.getByRole("textbox", { name: "Member organisation", exact: true });
    await picker.click();
    await picker.fill("Univ");
    await page.getByRole("option", { name: "Université de Lille" }).first().click();
    await fillPartialDate(form, "Since", "Year only", "2002");
    await form.getByRole("button", { name: "Add member" }).click();
    await page.getByRole("cell", { name: "since 2002", exact: true }).waitFor();
    await page.getByLabel("Language", { exact: true }).selectOption("fr");
    await page.getByRole("cell", { name: "depuis 2002", exact: true }).waitFor();
    await expectNoSeriousViolations(page);
    await page.getByLabel("Langue", { exact: true }).selectOption("en");
  });
});
