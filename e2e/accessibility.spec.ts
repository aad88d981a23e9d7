import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./support/axe.js";
import { type Browser, openBrowser, screenshot } from "./support/browser.js";
import { seedPartnership, startTestServer, type TestServer } from "./support/server.js";
import { signIn } from "./support/session.js";

/**
 * What the walk through every page (accessibility-walk.spec.ts) does not reach: a form showing its
 * errors, a page switched to French while open, and the skip link, checked by axe-core and by hand.
 */
describe("the main pages", () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let ids: { networkId: string; personId: string };

  beforeAll(async () => {
    server = await startTestServer();
    ids = await seedPartnership(server);
    browser = await openBrowser();
    page = await browser.newPage();
    await signIn(page, server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("has no serious accessibility violations on a form showing errors", async () => {
    await page.goto(`${server.url}/organisations/new`);
    await page.getByRole("button", { name: "Create organisation" }).click();
    await page.getByRole("alert").first().waitFor();
    const violations = await seriousViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
  });

  it("has no serious accessibility violations in French", async () => {
    await page.goto(`${server.url}/organisations/${ids.networkId}`);
    await page.getByLabel("Language", { exact: true }).selectOption("fr");
    await page.getByRole("heading", { level: 2, name: "2 membres" }).waitFor();
    await screenshot(page, "network-fr");
    const violations = await seriousViolations(page);
    await page.getByLabel("Langue", { exact: true }).selectOption("en");
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
  });

  it("lets a keyboard user skip to the content", async () => {
    await page.goto(`${server.url}/people`);
    await page.getByRole("heading", { level: 1, name: "People" }).waitFor();
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("main");
  });
});
