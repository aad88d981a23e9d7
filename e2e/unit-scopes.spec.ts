import { SYSTEM_ACTOR } from "@conventio/server";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./support/axe.js";
import { type Browser, openBrowser } from "./support/browser.js";
import { seedOrganisation, startTestServer, type TestServer } from "./support/server.js";
import { signIn } from "./support/session.js";

/** Types into a searchable box and takes the first option with the keyboard. */
async function pickByKeyboard(page: Page, scope: ReturnType<Page["getByRole"]>, label: string, typed: string) {
  const input = scope.getByRole("textbox", { name: label });
  await input.focus();
  await input.fill(typed);
  await page
    .getByRole("option", { name: new RegExp(typed) })
    .first()
    .waitFor();
  await input.press("ArrowDown");
  await input.press("Enter");
}

describe("an administrator limiting an account to units", () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    const university = await seedOrganisation(server, {
      kind: "university",
      name: "Université de Lorraine",
      countryCode: "FR",
      city: "Nancy",
      visibility: "public",
    });
    const { organisations, accounts } = server.running.services;
    await organisations.createOrganisation(SYSTEM_ACTOR, {
      kind: "unit",
      name: "Faculty of Science",
      names: [],
      acronym: null,
      countryCode: "FR",
      city: "Nancy",
      lat: null,
      lng: null,
      website: null,
      description: null,
      parentId: university,
      successorId: null,
      visibility: "internal",
      identifiers: [],
      confirmDuplicate: true,
    });
    await accounts.createUserAsOperator({
      email: "eve@example.org",
      name: "Eve Editor",
      role: "editor",
      password: "a-long-enough-password",
    });
    browser = await openBrowser();
    page = await browser.newPage();
    await signIn(page, server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("picks an account and a unit by keyboard, saves, and the list shows the unit", async () => {
    await page.goto(`${server.url}/admin/users`);
    await page.getByRole("rowheader", { name: "Eve Editor" }).waitFor();
    const form = page.getByRole("region", { name: "Units an account is limited to" });
    await form.waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await pickByKeyboard(page, form, "Account", "Eve");
    await form.getByText("Eve Editor is not limited").waitFor();
    await pickByKeyboard(page, form, "Units", "Science");
    await form.getByRole("button", { name: "Save units" }).click();
    await form.getByRole("status").getByText("Eve Editor is now limited to: Faculty of Science.").waitFor();
    await page
      .getByRole("row", { name: /Eve Editor/ })
      .getByText("Faculty of Science")
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    const users = await server.running.services.accounts.listUsers(SYSTEM_ACTOR);
    expect(users.find((u) => u.email === "eve@example.org")?.units?.map((u) => u.name)).toEqual(["Faculty of Science"]);
  });

  it("does not offer administrators", async () => {
    const form = page.getByRole("region", { name: "Units an account is limited to" });
    const input = form.getByRole("textbox", { name: "Account" });
    await input.focus();
    await input.fill("Ada");
    await page.keyboard.press("ArrowDown");
    expect(await page.getByRole("option", { name: /Ada Admin/ }).count()).toBe(0);
    await input.press("Escape");
  });
});
