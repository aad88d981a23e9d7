import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, openBrowser } from "./support/browser.js";
import { seedPartnership, startTestServer, type TestServer } from "./support/server.js";
import { signIn } from "./support/session.js";

const VIEWER = { email: "victor@example.org", name: "Victor Viewer", password: "a-viewer-password" };

describe("a viewer", () => {
  let server: TestServer;
  let browser: Browser;
  let networkId: string;

  beforeAll(async () => {
    server = await startTestServer();
    ({ networkId } = await seedPartnership(server));
    await server.running.services.accounts.createUserAsOperator({ ...VIEWER, role: "viewer" });
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("reads organisations but is offered no way to change them", async () => {
    const page = await browser.newPage();
    await signIn(page, server.url, VIEWER);
    expect(await page.getByRole("link", { name: "New organisation" }).count()).toBe(0);
    // The viewer's own links are there, the administration is not.
    const account = page.getByRole("navigation", { name: "Your account" });
    await account.getByRole("link", { name: "My actions" }).waitFor();
    expect(await account.getByRole("link", { name: "Admin" }).count()).toBe(0);

    await page.goto(`${server.url}/organisations/${networkId}`);
    await page.getByRole("heading", { level: 1, name: "European Campus Alliance" }).waitFor();
    expect(await page.getByRole("link", { name: "Edit" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Delete" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: /^Remove / }).count()).toBe(0);
    expect(await page.getByRole("form", { name: "Add a member" }).count()).toBe(0);
  });

  it("is sent away from the administration pages", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/admin/users`);
    await page.getByRole("heading", { level: 1, name: "Dashboard" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/dashboard");
  });

  it("signs out and is then treated as a visitor", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/people`);
    await page.getByRole("button", { name: "Sign out" }).click();
    // The public home page, in the reader's language.
    await page.waitForURL((url) => url.pathname === "/en/");
    await page.getByRole("heading", { level: 1, name: "Conventio" }).waitFor();
    expect(await page.getByRole("navigation", { name: "Main" }).count()).toBe(0);
    expect(await page.evaluate(() => fetch("/api/people").then((r) => r.status))).toBe(401);
    await page.goto(`${server.url}/people`);
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
  });
});
