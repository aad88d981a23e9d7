import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateAgreementInput, NewsInput, TransitionInput } from "@conventio/domain";
import { SYSTEM_ACTOR } from "@conventio/server";
import ICAL from "ical.js";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./support/axe.js";
import { type Browser, openBrowser, screenshot } from "./support/browser.js";
import { ADMIN, startTestServer, type TestServer } from "./support/server.js";

const READER = { email: "rita@example.org", name: "Rita Reader", password: "a-reader-password" } as const;
const PAYLOAD = `<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2; alert(1)">`;

async function signInAs(page: Page, account: { email: string; password: string }) {
  await page.getByLabel("E-mail").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs out; the staff app then hands over to the public home page. */
async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL((url) => url.pathname === "/en/");
  await page.getByRole("link", { name: "Staff sign-in" }).waitFor();
}

describe("what partnerships publish", () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let melId: string;
  let postId: string;
  let dormantId: string;
  const dialogs: string[] = [];

  beforeAll(async () => {
    server = await startTestServer({ demo: true });
    const { agreements, accounts } = server.running.services;
    await accounts.createUserAsOperator({ ...READER, role: "viewer" });
    const mel = await agreements.listAgreements(SYSTEM_ACTOR, { q: "Métropole Européenne de Lille", limit: 5 });
    melId = mel.items.find((a) => a.kind === "partnership_convention")?.id ?? "";
    const news = (await (await fetch(`${server.url}/api/news?limit=100`)).json()) as {
      items: { id: string; title: string }[];
    };
    postId = news.items.find((n) => n.title.startsWith("Convention MEL/Université de Lille"))?.id ?? "";
    // A convention signed two years ago of which nothing was heard since.
    const parties = (await agreements.getAgreement(SYSTEM_ACTOR, melId)).partyDetails;
    const started = new Date(Date.now() - 730 * 86_400_000).toISOString().slice(0, 10);
    const quiet = await agreements.createAgreement(
      SYSTEM_ACTOR,
      CreateAgreementInput.parse({
        kind: "memorandum_of_understanding",
        title: "MoU on shared sports facilities",
        signedOn: started,
        startsOn: started,
        parties: parties.map((p) => ({ organisationId: p.organisation.id })),
        signatories: [{ name: "The President" }],
      }),
    );
    await agreements.transitionAgreement(SYSTEM_ACTOR, quiet.id, TransitionInput.parse({ action: "activate" }));
    dormantId = quiet.id;
    browser = await openBrowser();
    page = await browser.newPage();
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("shows a visitor the public partnership page, without internal parts", async () => {
    expect(melId).not.toBe("");
    await page.goto(`${server.url}/`);
    await page.getByRole("heading", { level: 2, name: "Latest news" }).waitFor();
    await page.getByRole("link", { name: "Partnerships" }).first().click();
    await page.getByRole("heading", { level: 1, name: "Partnerships" }).waitFor();
    // The convention's French title has an English version, which the English interface shows.
    await page.getByRole("link", { name: /Convention between the European Metropolis of Lille/ }).click();
    await page.getByRole("heading", { level: 1, name: /European Metropolis of Lille/ }).waitFor();
    await page.getByRole("region", { name: "Axes and collaboration areas" }).waitFor();
    expect(await page.getByRole("link", { name: "Subscribe to its calendar (iCal)" }).getAttribute("href")).toBe(
      `/api/public/agreements/${melId}/calendar.ics`,
    );
    expect(await page.getByText("Lifecycle history").count()).toBe(0);
    expect(await page.getByRole("button", { name: "Edit" }).count()).toBe(0);
    await screenshot(page, "public-partnership");
  });

  it("lets a visitor read a news post in its languages", async () => {
    expect(postId).not.toBe("");
    // The staff app's address of a post leads a visitor to its public page.
    await page.goto(`${server.url}/news/${postId}`);
    expect(new URL(page.url()).pathname).toBe(`/en/news/${postId}`);
    await page
      .getByRole("heading", { level: 1, name: "MEL / University of Lille convention: synergies for the area" })
      .waitFor();
    await page.getByRole("link", { name: /Convention MEL\/Université de Lille/ }).click();
    await page.getByRole("heading", { level: 1, name: /Convention MEL\/Université de Lille/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/fr/news/${postId}`);
    expect(await page.getByRole("textbox", { name: "Your comment" }).count()).toBe(0);
    await screenshot(page, "public-news-post");
  });

  // Known fault: the public post page rendered on the server has no comments and no way to sign in to comment.
  it.fails("asks a visitor to sign in to comment on a public post", async () => {
    await page.goto(`${server.url}/en/news/${postId}`);
    await page.getByRole("link", { name: "Sign in to comment" }).waitFor({ timeout: 3_000 });
  });

  it("never names an internal agreement on a public news post", async () => {
    const { agreements, news } = server.running.services;
    const secret = await agreements.createAgreement(
      SYSTEM_ACTOR,
      CreateAgreementInput.parse({ kind: "memorandum_of_understanding", title: "Confidential MoU under negotiation" }),
    );
    const post = await news.saveNews(
      SYSTEM_ACTOR,
      null,
      NewsInput.parse({
        lang: "en",
        title: "A delegation visits the campus",
        body: "A delegation visited the campus.",
        status: "published",
        publishedOn: "2026-11-02",
        agreementId: secret.id,
      }),
    );
    await page.goto(`${server.url}/news/${post.id}`);
    await page.getByRole("heading", { level: 1, name: "A delegation visits the campus" }).waitFor();
    await page.waitForLoadState("networkidle");
    expect(await page.getByText("Confidential MoU under negotiation").count()).toBe(0);
    expect(await page.getByText("About the partnership").count()).toBe(0);
  });

  it("holds a signed-in reader's comment, shown as plain text, until an editor approves it", async () => {
    await page.goto(`${server.url}/sign-in?redirect=/news/${postId}`);
    await signInAs(page, READER);
    await page.getByRole("textbox", { name: "Your comment" }).fill(PAYLOAD);
    await page.getByRole("button", { name: "Send comment" }).click();
    await page.getByText("Your comment will appear once a moderator approves it.").waitFor();
    await page.getByText(PAYLOAD, { exact: true }).waitFor();
    await signOut(page);

    await page.goto(`${server.url}/news/${postId}`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    expect(await page.getByText(PAYLOAD, { exact: true }).count()).toBe(0);

    await page.goto(`${server.url}/sign-in?redirect=/moderation`);
    await signInAs(page, ADMIN);
    await page.getByRole("heading", { level: 1, name: "Comment moderation" }).waitFor();
    await page.getByText(PAYLOAD, { exact: true }).waitFor();
    await screenshot(page, "moderation");
    await page.getByRole("button", { name: "Approve: comment by Rita Reader" }).click();
    await page.getByText("No comment awaiting moderation.").waitFor();
    await signOut(page);

    // Approved, it is shown to readers, as text.
    await page.goto(`${server.url}/sign-in?redirect=/news/${postId}`);
    await signInAs(page, READER);
    await page.getByText(PAYLOAD, { exact: true }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator("[data-comment-status] img, [data-comment-status] script").count()).toBe(0);
    expect(dialogs).toEqual([]);
    await screenshot(page, "news-post-comment");
    await signOut(page);
  });

  // Known fault: the public post page rendered on the server shows no comments, approved ones included.
  it.fails("shows an approved comment to anyone on the public post", async () => {
    await page.goto(`${server.url}/news/${postId}`);
    await page.getByText(PAYLOAD, { exact: true }).waitFor({ timeout: 3_000 });
  });

  it("puts an event of the partnership into its iCal feed", async () => {
    await page.goto(`${server.url}/sign-in?redirect=/events/new`);
    await signInAs(page, ADMIN);
    await page.getByRole("heading", { level: 1, name: "New event" }).waitFor();
    await page.getByRole("textbox", { name: "Title", exact: true }).fill("Steering committee of the convention");
    await page.getByLabel("Starts").fill("2026-12-03T14:00");
    await page.getByLabel("Ends").fill("2026-12-03T16:30");
    await page.getByRole("textbox", { name: "Place" }).fill("Espace culture, Villeneuve-d'Ascq");
    await page.getByRole("checkbox", { name: "Students" }).check();
    await page.getByRole("checkbox", { name: "Partners" }).press("Space");
    await page.getByRole("textbox", { name: "Registration link" }).fill("https://events.example.org/steering");
    await page.getByLabel("Registration closes").fill("2026-12-01T18:00");
    await page.getByRole("textbox", { name: "Contact name" }).fill("Claire Dubois");
    await page.getByRole("textbox", { name: "Contact phone" }).fill("+33 3 20 43 43 43");
    const picker = page.getByRole("textbox", { name: "Partnership", exact: true });
    await picker.click();
    await picker.fill("Métropole");
    await page.getByRole("option", { name: /Convention entre la Métropole/ }).click();
    await page.getByRole("button", { name: "Create event" }).click();
    // The new event opens on its own page, whether it is coming or already past.
    await page.waitForURL(/\/events\/[^/]+$/);
    await page.getByRole("heading", { level: 1, name: "Steering committee of the convention" }).waitFor();

    const response = await fetch(`${server.url}/api/public/agreements/${melId}/calendar.ics`);
    expect(response.status).toBe(200);
    const calendar = new ICAL.Component(ICAL.parse(await response.text()));
    const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    const ours = events.find((e) => e.summary === "Steering committee of the convention");
    expect(ours).toBeDefined();
    expect(ours?.startDate.toJSDate().toISOString()).toBe("2026-12-03T13:00:00.000Z");
    expect(ours?.description).toContain(
      "Registration: https://events.example.org/steering — closes 1 Dec 2026, 18:00 (Europe/Paris)",
    );

    // The feed links each event to its page in the web app.
    const link = new URL(String(ours?.component.getFirstPropertyValue("url")));
    expect(link.pathname).toMatch(/^\/events\/[^/]+$/);
    await page.goto(`${server.url}${link.pathname}`);
    await page.getByRole("heading", { level: 1, name: "Steering committee of the convention" }).waitFor();
    expect(await page.getByText("Espace culture, Villeneuve-d'Ascq").count()).toBe(1);
    expect(await page.getByRole("link", { name: /Convention entre la Métropole/ }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "event");

    // Anyone may read what the event is, for whom, and how to register.
    await signOut(page);
    await page.goto(`${server.url}${link.pathname}`);
    await page.getByRole("heading", { level: 1, name: "Steering committee of the convention" }).waitFor();
    await page.getByText(/^General public, Students,? and Partners$/).waitFor();
    const register = page.getByRole("link", { name: "Register on events.example.org" });
    expect(await register.getAttribute("href")).toBe("https://events.example.org/steering");
    expect(await page.getByRole("link", { name: "+33 3 20 43 43 43" }).getAttribute("href")).toBe("tel:+33320434343");
    await page.getByText("Claire Dubois").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${server.url}/sign-in?redirect=/events`);
    await signInAs(page, ADMIN);
    await page.getByRole("heading", { level: 1, name: "Events" }).waitFor();
  });

  it("renders the progress review as a PDF", async () => {
    await page.goto(`${server.url}/reviews?agreement=${melId}&on=2021-07-12`);
    const link = page.getByRole("link", { name: "Download as PDF" });
    await link.waitFor();
    await page.getByRole("heading", { level: 2, name: /MEL-ULILLE-2019/ }).waitFor();
    // The July 2021 meeting is recorded as the previous review; this one starts from it.
    await page.getByText(/^From the previous review/).waitFor();
    await page.getByRole("button", { name: "Record this review as held" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: /is recorded/ })
      .waitFor();
    await screenshot(page, "progress-review");
    const href = (await link.getAttribute("href")) ?? "";
    const response = await page.request.get(`${server.url}${href}`);
    expect(response.headers()["content-type"]).toContain("application/pdf");
    const dir = mkdtempSync(join(tmpdir(), "conventio-review-"));
    writeFileSync(join(dir, "review.pdf"), await response.body());
    execFileSync("pdftoppm", ["-png", "-r", "40", "-f", "1", "-l", "1", join(dir, "review.pdf"), join(dir, "page")]);
    const png = ["page-1.png", "page-01.png", "page-001.png"].map((f) => join(dir, f)).find((f) => existsSync(f));
    expect(png).toBeDefined();
  });

  it("flags an agreement with nothing for twelve months as dormant on the dashboard", async () => {
    await page.goto(`${server.url}/dashboard`);
    const dormant = page.getByRole("list", { name: "Dormant agreements" });
    await dormant.waitFor();
    await dormant.getByRole("link", { name: /MoU on shared sports facilities/ }).waitFor();
    expect(await dormant.locator(`a[href="/agreements/${dormantId}"]`).count()).toBe(1);
    await screenshot(page, "dashboard");
  });

  it("records a student mobility, its block shown only for mobility kinds, and counts it in the exchange balance", async () => {
    await page.goto(`${server.url}/activities/new?agreement=${melId}`);
    await page.getByRole("heading", { level: 1, name: "New activity" }).waitFor();
    const kind = page.getByRole("textbox", { name: "Kind", exact: true });
    await kind.click();
    await page.getByRole("option", { name: "Seminar", exact: true }).click();
    expect(await page.getByRole("group", { name: "Mobility" }).count()).toBe(0);
    await kind.click();
    await kind.fill("Student mob");
    await page.getByRole("option", { name: "Student mobility", exact: true }).click();
    await page.getByRole("group", { name: "Mobility" }).waitFor();
    // Funding is offered for every kind, but its fields wait until the activity is said to be funded.
    expect(await page.getByRole("textbox", { name: "Funder" }).count()).toBe(0);
    await page.getByRole("textbox", { name: "Title", exact: true }).fill("Master students from Lille at the MEL");
    const direction = page.getByRole("textbox", { name: "Direction", exact: true });
    await direction.click();
    await page.getByRole("option", { name: "Incoming", exact: true }).click();
    await page.getByRole("textbox", { name: "Academic year" }).fill("2025-2026");
    await page.getByRole("textbox", { name: "Number of people" }).fill("4");
    await page.getByRole("button", { name: "Record activity" }).click();
    // A mobility without the partner it is exchanged with is refused, and the field says so.
    await page.getByText("A mobility needs the partner it is exchanged with.").first().waitFor();
    expect(await page.getByRole("textbox", { name: "Partners" }).getAttribute("aria-invalid")).toBe("true");
    await page.keyboard.press("Escape");
    const partners = page.getByRole("textbox", { name: "Partners" });
    await partners.fill("Métropole Euro");
    await page.getByRole("option", { name: "Métropole Européenne de Lille" }).click();
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Record activity" }).click();
    await page.getByRole("heading", { level: 1, name: "Master students from Lille at the MEL" }).waitFor();
    await page.getByRole("region", { name: "Mobility" }).getByText("2025-2026").waitFor();
    await screenshot(page, "activity");

    await page.goto(`${server.url}/exchange-balance`);
    await page.getByRole("cell", { name: "2025-2026" }).first().waitFor();
    await screenshot(page, "exchange-balance-with-row");
  });

  it("deletes an activity after asking", async () => {
    await page.goto(`${server.url}/activities`);
    await page.getByRole("link", { name: "Master students from Lille at the MEL" }).click();
    await page.getByRole("button", { name: "Delete" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete “Master students from Lille at the MEL”?" });
    await dialog.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("heading", { level: 1, name: "Activities" }).waitFor();
    await page.getByRole("link", { name: "Master students from Lille at the MEL" }).waitFor({ state: "detached" });
  });

  it("charts an indicator's values against its baseline and target", async () => {
    await page.goto(`${server.url}/agreements/${melId}?tab=results`);
    await page.getByRole("textbox", { name: "Name", exact: true }).fill("International students on campus");
    await page.getByRole("textbox", { name: "Unit", exact: true }).fill("students");
    await page.getByRole("textbox", { name: "Baseline", exact: true }).fill("120");
    await page.getByRole("textbox", { name: "Target", exact: true }).fill("200");
    await page.getByRole("button", { name: "Add indicator" }).click();
    await page.getByText("No value recorded yet.").waitFor();
    for (const [year, value] of [
      ["2022", "135"],
      ["2023", "160"],
    ] as const) {
      await page.getByRole("textbox", { name: "Year", exact: true }).fill(year);
      await page.getByRole("textbox", { name: "Value", exact: true }).fill(value);
      await page.getByRole("button", { name: "Record value" }).click();
      await page.getByRole("cell", { name: value, exact: true }).waitFor();
    }
    const chart = page.getByRole("img", { name: /International students on campus: values by year/ });
    await chart.waitFor();
    expect(await chart.locator("rect").count()).toBe(2);
    await page.getByText("50 % of the way to the target").waitFor();
    await screenshot(page, "indicator-chart");
  });

  it("shows the public partnership page in Swedish, still without serious accessibility violations", async () => {
    if (await page.getByRole("button", { name: "Sign out" }).count()) await signOut(page);
    await page.goto(`${server.url}/en/partnerships/${melId}`);
    await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "Svenska" }).click();
    await page.getByRole("heading", { level: 2, name: "Parter" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Samverkansområden" }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/sv/partnerships/${melId}`);
    expect(await page.locator("html").getAttribute("lang")).toBe("sv");
    await screenshot(page, "partnership-sv");
    const violations = await seriousViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
  });
});
