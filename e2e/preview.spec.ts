import type { Frame, FrameLocator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./support/axe.js";
import { type Browser, openBrowser } from "./support/browser.js";
import { startTestServer, type TestServer } from "./support/server.js";
import { signIn } from "./support/session.js";

const EDITOR = { email: "edith@example.org", name: "Edith Editor", password: "an-editor-password" };

/** Signs in over HTTP and returns a call that sends the session cookie and CSRF token, as the web app does. */
async function editorCall(baseUrl: string) {
  const res = await fetch(`${baseUrl}/api/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: EDITOR.email, password: EDITOR.password }),
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return async (method: string, url: string, body?: unknown): Promise<{ id: string }> => {
    const r = await fetch(`${baseUrl}${url}`, {
      method,
      headers: {
        cookie,
        "x-csrf-token": csrfToken,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (r.status >= 400) throw new Error(`${method} ${url}: ${r.status} ${await r.text()}`);
    return r.json() as Promise<{ id: string }>;
  };
}

/** The page's visible text with runs of white space made single, as a reader sees it. */
async function visibleText(page: Page | FrameLocator): Promise<string> {
  return ((await page.locator("main").textContent()) ?? "").replace(/\s+/g, " ");
}

/** The public page the staff app shows in its frame, as the server renders it. */
const publicPage = (page: Page) => page.frameLocator("[data-testid=public-page-frame]");

/** The framed page's document, for axe-core to read as it reads a page. */
async function framedDocument(page: Page): Promise<Frame> {
  const handle = await page.getByTestId("public-page-frame").elementHandle();
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error("The preview has no frame");
  return frame;
}

describe("an editor previews pages as the public sees them", () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let lorraine: string;
  let agreement: string;
  let event: string;

  beforeAll(async () => {
    server = await startTestServer();
    await server.running.services.accounts.createUserAsOperator({ ...EDITOR, role: "editor" });
    const call = await editorCall(server.url);
    lorraine = (
      await call("POST", "/api/organisations", {
        kind: "university",
        name: "Université de Lorraine",
        countryCode: "FR",
        city: "Nancy",
        website: "https://www.univ-lorraine.fr",
        identifiers: [{ scheme: "ror", value: "https://ror.org/04vfs2w97" }],
      })
    ).id;
    await call("POST", "/api/organisations", {
      kind: "unit",
      name: "Mines Nancy",
      parentId: lorraine,
      visibility: "public",
    });
    await call("POST", "/api/organisations", { kind: "unit", name: "Loria", parentId: lorraine });
    agreement = (
      await call("POST", "/api/agreements", {
        kind: "memorandum_of_understanding",
        title: "Lorraine – Kyutech memorandum",
        visibility: "public",
        internalFields: ["signatories"],
        signedOn: "2019-05-01",
        startsOn: "2019-05-01",
        objectives: ["Exchange doctoral students in materials science"],
        parties: [{ organisationId: lorraine }],
        signatories: [{ name: "Pierre Mutzenhardt", signedOn: "2019-05-01" }],
      })
    ).id;
    const internalAgreement = (
      await call("POST", "/api/agreements", { kind: "memorandum_of_understanding", title: "Confidential talks" })
    ).id;
    event = (
      await call("POST", "/api/events", {
        title: "Preparatory visit",
        startsAt: "2026-06-04T10:00:00+02:00",
        agreementId: internalAgreement,
        visibility: "internal",
      })
    ).id;
    browser = await openBrowser();
    page = await browser.newPage();
    await signIn(page, server.url, EDITOR);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("opens an internal organisation's partner page from its record, with its public units only", async () => {
    await page.goto(`${server.url}/organisations/${lorraine}`);
    await page.getByRole("heading", { level: 1, name: /Université de Lorraine/ }).waitFor();
    await page.getByRole("link", { name: "Preview as the public sees it" }).click();
    const banner = page.getByTestId("preview-banner");
    await banner.waitFor();
    expect(await banner.textContent()).toContain("This organisation is internal");
    const framed = publicPage(page);
    await framed.getByRole("heading", { level: 1, name: "Université de Lorraine" }).waitFor();
    const text = await visibleText(framed);
    expect(text).toContain("Mines Nancy");
    expect(text).not.toContain("Loria");
    expect(text).not.toContain("04vfs2w97"); // identifiers stay internal
    expect(await seriousViolations(page)).toEqual([]);
    // A frame evaluates scripts as a page does.
    expect(await seriousViolations((await framedDocument(page)) as unknown as Page)).toEqual([]);
    await page.getByRole("link", { name: "Back to the organisation" }).click();
    await page.getByRole("link", { name: "Preview as the public sees it" }).waitFor();
  });

  it("opens a public agreement's page with its internal signatories left out", async () => {
    await page.goto(`${server.url}/agreements/${agreement}`);
    await page.getByRole("link", { name: "Preview as the public sees it" }).click();
    const banner = page.getByTestId("preview-banner");
    await banner.waitFor();
    const said = (await banner.textContent()) ?? "";
    expect(said).toContain("This agreement is public");
    expect(said).toContain("Kept internal even when public: Signatories");
    const framed = publicPage(page);
    await framed.getByRole("heading", { level: 1, name: "Lorraine – Kyutech memorandum" }).waitFor();
    const text = await visibleText(framed);
    expect(text).toContain("Exchange doctoral students in materials science");
    expect(text).not.toContain("Pierre Mutzenhardt");
    expect(await seriousViolations(page)).toEqual([]);
    expect(await seriousViolations((await framedDocument(page)) as unknown as Page)).toEqual([]);
  });

  it("opens an internal event as an anonymous reader would get it, without its internal agreement", async () => {
    await page.goto(`${server.url}/events/${event}`);
    await page.getByRole("heading", { level: 1, name: "Preparatory visit" }).waitFor();
    expect(await visibleText(page)).toContain("Confidential talks");
    await page.getByRole("link", { name: "Preview as the public sees it" }).click();
    const banner = page.getByTestId("preview-banner");
    await banner.waitFor();
    const said = (await banner.textContent()) ?? "";
    expect(said).toContain("This event is internal");
    expect(said).toContain("Its agreement is internal");
    const framed = publicPage(page);
    await framed.getByRole("heading", { level: 1, name: "Preparatory visit" }).waitFor();
    expect(await visibleText(framed)).not.toContain("Confidential talks");
    expect(await page.getByRole("link", { name: "Edit" }).count()).toBe(0);
    expect(await framed.getByRole("link", { name: "Edit" }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await seriousViolations((await framedDocument(page)) as unknown as Page)).toEqual([]);
  });

  it("says in the organisation form what the public will read, as the visibility changes", async () => {
    await page.goto(`${server.url}/organisations/${lorraine}/edit`);
    const statement = page.getByTestId("public-statement");
    await statement.waitFor();
    expect(await statement.getAttribute("aria-live")).toBe("polite");
    expect(await statement.textContent()).toContain("Internal: it has no public page");
    expect(await statement.textContent()).toContain("Partners added from the registry start internal");
    await page.getByRole("radio", { name: /^Public/ }).check();
    await page.waitForFunction(
      () => document.querySelector("[data-testid=public-statement]")?.textContent?.includes("anyone can read") ?? false,
    );
    expect(await statement.textContent()).toContain("identifiers, coordinates, successor and people stay internal");
    expect(await seriousViolations(page)).toEqual([]);
  });
});
