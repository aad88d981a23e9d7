import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./support/axe.js";
import { type Browser, openBrowser } from "./support/browser.js";
import { startTestServer, type TestServer } from "./support/server.js";
import { signIn } from "./support/session.js";

describe("personal API tokens on the account page", () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await openBrowser();
    page = await browser.newPage();
    await signIn(page, server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("makes a read token by keyboard, shows it once, and the token reads the API", async () => {
    await page.getByRole("link", { name: "My account" }).click();
    await page.getByRole("heading", { level: 1, name: "My account" }).waitFor();
    await page.getByText("You have no API tokens.").waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // The account page holds other sections; the form is found by its own heading.
    const form = page.getByRole("region", { name: "Make a new token" });
    await form.getByRole("textbox", { name: "Name" }).fill("Nightly report");
    await form.getByRole("textbox", { name: "Name" }).press("Enter");
    const shown = page.getByTestId("new-token");
    await shown.waitFor();
    const token = (await shown.textContent())?.trim() ?? "";
    expect(token).toMatch(/^cvt_/);
    await page.getByRole("button", { name: "Copy token" }).waitFor();
    const row = page.getByRole("row", { name: /Nightly report/ });
    await row.getByText("Active").waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    const read = await fetch(`${server.url}/api/agreements`, { headers: { authorization: `Bearer ${token}` } });
    expect(read.status).toBe(200);
    const write = await fetch(`${server.url}/api/organisations`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ kind: "university", name: "Nowhere", countryCode: "JP" }),
    });
    expect(write.status).toBe(403);

    await page.reload();
    await page.getByRole("row", { name: /Nightly report/ }).waitFor();
    expect(await page.getByText(token).count()).toBe(0);
  });

  it("revokes a token after asking, and the token stops working", async () => {
    const token = await server.running.services.tokens.createTokenAsOperator("ada@example.org", {
      name: "Old sync",
      scope: "write",
    });
    await page.reload();
    await page.getByRole("button", { name: "Revoke the token Old sync" }).click();
    const dialog = page.getByRole("dialog", { name: "Revoke the token “Old sync”?" });
    await dialog.waitFor();
    // Colours are judged once the dialog has finished fading in.
    await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole("button", { name: "Revoke" }).click();
    await page
      .getByRole("row", { name: /Old sync/ })
      .getByText("Revoked")
      .waitFor();
    const res = await fetch(`${server.url}/api/agreements`, { headers: { authorization: `Bearer ${token.token}` } });
    expect(res.status).toBe(401);
  });
});
