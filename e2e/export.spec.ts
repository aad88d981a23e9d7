import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./support/axe.js";
import { type Browser, openBrowser, screenshot } from "./support/browser.js";
import { startTestServer, type TestServer } from "./support/server.js";
import { signIn } from "./support/session.js";

/** The ids of the records a list page shows, from the links of its table's first column. */
async function shownIds(page: Page, prefix: string): Promise<string[]> {
  // A row's own link is in its first cell, or in the second after an editor's selection checkbox.
  const first = "table tbody tr td:first-child";
  const hrefs = await page
    .locator(`${first} a[href^="${prefix}"], ${first}:has(input[type="checkbox"]) + td a[href^="${prefix}"]`)
    .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  return hrefs.map((href) => href.slice(prefix.length));
}

describe("exporting a list as a spreadsheet", () => {
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

  it("downloads the filtered agreements as CSV, from the keyboard, with the rows the list shows", async () => {
    const page = await browser.newPage();
    await signIn(page, server.url);
    await page.goto(`${server.url}/agreements`);
    await page.getByRole("heading", { level: 1, name: "Agreements" }).waitFor();
    const count = page.getByRole("status").filter({ hasText: /agreements?/ });
    const all = await count.textContent();

    await page.getByRole("textbox", { name: "Status", exact: true }).click();
    await page.getByRole("option", { name: "Active", exact: true }).click();
    await page.waitForURL(/status=active/);
    await page
      .getByRole("status")
      .filter({ hasNotText: all ?? "" })
      .waitFor();
    const shown = await shownIds(page, "/agreements/");
    expect(shown.length).toBeGreaterThan(0);

    const button = page.getByRole("button", { name: "Export agreements" });
    await button.focus();
    await page.keyboard.press("Enter");
    const csv = page.getByRole("menuitem", { name: "CSV (UTF-8)" });
    await csv.waitFor();
    expect(await seriousViolations(page), "axe, menu open").toEqual([]);
    await screenshot(page, "export-menu");
    // Arrow keys move through the entries; Enter takes the one with the focus.
    const focused = () => csv.evaluate((item) => item === document.activeElement);
    for (let presses = 0; presses < 3 && !(await focused()); presses++) await page.keyboard.press("ArrowDown");
    expect(await focused()).toBe(true);
    const downloading = page.waitForEvent("download");
    await page.keyboard.press("Enter");
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^conventio-agreements-\d{4}-\d{2}-\d{2}\.csv$/);

    const [header = [], ...rows] = parse(readFileSync((await download.path()) as string), { bom: true }) as string[][];
    expect(header.slice(0, 5)).toEqual(["id", "reference", "title", "kind", "status"]);
    expect(rows.map((r) => r[0])).toEqual(shown);
    expect(new Set(rows.map((r) => r[4]))).toEqual(new Set(["active"]));
  });

  it("downloads the organisations of a country as an Excel workbook, with the menu in French", async () => {
    // Still signed in from the journey before: the browser keeps its session.
    const page = await browser.newPage();
    await page.goto(`${server.url}/organisations`);
    await page.getByLabel("Language").selectOption("fr");
    await page.goto(`${server.url}/organisations?country=SE`);
    await page.getByRole("heading", { level: 1, name: "Organisations" }).waitFor();
    await page.locator("table tbody tr").first().waitFor();
    const shown = await shownIds(page, "/organisations/");
    expect(shown.length).toBeGreaterThan(0);

    await page.getByRole("button", { name: "Exporter les organisations" }).click();
    await page.getByText("Avec les filtres affichés").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const downloading = page.waitForEvent("download");
    await page.getByRole("menuitem", { name: "Classeur Excel (.xlsx)" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^conventio-organisations-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path()) as string);
    const sheet = workbook.worksheets[0];
    const ids: string[] = [];
    const countries = new Set<string>();
    sheet?.eachRow((row, n) => {
      if (n === 1) return;
      ids.push(String(row.getCell(1).value));
      countries.add(String(row.getCell(5).value));
    });
    expect(sheet?.getRow(1).getCell(5).value).toBe("countryCode");
    expect(ids).toEqual(shown);
    expect(countries).toEqual(new Set(["SE"]));
  });
});
