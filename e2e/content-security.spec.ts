import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, openBrowser } from "./support/browser.js";
import { startTestServer, type TestServer } from "./support/server.js";
import { signIn } from "./support/session.js";

/**
 * The Content-Security-Policy forbids inline scripts. These journeys load the app's pages and the
 * API browser in Chromium with the policy in force and listen for anything it blocked, so a policy
 * that breaks a page cannot pass unseen.
 */
describe("pages under the content security policy", () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer({ demo: true });
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Opens a page and collects the policy violations Chromium reports while it renders. */
  async function violationsOn(page: Page, path: string, ready: () => Promise<unknown>): Promise<string[]> {
    const blocked: string[] = [];
    page.on("console", (msg) => {
      if (/Content Security Policy/i.test(msg.text())) blocked.push(`${path}: ${msg.text()}`);
    });
    await page.goto(`${server.url}${path}`);
    await ready();
    // Violations are reported as events; give late ones (lazy chunks, styles) a moment to arrive.
    const reported = await page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const seen: string[] = [];
          document.addEventListener("securitypolicyviolation", (e) =>
            seen.push(`${e.violatedDirective} ${e.blockedURI}`),
          );
          setTimeout(() => resolve(seen), 300);
        }),
    );
    return [...blocked, ...reported.map((r) => `${path}: ${r}`)];
  }

  it("blocks nothing on the public portal", async () => {
    const page = await browser.newPage();
    const found: string[] = [];
    for (const path of [
      "/",
      "/en/partnerships",
      "/fr/partners",
      "/sv/map",
      "/en/events",
      "/en/news",
      "/en/open-data",
    ]) {
      found.push(...(await violationsOn(page, path, () => page.locator("h1").first().waitFor())));
    }
    expect(found).toEqual([]);
    // The theme's style element did apply: the page is not unstyled.
    const font = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
    expect(font).not.toMatch(/^"?Times/);
    await page.close();
  });

  it("blocks nothing on the staff pages, maps and charts included", async () => {
    const page = await browser.newPage();
    await signIn(page, server.url);
    const found: string[] = [];
    for (const path of ["/organisations", "/agreements", "/dashboard", "/map", "/activities", "/events"]) {
      found.push(...(await violationsOn(page, path, () => page.locator("h1").first().waitFor())));
    }
    expect(found).toEqual([]);
    await page.close();
  });

  it("lets the API browser run", async () => {
    const page = await browser.newPage();
    const found = await violationsOn(page, "/api/docs", () =>
      page.getByText("Conventio API", { exact: false }).first().waitFor(),
    );
    expect(found).toEqual([]);
    await page.close();
  });
});
