import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, openBrowser } from "./support/browser.js";
import { ADMIN, seedOrganisation, startTestServer, type TestServer } from "./support/server.js";

/** Whether the element is the one holding the keyboard's focus. */
const isFocused = (locator: Locator) => locator.evaluate((el) => el === document.activeElement);

/**
 * Presses Tab until `target` holds the focus, as a keyboard user moves through the page; fails
 * when it is not reached within `max` presses (not reachable by keyboard, or buried too deep).
 */
async function tabTo(page: Page, target: Locator, max = 120): Promise<number> {
  await target.waitFor();
  for (let presses = 0; presses <= max; presses++) {
    if (await isFocused(target)) return presses;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Not reached by Tab within ${max} presses: ${target}`);
}

/** Picks an option of a search-as-you-type field from the keyboard: type, arrow down, Enter. */
async function chooseByKeyboard(page: Page, field: Locator, typed: string, option: string) {
  await tabTo(page, field);
  await page.keyboard.type(typed, { delay: 20 });
  await page.getByRole("option", { name: option }).first().waitFor();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect.poll(() => field.inputValue()).toContain(option.slice(0, 6));
}

/** Chooses in a plain select from the keyboard: open it, arrow down to the option, Enter. */
async function selectByKeyboard(page: Page, field: Locator, option: string) {
  await tabTo(page, field);
  await page.keyboard.press("ArrowDown");
  const chosen = page.getByRole("option", { name: option, exact: true });
  await chosen.waitFor();
  for (let i = 0; i < 30 && (await chosen.getAttribute("aria-selected")) !== "true"; i++) {
    await page.keyboard.press("ArrowDown");
  }
  await page.keyboard.press("Enter");
  await expect.poll(() => field.inputValue()).toBe(option);
}

describe("a keyboard-only journey", () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    await seedOrganisation(server, {
      kind: "university",
      name: "Linköping University",
      countryCode: "SE",
      city: "Linköping",
      visibility: "internal",
    });
    browser = await openBrowser();
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("signs in with the keyboard alone", async () => {
    await page.goto(`${server.url}/sign-in`);
    await tabTo(page, page.getByLabel("E-mail"));
    await page.keyboard.type(ADMIN.email);
    await tabTo(page, page.getByLabel("Password"));
    await page.keyboard.type(ADMIN.password);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Organisations" }).waitFor();
  });

  it("creates an organisation from the keyboard, choosing its country from the list", async () => {
    await page.goto(`${server.url}/organisations/new`);
    await page.getByRole("heading", { level: 1, name: "New organisation" }).waitFor();
    await tabTo(page, page.getByRole("textbox", { name: "Name", exact: true }));
    await page.keyboard.type("Université de Lille");
    await chooseByKeyboard(page, page.getByRole("textbox", { name: "Country", exact: true }), "Fran", "France");
    await tabTo(page, page.getByRole("button", { name: "Create organisation" }));
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Université de Lille" }).waitFor();
  });

  it("creates an agreement with two parties, each new row taking the focus", async () => {
    await page.goto(`${server.url}/agreements/new`);
    await page.getByRole("heading", { level: 1, name: "New agreement" }).waitFor();
    await selectByKeyboard(
      page,
      page.getByRole("textbox", { name: "Kind", exact: true }),
      "Memorandum of understanding",
    );
    await tabTo(page, page.getByRole("textbox", { name: "Title", exact: true }));
    await page.keyboard.type("Keyboard exchange between Lille and Linköping");
    for (const [n, name, typed] of [
      [1, "Université de Lille", "lille"],
      [2, "Linköping University", "linkop"],
    ] as const) {
      await tabTo(page, page.getByRole("button", { name: "Add a party" }));
      await page.keyboard.press("Enter");
      const field = page.getByRole("textbox", { name: `Organisation of party ${n}`, exact: true });
      await field.waitFor();
      // Adding a party moves the focus to the new row's first field.
      expect(await isFocused(field)).toBe(true);
      await page.keyboard.type(typed, { delay: 20 });
      // The choices narrow as the search answers: wait until only the one meant is offered.
      const offered = async () => {
        const listbox = await field.getAttribute("aria-controls");
        return listbox ? page.locator(`[id="${listbox}"]`).getByRole("option").allInnerTexts() : [];
      };
      await expect.poll(offered).toEqual([expect.stringContaining(name)]);
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("Enter");
      await expect.poll(() => field.inputValue()).toBe(name);
    }
    await tabTo(page, page.getByRole("button", { name: "Add a signatory" }));
    await page.keyboard.press("Enter");
    const signatory = page.getByRole("textbox", { name: "Name of signatory 1" });
    await signatory.waitFor();
    expect(await isFocused(signatory)).toBe(true);
    await page.keyboard.type("Régis Bordet");
    await tabTo(page, page.getByLabel("Signed on", { exact: true }));
    // The browser's own date field, in the page's English: month, day, then year.
    await page.keyboard.type("01102026");
    await expect.poll(() => page.getByLabel("Signed on", { exact: true }).inputValue()).toBe("2026-01-10");
    await tabTo(page, page.getByRole("button", { name: "Create agreement" }));
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Keyboard exchange between Lille and Linköping" }).waitFor();
  });

  it("moves it to active, the focus landing on the new status, which is announced", async () => {
    await tabTo(page, page.getByRole("button", { name: "Activate" }), 200);
    await page.keyboard.press("Enter");
    const status = page.getByRole("status").filter({ hasText: "The agreement is now: Active." });
    await status.waitFor();
    expect(await isFocused(status)).toBe(true);
    await page.getByRole("button", { name: "Terminate" }).waitFor();
  });
});
