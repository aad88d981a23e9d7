import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./support/axe.js";
import { type Browser, openBrowser, screenshot } from "./support/browser.js";
import { countOrganisations, startTestServer, type TestServer } from "./support/server.js";
import { signIn } from "./support/session.js";

const EDITOR = { email: "edith@example.org", name: "Edith Editor", password: "a-long-enough-password" } as const;
const VIEWER = { email: "victor@example.org", name: "Victor Viewer", password: "a-viewer-password" } as const;

const HEADER = "Institution name,Type,Country,City,Web";
const GOOD_ROWS = [
  "Universitat de Girona,university,ES,Girona,www.udg.edu",
  "Universidade do Minho,university,PT,Braga,www.uminho.pt",
];
/** The first row names a kind of organisation Conventio does not know. */
const WITH_BAD_ROW = [HEADER, "Università degli Studi di Udine,castle,IT,Udine,www.uniud.it", ...GOOD_ROWS].join("\n");
const CORRECTED = [HEADER, "Università degli Studi di Udine,university,IT,Udine,www.uniud.it", ...GOOD_ROWS].join("\n");

function writeCsv(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "conventio-import-")), name);
  writeFileSync(path, text ? `${text}\n` : "", "utf8");
  return path;
}

/** An Excel workbook of events, with the headers a calendar export might have. */
async function writeEventsWorkbook(): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Events");
  sheet.addRow(["Title", "Start", "Location", "Audience"]);
  sheet.addRow(["Erasmus Days 2031", "2031-10-09T14:00", "Lille, campus Cité scientifique", "students;staff"]);
  sheet.addRow(["Partner week", "2031-11-17", "Linköping", "partners"]);
  const path = join(mkdtempSync(join(tmpdir(), "conventio-import-")), "events.xlsx");
  await workbook.xlsx.writeFile(path);
  return path;
}

/** Step 1: sends a file of the kind named and waits for the mapping step. */
async function sendFile(page: Page, path: string, kind = "Organisations") {
  await page.getByRole("radio", { name: kind }).check();
  await page.locator('input[type="file"]').setInputFiles(path);
  await page.getByRole("button", { name: "Read the file" }).click();
  await page.getByRole("heading", { level: 2, name: "Step 2 of 4: Match the columns" }).waitFor();
}

/** The select of one field on the mapping step (its label is the field's name, required ones starred). */
const fieldSelect = (page: Page, field: string) => page.getByRole("combobox", { name: new RegExp(`^${field}\\b`) });

/** A count of the report, by its name (created, updated, unchanged, skipped, errors). */
async function count(page: Page, name: string): Promise<number> {
  const text = await page.getByTestId(`import-count-${name}`).locator("p").first().textContent();
  return Number(text);
}

async function expectNoSeriousViolations(page: Page) {
  expect(await seriousViolations(page)).toEqual([]);
}

for (const engine of ["sqlite", "postgres"] as const) {
  describe(`an editor importing a spreadsheet of organisations, on ${engine}`, () => {
    let server: TestServer;
    let browser: Browser;
    let page: Page;
    const withBadRow = writeCsv("partners.csv", WITH_BAD_ROW);
    const corrected = writeCsv("partners.csv", CORRECTED);

    beforeAll(async () => {
      server = await startTestServer({ engine });
      await server.running.services.accounts.createUserAsOperator({ ...EDITOR, role: "editor" });
      await server.running.services.accounts.createUserAsOperator({ ...VIEWER, role: "viewer" });
      browser = await openBrowser();
      page = await browser.newPage();
      await signIn(page, server.url, EDITOR);
    });

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    it("shows the bad row's error in the dry run, then imports the corrected file", async () => {
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Import" }).click();
      await page.getByRole("heading", { level: 1, name: "Import a spreadsheet" }).waitFor();
      await page.getByText(/Columns read for Organisations/).click();
      await page.getByRole("table", { name: "Fields of an import of Organisations" }).waitFor();
      await screenshot(page, `import-choose-${engine}`);
      await expectNoSeriousViolations(page);

      // A file the server cannot read is refused under the file field, and nothing moves on.
      await page.locator('input[type="file"]').setInputFiles(writeCsv("empty.csv", ""));
      await page.getByRole("button", { name: "Read the file" }).click();
      await page.getByText("The file is empty.").waitFor();
      expect(await page.getByRole("heading", { level: 2, name: "Step 1 of 4: Choose the file" }).count()).toBe(1);

      await sendFile(page, withBadRow);
      expect(await page.getByText("partners.csv: 3 rows, 5 columns").count()).toBe(1);
      // No header says "name": the person matches it by hand; the others were guessed from their headers.
      expect(await fieldSelect(page, "name").inputValue()).toBe("");
      expect(await fieldSelect(page, "kind").inputValue()).toBe("Type");
      expect(await fieldSelect(page, "countryCode").inputValue()).toBe("Country");
      await page.getByRole("button", { name: "Run a dry run" }).click();
      expect(await page.getByText("Choose the column that holds name.").count()).toBe(1);
      await fieldSelect(page, "name").selectOption("Institution name");
      await page.getByRole("button", { name: "Remember this mapping for files like this" }).click();
      await page.getByRole("status").getByText("Mapping saved").waitFor();
      await screenshot(page, `import-mapping-${engine}`);
      await expectNoSeriousViolations(page);

      await page.getByRole("button", { name: "Run a dry run" }).click();
      await page
        .getByRole("status")
        .getByText(/^Dry run finished/)
        .waitFor();
      const errors = page.getByTestId("import-errors");
      const bad = errors.getByRole("row").nth(1);
      expect(await bad.getByRole("cell").allTextContents()).toEqual([
        "2",
        "Type",
        "castle",
        expect.stringMatching(/\S/) as unknown as string,
      ]);
      expect(await count(page, "errors")).toBe(1);
      expect(await count(page, "created")).toBe(2);
      expect(await page.getByRole("button", { name: "Import 3 rows" }).isDisabled()).toBe(true);
      await screenshot(page, `import-dry-run-errors-${engine}`);
      await expectNoSeriousViolations(page);
      expect(await countOrganisations(server, "Girona")).toBe(0);

      await page.getByRole("button", { name: "Send a corrected file" }).click();
      await page.getByRole("heading", { level: 2, name: "Step 1 of 4: Choose the file" }).waitFor();
      await sendFile(page, corrected);
      // Same columns: the mapping saved a moment ago is offered.
      expect(
        await page.getByText("This mapping was saved for files with these columns", { exact: false }).count(),
      ).toBe(1);
      expect(await fieldSelect(page, "name").inputValue()).toBe("Institution name");
      await page.getByRole("button", { name: "Run a dry run" }).click();
      await page
        .getByRole("status")
        .getByText(/^Dry run finished/)
        .waitFor();
      expect(await count(page, "errors")).toBe(0);
      expect(await count(page, "created")).toBe(3);
      expect(await page.getByTestId("import-errors").count()).toBe(0);

      await page.getByRole("button", { name: "Import 3 rows" }).click();
      await page.getByRole("heading", { level: 2, name: "Step 4 of 4: Import" }).waitFor();
      await page
        .getByRole("status")
        .getByText(/^Import finished/)
        .waitFor();
      expect(await count(page, "created")).toBe(3);
      await screenshot(page, `import-applied-${engine}`);
      await expectNoSeriousViolations(page);
      expect(await countOrganisations(server, "Girona")).toBe(1);

      await page.getByRole("link", { name: "Open the organisations" }).click();
      await page.getByRole("heading", { level: 1, name: "Organisations" }).waitFor();
      const table = page.getByRole("table");
      for (const name of ["Università degli Studi di Udine", "Universitat de Girona", "Universidade do Minho"]) {
        await table.getByRole("link", { name }).waitFor();
      }
    });

    it("finds every row unchanged when the same file is imported again", async () => {
      await page.goto(`${server.url}/import`);
      await sendFile(page, corrected);
      await page.getByRole("button", { name: "Run a dry run" }).click();
      await page
        .getByRole("status")
        .getByText(/^Dry run finished/)
        .waitFor();
      expect(await count(page, "unchanged")).toBe(3);
      expect(await count(page, "created")).toBe(0);
      await page.getByRole("button", { name: "Import 3 rows" }).click();
      await page
        .getByRole("status")
        .getByText(/^Import finished/)
        .waitFor();
      expect(await count(page, "unchanged")).toBe(3);
      expect(await count(page, "created")).toBe(0);
      expect(await count(page, "updated")).toBe(0);
      expect(await countOrganisations(server, "Girona")).toBe(1);
    });

    it("shows how far a longer dry run has got while it runs", async () => {
      const rows = Array.from({ length: 150 }, (_, i) => `Hochschule ${i + 1},university,DE,Berlin,www.hs${i + 1}.de`);
      const longer = writeCsv("many.csv", [HEADER, ...rows].join("\n"));
      const polls: string[] = [];
      page.on("request", (request) => {
        if (request.url().endsWith("/progress")) polls.push(request.url());
      });
      await page.getByRole("button", { name: "Import another file" }).click();
      await sendFile(page, longer);
      // What the page showed while the dry run ran, however short: every progress bar and progress text.
      await page.evaluate(() => {
        const seen: string[] = [];
        (window as unknown as { importSeen: string[] }).importSeen = seen;
        new MutationObserver(() => {
          const bar = document.querySelector('[role="progressbar"]');
          if (bar) seen.push(`bar:${bar.getAttribute("aria-label")}:${bar.getAttribute("aria-valuenow") ?? ""}`);
          const text = document.querySelector('[data-testid="import-progress-text"]')?.textContent;
          if (text) seen.push(`text:${text}`);
        }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      });
      const started = Date.now();
      await page.getByRole("button", { name: "Run a dry run" }).click();
      await page
        .getByRole("status")
        .getByText(/^Dry run finished/)
        .waitFor();
      const took = Date.now() - started;
      const seen = await page.evaluate(() => (window as unknown as { importSeen: string[] }).importSeen);
      expect(seen.some((s) => s.startsWith("bar:Dry run progress"))).toBe(true);
      // Polled every 300 ms: a run that lasts longer than that is followed row by row.
      if (took > 2000) {
        expect(polls.length).toBeGreaterThan(0);
        expect(seen.some((s) => /^text:Checked \d+ of 150 rows$/.test(s))).toBe(true);
      }
      console.info(`dry run of 150 rows on ${engine}: ${took} ms, ${polls.length} progress polls`);
      expect(await page.getByRole("progressbar").count()).toBe(0);
      expect(await count(page, "created")).toBe(150);
      expect(polls.length).toBeGreaterThan(0);
      expect(await countOrganisations(server, "Hochschule")).toBe(0);
    });

    it("imports events from an Excel workbook and links to each one", async () => {
      await page.goto(`${server.url}/import`);
      await sendFile(page, await writeEventsWorkbook(), "Events");
      expect(await page.getByText("events.xlsx: 2 rows, 4 columns").count()).toBe(1);
      expect(await fieldSelect(page, "title").inputValue()).toBe("Title");
      expect(await fieldSelect(page, "startsAt").inputValue()).toBe("Start");
      expect(await fieldSelect(page, "place").inputValue()).toBe("Location");
      await page.getByRole("button", { name: "Run a dry run" }).click();
      await page
        .getByRole("status")
        .getByText(/^Dry run finished/)
        .waitFor();
      expect(await count(page, "created")).toBe(2);
      await page.getByRole("button", { name: "Import 2 rows" }).click();
      await page
        .getByRole("status")
        .getByText(/^Import finished/)
        .waitFor();
      await page.getByTestId("import-rows").getByRole("link", { name: "Erasmus Days 2031" }).click();
      await page.getByRole("heading", { level: 1, name: "Erasmus Days 2031" }).waitFor();
    });

    it("offers viewers no import, and sends them away from the page", async () => {
      const viewer = await openBrowser();
      try {
        const other = await viewer.newPage();
        await signIn(other, server.url, VIEWER);
        const nav = other.getByRole("navigation", { name: "Main" });
        await nav.getByRole("link", { name: "Organisations" }).waitFor();
        expect(await nav.getByRole("link", { name: "Import" }).count()).toBe(0);
        await other.goto(`${server.url}/import`);
        await other.getByRole("heading", { level: 1, name: "Dashboard" }).waitFor();
        expect(new URL(other.url()).pathname).toBe("/dashboard");
      } finally {
        await viewer.close();
      }
    });

    it("speaks French when the reader switches", async () => {
      await page.goto(`${server.url}/import`);
      await page.getByRole("heading", { level: 1, name: "Import a spreadsheet" }).waitFor();
      await page.getByLabel("Language", { exact: true }).selectOption("fr");
      await page.getByRole("heading", { level: 1, name: "Importer un tableur" }).waitFor();
      await page.getByRole("heading", { level: 2, name: "Étape 1 sur 4 : Choisir le fichier" }).waitFor();
      expect(await page.getByRole("radiogroup", { name: "Que contient le fichier ?" }).count()).toBe(1);
      await expectNoSeriousViolations(page);
      await page.getByLabel("Langue", { exact: true }).selectOption("en");
      await page.getByRole("heading", { level: 1, name: "Import a spreadsheet" }).waitFor();
    });
  });
}
