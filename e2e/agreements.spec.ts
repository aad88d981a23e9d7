import { ManualClock } from "@conventio/server";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./support/axe.js";
import { type Browser, openBrowser, screenshot } from "./support/browser.js";
import { writeSmallPdf } from "./support/files.js";
import { type MailCatcher, startMailCatcher } from "./support/mail.js";
import { seedOrganisation, startTestServer, type TestServer } from "./support/server.js";
import { signIn } from "./support/session.js";

async function pick(page: Page, label: string, typed: string, option: string) {
  const input = page.getByRole("textbox", { name: label, exact: true });
  await input.click();
  await input.fill(typed);
  await page.getByRole("option", { name: option }).first().click();
}

async function choose(page: Page, label: string, option: string) {
  await page.getByRole("textbox", { name: label, exact: true }).click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

const TITLE = "MoU on student housing and mobility";
const expiryMails = (mail: MailCatcher) => mail.messages.filter((m) => /^Subject: Expiring:/m.test(m));

describe("an editor running an agreement through its life", () => {
  const clock = new ManualClock(new Date("2026-01-15T09:00:00Z"));
  let mail: MailCatcher;
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let lilleId: string;
  let agreementUrl: string;
  let successorUrl: string;

  beforeAll(async () => {
    mail = await startMailCatcher();
    server = await startTestServer({ clock, smtpUrl: mail.url });
    lilleId = await seedOrganisation(server, {
      kind: "university",
      name: "Université de Lille",
      countryCode: "FR",
      city: "Lille",
      visibility: "public",
    });
    await seedOrganisation(server, {
      kind: "local_authority",
      name: "Métropole Européenne de Lille",
      countryCode: "FR",
      city: "Lille",
      visibility: "public",
    });
    browser = await openBrowser();
    page = await browser.newPage();
    await signIn(page, server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await mail?.close();
  });

  it("drafts an MoU between two organisations with two signatories", async () => {
    await page.goto(`${server.url}/agreements`);
    await page.getByRole("link", { name: "New agreement" }).click();
    await page.getByRole("heading", { level: 1, name: "New agreement" }).waitFor();
    await choose(page, "Kind", "Memorandum of understanding");
    await page.getByRole("textbox", { name: "Title", exact: true }).fill(TITLE);
    await page.getByLabel("Valid from", { exact: true }).fill("2026-01-10");
    await page.getByLabel("Valid until", { exact: true }).fill("2027-01-09");
    for (const [n, name] of [
      [1, "Université de Lille"],
      [2, "Métropole Européenne de Lille"],
    ] as const) {
      await page.getByRole("button", { name: "Add a party" }).click();
      await pick(page, `Organisation of party ${n}`, name.slice(0, 8), name);
    }
    for (const [n, name] of [
      [1, "Régis Bordet"],
      [2, "Damien Castelain"],
    ] as const) {
      await page.getByRole("button", { name: "Add a signatory" }).click();
      await page.getByRole("textbox", { name: `Name of signatory ${n}` }).fill(name);
    }
    await page.getByRole("textbox", { name: "Themes" }).fill("student housing");
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Create agreement" }).click();
    await page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    agreementUrl = page.url();
    expect(await page.getByRole("cell", { name: "Métropole Européenne de Lille" }).count()).toBe(1);
    expect(await page.getByText("Damien Castelain").count()).toBe(1);
  });

  it("refuses to activate without a signature date, naming the field, then activates", async () => {
    await page.getByRole("button", { name: "Activate" }).click();
    await page.getByRole("alert").getByText("Record the signature date before activating.").waitFor();

    await page.getByRole("link", { name: "Edit" }).click();
    await page.getByLabel("Signed on", { exact: true }).fill("2026-01-10");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    await page.getByRole("button", { name: "Activate" }).click();
    await page.getByRole("button", { name: "Terminate" }).waitFor();
    expect(await page.getByText("Active", { exact: true }).count()).toBeGreaterThan(0);
  });

  it("attaches the signed PDF and offers it for download", async () => {
    const pdf = writeSmallPdf("signed-mou.pdf", "Memorandum of understanding, signed");
    await page.getByRole("tab", { name: "Documents" }).click();
    await page.getByRole("textbox", { name: "Title" }).fill("Signed MoU");
    await page.locator('input[type="file"]').setInputFiles(pdf);
    await page.getByRole("button", { name: "Upload", exact: true }).click();
    const link = page.getByRole("link", { name: "Signed MoU" });
    await link.waitFor();
    const href = await link.getAttribute("href");
    const response = await page.request.get(`${server.url}${href}`);
    expect(response.status()).toBe(200);
    expect((await response.body()).subarray(0, 5).toString()).toBe("%PDF-");

    // A corrected scan replaces the first; the first stays reachable as an earlier version.
    await page.getByRole("textbox", { name: "Title" }).fill("Signed MoU, corrected");
    await page.getByRole("textbox", { name: "New version of" }).click();
    await page.getByRole("option", { name: "Signed MoU (v1)" }).click();
    await page.locator('input[type="file"]').setInputFiles(writeSmallPdf("signed-mou-2.pdf", "Corrected scan"));
    await page.getByRole("button", { name: "Upload", exact: true }).click();
    await page.getByRole("link", { name: "Signed MoU, corrected" }).waitFor();
    expect(await page.getByRole("link", { name: "v1", exact: true }).getAttribute("href")).toBe(href);
    await screenshot(page, "agreement-documents");
  });

  it("lists it as expiring once the clock nears its end", async () => {
    await page.goto(`${server.url}/agreements?status=expiring`);
    await page.getByRole("status").getByText("0 agreements", { exact: true }).waitFor();
    clock.set(new Date("2026-08-01T09:00:00Z"));
    await page.reload();
    await page.getByRole("link", { name: TITLE }).waitFor();
    await page.goto(`${server.url}/agreements?expiringWithinDays=200`);
    await page.getByRole("link", { name: TITLE }).waitFor();
    await screenshot(page, "agreements-expiring");
  });

  it("sends the expiry reminder by e-mail exactly once", async () => {
    const { reminders } = server.running.services;
    await reminders.runReminders();
    await reminders.runReminders();
    expect(expiryMails(mail)).toHaveLength(1);
    expect(expiryMails(mail)[0]).toContain(TITLE);
    await page.goto(`${server.url}/inbox`);
    await page.getByRole("heading", { level: 2, name: /^Expiring:/ }).waitFor();
    await page.getByRole("link", { name: /Inbox\s*\([1-9]\d* unread\)/ }).waitFor();
    await screenshot(page, "inbox");
  });

  it("renews it and shows the chain", async () => {
    await page.goto(agreementUrl);
    await page.getByRole("button", { name: "Renew" }).click();
    await expect.poll(() => page.url()).not.toBe(agreementUrl);
    await page.getByText("Draft", { exact: true }).first().waitFor();
    const chain = page.getByRole("list", { name: "Renewal chain" });
    await chain.waitFor();
    expect(await chain.getByRole("listitem").count()).toBe(2);
    expect(await chain.locator('[aria-current="step"]').count()).toBe(1);
    successorUrl = page.url();
    await screenshot(page, "agreement-renewed");
  });

  it("runs a working group: a meeting, an action item, found under My actions", async () => {
    await page.goto(`${agreementUrl}?tab=governance`);
    await page.getByRole("button", { name: "Add a group" }).click();
    await page.getByRole("textbox", { name: "Name of the group" }).fill("Student housing working group");
    await page.getByRole("button", { name: "Create group" }).click();
    const group = page.getByRole("region", { name: "Student housing working group" });
    await group.waitFor();
    await group.getByRole("button", { name: /^Add a meeting/ }).click();
    await group.getByLabel(/^Date of the meeting\s*\*?$/).fill("2026-07-02");
    await group.getByLabel("Place", { exact: true }).fill("Espace culture, Cité Scientifique");
    await group.getByLabel("Decisions").fill("Map the student residences\nPropose a discount scheme");
    await group.getByRole("button", { name: "Record meeting" }).click();
    const meeting = group.locator("article.meeting");
    await meeting.waitFor();
    await meeting.getByRole("button", { name: /^Edit the meeting of/ }).click();
    const correction = group.getByRole("form", { name: /^Correct the meeting of Student housing working group/ });
    await correction.getByLabel("Place", { exact: true }).fill("Lilliad Learning Center");
    await correction.getByRole("button", { name: "Save meeting" }).click();
    await meeting.getByText(/Lilliad Learning Center/).waitFor();
    await meeting.getByRole("button", { name: /^Add an action item/ }).click();
    await meeting.getByRole("textbox", { name: "Action", exact: true }).fill("Send the residence map to the MEL");
    await meeting.getByLabel("Due").fill("2026-09-30");
    await meeting.getByRole("button", { name: "Add action" }).click();
    await page.getByRole("cell", { name: "Send the residence map to the MEL", exact: true }).waitFor();
    await screenshot(page, "agreement-governance");

    await page.getByRole("link", { name: "My actions" }).click();
    await page.getByRole("heading", { level: 1, name: "My actions" }).waitFor();
    await page.getByRole("cell", { name: "Send the residence map to the MEL", exact: true }).waitFor();
    await screenshot(page, "my-actions");
    await page.getByRole("button", { name: "Mark done: Send the residence map to the MEL" }).click();
    await page
      .getByRole("cell", { name: "Send the residence map to the MEL", exact: true })
      .waitFor({ state: "detached" });
  });

  it("draws the partner timeline on the organisation page, reachable by keyboard", async () => {
    await page.goto(`${server.url}/organisations/${lilleId}`);
    const timeline = page.locator("svg.partner-timeline");
    await timeline.waitFor();
    const marks = timeline.locator("a.timeline-mark");
    expect(await marks.count()).toBeGreaterThan(0);
    expect(await marks.first().getAttribute("aria-label")).toContain(TITLE);
    await marks.first().focus();
    expect(await marks.first().evaluate((el) => el === document.activeElement)).toBe(true);
    await page.getByText("The timeline as a table").click();
    expect(await page.getByRole("cell", { name: new RegExp(TITLE) }).count()).toBeGreaterThan(0);
    await screenshot(page, "organisation-timeline");
  });

  it("deletes a draft after asking", async () => {
    await page.goto(successorUrl);
    await page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    await page.getByRole("button", { name: "Delete" }).click();
    const dialog = page.getByRole("dialog", { name: `Delete the draft “${TITLE}”?` });
    await dialog.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("heading", { level: 1, name: "Agreements" }).waitFor();
    // Only the renewed original is left once the list has loaded.
    await expect.poll(() => page.getByRole("link", { name: TITLE }).count()).toBe(1);
    await page.getByRole("status").getByText("1 agreement", { exact: true }).waitFor();
  });

  it.each([
    ["agreements", () => `${server.url}/agreements`],
    ["agreement", () => agreementUrl],
    ["agreement-governance", () => `${agreementUrl}?tab=governance`],
    ["agreement-new", () => `${server.url}/agreements/new`],
    ["my-actions", () => `${server.url}/my/actions`],
    ["inbox", () => `${server.url}/inbox`],
    ["organisation-timeline", () => `${server.url}/organisations/${lilleId}`],
  ])("has no serious accessibility violations on the %s page", async (_, url) => {
    await page.goto(url());
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.waitForLoadState("networkidle");
    const violations = await seriousViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
  });

  it("shows the agreement in French with the domain's words, without serious accessibility violations", async () => {
    await page.goto(agreementUrl);
    await page.getByLabel("Language", { exact: true }).selectOption("fr");
    await page.getByRole("tab", { name: "Gouvernance" }).click();
    await page.getByRole("heading", { level: 2, name: "Student housing working group" }).waitFor();
    expect(await page.getByText("Groupe de travail", { exact: true }).count()).toBeGreaterThan(0);
    await screenshot(page, "agreement-governance-fr");
    const violations = await seriousViolations(page);
    await page.getByLabel("Langue", { exact: true }).selectOption("en");
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
  });

  it("still sends the expiry reminder only once after a restart", async () => {
    await server.restart();
    await server.running.services.reminders.runReminders();
    expect(expiryMails(mail)).toHaveLength(1);
  });
});
