import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./support/axe.js";
import { type Browser, openBrowser, screenshot } from "./support/browser.js";
import { startTestServer, type TestServer } from "./support/server.js";

describe("the first start", () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer({ withAdmin: false });
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("tells the visitor on the sign-in page that no administrator exists yet", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/sign-in`);
    await page.getByText("No administrator exists yet.", { exact: false }).waitFor();
    await page.close();
  });

  it("creates the first administrator from the setup link and signs them in", async () => {
    // A fresh token, as the server log would print one.
    const token = await server.running.services.accounts.issueSetupToken();
    expect(token).toBeTruthy();
    const page = await browser.newPage();
    await page.goto(`${server.url}/setup?token=${encodeURIComponent(token ?? "")}`);
    await page.getByRole("heading", { level: 1, name: "First-time setup" }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "setup");

    await page.getByLabel("Your name").fill("Grace Admin");
    await page.getByLabel("E-mail").fill("grace@example.org");
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create administrator" }).click();
    await page.locator('[id$="-error"]', { hasText: "At least 12 characters" }).waitFor();
    expect(await page.getByLabel("Password").getAttribute("aria-invalid")).toBe("true");

    await page.getByLabel("Password").fill("a-password-long-enough");
    await page.getByRole("button", { name: "Create administrator" }).click();
    await page.getByRole("heading", { level: 1, name: "Organisations" }).waitFor();
    expect(await page.getByText("Grace Admin").count()).toBe(1);
    expect(await server.running.services.accounts.hasUsers()).toBe(true);
    await page.close();
  });
});
