import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig, type Running, startServer } from "@conventio/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestProvider, type TestProvider } from "../packages/server/src/modules/sso/oidc-test-provider.js";
import { seriousViolations } from "./support/axe.js";
import { type Browser, openBrowser, screenshot } from "./support/browser.js";
import { ADMIN } from "./support/server.js";

/** A port free now, so the redirect URI registered at the provider can name it before Conventio starts. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  const port = typeof address === "object" && address ? address.port : 0;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe("signing in through the institution's provider", () => {
  let op: TestProvider;
  let running: Running;
  let browser: Browser;
  let url: string;
  let dataDir: string;

  beforeAll(async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    op = await startTestProvider({
      redirectUris: [`${url}/api/auth/oidc/campus/callback`],
      postLogoutRedirectUris: [`${url}/`],
      accounts: [
        {
          id: "ines",
          email: "ines.io@univ.example",
          emailVerified: true,
          name: "Inès International",
          groups: ["international-office"],
        },
      ],
    });
    dataDir = mkdtempSync(join(tmpdir(), "conventio-e2e-"));
    const config = loadConfig({
      NODE_ENV: "test",
      DATA_DIR: dataDir,
      HOST: "127.0.0.1",
      PORT: String(port),
      PUBLIC_URL: url,
      LOG_LEVEL: "silent",
      EWP_CATALOGUE: join(dataDir, "ewp-catalogue.xml"),
      OIDC_PROVIDERS: JSON.stringify([
        {
          slug: "campus",
          name: "Campus login",
          issuer: op.issuer,
          clientId: op.clientId,
          clientSecret: op.clientSecret,
          scopes: "openid email profile groups",
          roleMapping: { staff: "editor", "international-office": "admin" },
        },
      ]),
    });
    running = await startServer({ config, demo: false, reminders: false });
    // An installation already set up: its administrator signs in with a password.
    await running.services.accounts.createUserAsOperator({ ...ADMIN, role: "admin" });
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
    await op?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("signs in at the provider, lands in Conventio with the mapped role, and signs out there too", async () => {
    const page = await browser.newPage();
    await page.goto(`${url}/sign-in`);
    const button = page.getByRole("link", { name: "Sign in with Campus login" });
    await button.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "sso-sign-in");

    await button.click();
    // The provider's own login page, on its own origin.
    await page.locator('input[name="login"]').waitFor();
    expect(new URL(page.url()).origin).toBe(op.issuer);
    await page.locator('input[name="login"]').fill("ines");
    await page.locator('input[name="password"]').fill("any password");
    await page.getByRole("button", { name: "Sign-in" }).click();

    await page.getByRole("heading", { level: 1, name: "Organisations" }).waitFor();
    await page.getByText("Inès International").first().waitFor();
    // The group international-office maps to the administrator role: the administration is open.
    await page.goto(`${url}/admin/users`);
    const row = page.getByRole("row", { name: /Inès International/ });
    await row.waitFor();
    expect(await page.getByRole("textbox", { name: "Role of Inès International" }).inputValue()).toBe("Administrator");

    await page.getByRole("link", { name: "Sign-in providers" }).click();
    await page.getByRole("heading", { level: 1, name: "Sign-in providers" }).waitFor();
    await page.getByText("Set in the environment").waitFor();
    expect(await page.getByText(`${url}/api/auth/oidc/campus/callback`).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "sso-admin");

    await page.getByRole("button", { name: "Sign out" }).click();
    // RP-initiated logout: the provider asks, then sends the browser back to Conventio's home, the public one.
    await page.getByRole("button", { name: "Yes, sign me out" }).click();
    await page.waitForURL(`${url}/en/`, { waitUntil: "commit" });
    await page.getByRole("link", { name: "Staff sign-in" }).waitFor();
    const session = await page.evaluate(async () => (await fetch("/api/auth/session")).json());
    expect(session.user).toBeNull();
    await page.close();
  });

  it("explains on the sign-in page why a sign-in was refused", async () => {
    const page = await browser.newPage();
    await page.goto(`${url}/api/auth/oidc/campus/callback?code=forged&state=forged`);
    await page.getByRole("alert").filter({ hasText: "took too long or was started in another window" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    await page.goto(`${url}/sign-in?ssoError=unverified_email`);
    await page.getByText("has not confirmed your e-mail address").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});
