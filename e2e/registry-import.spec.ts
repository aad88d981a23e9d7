import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./support/axe.js";
import { type Browser, openBrowser } from "./support/browser.js";
import { startTestServer, type TestServer } from "./support/server.js";
import { signIn } from "./support/session.js";

const DATA = join(import.meta.dirname, "../../shared/data");

/** The first 40 Greek and French rows of the real charter list, and a file that is empty. */
function writeFiles(): { slice: string; crosswalk: string; empty: string } {
  const dir = mkdtempSync(join(tmpdir(), "conventio-registry-"));
  const lines = readFileSync(join(DATA, "eche-holders-2024-06.csv"), "utf8").split("\n");
  const rows = lines.filter((l) => l.includes(",EL,") || l.includes(",FR,")).slice(0, 40);
  const slice = join(dir, "eche-holders.csv");
  writeFileSync(slice, `${[lines[0], ...rows].join("\n")}\n`);
  const empty = join(dir, "empty.csv");
  writeFileSync(empty, "");
  return { slice, crosswalk: join(DATA, "eche-ror-crosswalk.csv"), empty };
}

/** An administrator refreshes the registry from the Erasmus charter list, and reads the report. */
describe("refreshing the registry from the web app", () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const files = writeFiles();

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

  const section = () => page.getByRole("region", { name: "Refresh the registry" });

  it("refuses an empty file under the file field", async () => {
    await page.goto(`${server.url}/registry`);
    await section().locator('input[type="file"]').first().setInputFiles(files.empty);
    await section().getByRole("button", { name: "Import" }).click();
    await section().getByText("The file is empty.").waitFor();
    const violations = await seriousViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
  });

  it("imports a slice of the charter list with its crosswalk, following the import to its report", async () => {
    await section().getByRole("radio", { name: "The registry" }).check();
    await section().locator('input[type="file"]').first().setInputFiles(files.slice);
    await section().locator('input[type="file"]').nth(1).setInputFiles(files.crosswalk);
    await section().getByRole("button", { name: "Import" }).click();
    await section().getByRole("status").getByText("eche-holders.csv imported.").waitFor({ timeout: 30_000 });
    const report = section().getByRole("table");
    // The bundled registry already holds every row as this list says: all unchanged.
    expect(await report.getByRole("row", { name: "Records read 40" }).count()).toBe(1);
    expect(await report.getByRole("row", { name: "Unchanged 40" }).count()).toBe(1);
    expect(await report.getByRole("row", { name: "Skipped 0" }).count()).toBe(1);
    const violations = await seriousViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
  });

  it("offers the same in French", async () => {
    await page.getByLabel("Language").selectOption("fr");
    await page.getByRole("region", { name: "Mettre à jour le registre" }).waitFor();
    await page.getByLabel("Langue").selectOption("en");
  });
});
