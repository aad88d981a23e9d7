import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig, type Running, startServer } from "@conventio/server";
import { type TOTP, URI } from "otpauth";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./support/axe.js";
import { type Browser, openBrowser, screenshot } from "./support/browser.js";
import { type MailCatcher, startMailCatcher } from "./support/mail.js";
import { ADMIN, roleOf, startTestServer, type TestServer } from "./support/server.js";
import { signIn } from "./support/session.js";

const EVE = { email: "eve@example.org", name: "Eve Editor", password: "first quiet harbour morning" };
const NEW_PASSWORD = "pale orange lighthouse keeper";
const CHANGED_PASSWORD = "windy archipelago ferry timetable";

/** Quoted-printable bodies: soft line breaks and =XX escapes. */
const decode = (raw: string) =>
  raw
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));

describe.each(["sqlite", "postgres"] as const)("account security on %s", (engine) => {
  let server: TestServer;
  let mail: MailCatcher;
  let browser: Browser;
  let page: Page;

  /**
   * The link of the last mail to this address, on the server's real address: the mailed link
   * carries the configured public address, which a test server does not know in advance.
   */
  async function linkMailedTo(address: string, path: string): Promise<string> {
    for (let i = 0; i < 100; i++) {
      const found = mail.messages
        .map(decode)
        .filter((m) => m.includes(address))
        .at(-1);
      const match = found && new RegExp(`/${path}\\?token=([A-Za-z0-9_%-]+)`).exec(found);
      if (match) return `${server.url}/${path}?token=${match[1]}`;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`no ${path} link mailed to ${address}`);
  }

  async function expectAccessible(name: string) {
    expect(await seriousViolations(page), name).toEqual([]);
  }

  async function signOut() {
    await page.getByRole("button", { name: "Sign out" }).click();
    // Signing out ends on the public home page; only then is the sign-in page asked for.
    await page.waitForURL((url) => url.pathname === "/en/");
    await page.goto(`${server.url}/sign-in`);
  }

  beforeAll(async () => {
    mail = await startMailCatcher();
    server = await startTestServer({ smtpUrl: mail.url, engine });
    await server.running.services.accounts.createUserAsOperator({ ...EVE, role: "editor" });
    browser = await openBrowser();
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await mail?.close();
  });

  it("resets a forgotten password through the mailed link, once, and signs in with the new one", async () => {
    await page.goto(`${server.url}/sign-in`);
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await page.getByRole("heading", { level: 1, name: "Forgot your password?" }).waitFor();
    await expectAccessible("forgot password");

    // An unknown address is answered exactly as a known one.
    await page.getByLabel("E-mail").fill("nobody@example.org");
    await page.getByLabel("E-mail").press("Enter");
    await page.getByText("If an account has this address, a link is on its way").waitFor();
    await page.reload();
    await page.getByLabel("E-mail").fill(EVE.email);
    await page.getByRole("button", { name: "Send the link" }).click();
    await page.getByText("If an account has this address, a link is on its way").waitFor();
    await expectAccessible("link sent");

    const link = await linkMailedTo(EVE.email, "reset-password");
    await page.goto(link);
    await page.getByRole("heading", { level: 1, name: "Choose a new password" }).waitFor();
    await expectAccessible("reset password");
    await page.getByLabel("New password").first().fill(NEW_PASSWORD);
    await page.getByLabel("New password again").fill("something else entirely");
    await page.getByRole("button", { name: "Save the new password" }).click();
    await page.getByText("The two passwords are not the same.").waitFor();
    expect(await page.getByLabel("New password again").getAttribute("aria-invalid")).toBe("true");
    await page.getByLabel("New password again").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Save the new password" }).click();
    await page.getByText("Your new password is saved.").waitFor();
    await screenshot(page, "password-reset");

    // The link works once.
    await page.goto(link);
    await page.getByLabel("New password").first().fill(NEW_PASSWORD);
    await page.getByLabel("New password again").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Save the new password" }).click();
    await page.getByText("This link is not valid any more.").waitFor();
    await page.getByRole("link", { name: "Ask for a new link" }).waitFor();
    await expectAccessible("used link");

    await signIn(page, server.url, { email: EVE.email, password: NEW_PASSWORD });
  });

  it("lists one's sessions with where they came from, and ends another one", async () => {
    const other = await fetch(`${server.url}/api/auth/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "Sync script/1.0" },
      body: JSON.stringify({ email: EVE.email, password: NEW_PASSWORD }),
    });
    expect(other.status).toBe(200);
    const cookie = (other.headers.get("set-cookie") ?? "").split(";")[0] ?? "";

    await page.getByRole("link", { name: "My account" }).click();
    const sessions = page.getByRole("region", { name: "Sessions" });
    await sessions.getByText("This session").waitFor();
    await sessions.getByText("Sync script/1.0").waitFor();
    await expectAccessible("account page");
    await screenshot(page, "account-security");

    await sessions.getByRole("button", { name: /^End the session/ }).click();
    await sessions.getByText("Sync script/1.0").waitFor({ state: "detached" });
    expect(await sessions.getByRole("row").count()).toBe(2);
    const ended = await fetch(`${server.url}/api/account/sessions`, { headers: { cookie } });
    expect(ended.status).toBe(401);
  });

  it("changes the password, refusing a weak one on its field", async () => {
    const password = page.getByRole("region", { name: "Password", exact: true });
    await password.getByLabel("Current password").fill(NEW_PASSWORD);
    await password.getByLabel("New password").first().fill("password1234");
    await password.getByLabel("New password again").fill("password1234");
    await password.getByRole("button", { name: "Change password" }).click();
    await password.getByText("This password is too easy to guess.", { exact: false }).waitFor();
    expect(await password.getByLabel("New password").first().getAttribute("aria-invalid")).toBe("true");
    await password.getByLabel("New password").first().fill(CHANGED_PASSWORD);
    await password.getByLabel("New password again").fill(CHANGED_PASSWORD);
    await password.getByRole("button", { name: "Change password" }).click();
    await password.getByText("Your password is changed.", { exact: false }).waitFor();
    await expectAccessible("password changed");
  });

  it("sets up an authenticator app, then asks for its code at sign-in", async () => {
    const factor = page.getByRole("region", { name: "Second factor" });
    await factor.getByRole("button", { name: "Set up" }).click();
    const uri = await factor.getByRole("link", { name: "Open in an authenticator app" }).getAttribute("href");
    const totp = URI.parse(uri ?? "") as TOTP;
    const secret = (await factor.getByTestId("totp-secret").textContent()) ?? "";
    expect(secret.replace(/\s/g, "")).toBe(totp.secret.base32);
    await expectAccessible("second factor set-up");
    await factor.getByLabel("Code from your authenticator app").fill(totp.generate());
    await factor.getByRole("button", { name: "Confirm" }).click();
    await factor.getByText("An authenticator app is set up").waitFor();
    await factor.getByRole("button", { name: "Remove" }).waitFor();
    await expectAccessible("second factor on");

    await signOut();
    await page.getByLabel("E-mail").fill(EVE.email);
    await page.getByLabel("Password").fill(CHANGED_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    const code = page.getByLabel("Code from your authenticator app");
    await code.waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute("autocomplete"))).toBe("one-time-code");
    expect(await code.getAttribute("inputmode")).toBe("numeric");
    await expectAccessible("code asked");

    const wrong = totp.generate({ timestamp: Date.now() - 10 * 60_000 });
    await code.fill(wrong);
    await code.press("Enter");
    await page.getByText("This code is not right, or was already used.").waitFor();
    expect(await code.getAttribute("aria-invalid")).toBe("true");
    // The code that confirmed the app is spent: the next step's code is within the allowed drift.
    await code.fill(totp.generate({ timestamp: Date.now() + 30_000 }));
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { level: 1, name: "Organisations" }).waitFor();
  });

  it("invites a person by e-mail, who makes the account from the mailed link", async () => {
    await signOut();
    await signIn(page, server.url, ADMIN);
    await page.goto(`${server.url}/admin/users`);
    const invite = page.getByRole("region", { name: "Invite by e-mail" });
    await invite.waitFor();
    await invite.getByLabel("E-mail").fill("ines@example.org");
    await invite.getByLabel("Name").fill("Inès Invitée");
    await invite.getByRole("textbox", { name: "Role" }).click();
    await page.getByRole("option", { name: "Editor" }).click();
    await invite.getByRole("button", { name: "Send the invitation" }).click();
    await invite.getByText("An invitation was sent to ines@example.org.").waitFor();
    const invitations = page.getByRole("region", { name: "Invitations" });
    await invitations
      .getByRole("row", { name: /ines@example\.org/ })
      .getByText("Waiting")
      .waitFor();
    await expectAccessible("invitations");

    const link = await linkMailedTo("ines@example.org", "accept-invitation");
    const invitee = await openBrowser();
    try {
      const other = await invitee.newPage();
      await other.goto(link);
      await other.getByRole("heading", { level: 1, name: "Make your account" }).waitFor();
      expect(await seriousViolations(other)).toEqual([]);
      await other.getByLabel("New password").first().fill("short");
      await other.getByRole("button", { name: "Make my account" }).click();
      await other.getByText("At least 12 characters").first().waitFor();
      await other.getByLabel("New password").first().fill("seven green hills at dawn");
      await other.getByLabel("New password again").fill("seven green hills at dawn");
      await other.getByRole("button", { name: "Make my account" }).click();
      await other.getByText("Your account is ready").waitFor();
      expect(await seriousViolations(other)).toEqual([]);
      await signIn(other, server.url, { email: "ines@example.org", password: "seven green hills at dawn" });
    } finally {
      await invitee.close();
    }
    expect(await roleOf(server, "ines@example.org")).toBe("editor");

    await page.reload();
    await invitations
      .getByRole("row", { name: /ines@example\.org/ })
      .getByText("Accepted")
      .waitFor();
  });
});

describe("an installation where administrators must use a second factor", () => {
  let dataDir: string;
  let running: Running;
  let browser: Browser;

  beforeAll(async () => {
    // The shared test server takes no such setting: this one is started with it.
    dataDir = mkdtempSync(join(tmpdir(), "conventio-e2e-"));
    const config = loadConfig({
      NODE_ENV: "test",
      DATA_DIR: dataDir,
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "silent",
      EWP_CATALOGUE: join(dataDir, "ewp-catalogue.xml"),
      REQUIRE_ADMIN_TOTP: "true",
    });
    running = await startServer({ config, demo: false, reminders: false });
    await running.services.accounts.createUserAsOperator({ ...ADMIN, role: "admin" });
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("leads the administrator from sign-in to set one up, and does not offer to remove it", async () => {
    const page = await browser.newPage();
    await page.goto(`${running.url}/sign-in`);
    await page.getByLabel("E-mail").fill(ADMIN.email);
    await page.getByLabel("Password").fill(ADMIN.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { level: 1, name: "My account" }).waitFor();
    const banner = page.getByRole("alert").filter({ hasText: "Set up a second factor" });
    await banner.getByRole("link", { name: "Set it up below" }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    const factor = page.getByRole("region", { name: "Second factor" });
    await factor.getByText("Your account must have a second factor").waitFor();
    await factor.getByRole("button", { name: "Set up" }).click();
    const uri = await factor.getByRole("link", { name: "Open in an authenticator app" }).getAttribute("href");
    const totp = URI.parse(uri ?? "") as TOTP;
    await factor.getByLabel("Code from your authenticator app").fill(totp.generate());
    await factor.getByRole("button", { name: "Confirm" }).click();
    await factor.getByText("it cannot be removed", { exact: false }).waitFor();
    expect(await factor.getByRole("button", { name: "Remove" }).count()).toBe(0);
    await banner.waitFor({ state: "detached" });
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole("link", { name: "Organisations" }).first().click();
    await page.getByRole("heading", { level: 1, name: "Organisations" }).waitFor();
    expect(await page.getByRole("alert").count()).toBe(0);
  });
});
