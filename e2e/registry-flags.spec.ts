import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./support/axe.js";
import { type Browser, openBrowser } from "./support/browser.js";
import { startTestServer, type TestServer } from "./support/server.js";
import { signIn } from "./support/session.js";

/**
 * The bundled registry keeps ROR's withdrawn and inactive records, flagged, with the organisation
 * they are now known as and the one they are part of.
 */
describe("flags of the registry", () => {
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

  const entry = (name: string) => page.getByRole("article", { name });

  it("shows a withdrawn record with the organisation it is now known as, and goes there by keyboard", async () => {
    await page.goto(`${server.url}/registry`);
    await page.getByLabel("Search the registry").fill("Lille 2 Droit");
    const withdrawn = entry("Université Lille 2 Droit et Santé");
    await withdrawn.getByText("Withdrawn from ROR").waitFor();
    expect(await withdrawn.getByText(/withdrew this record as a duplicate/).count()).toBe(1);
    const successor = withdrawn.getByRole("link", { name: "Université de Lille" });
    expect(await withdrawn.getByText(/^Now known as/).count()).toBe(1);
    const violations = await seriousViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);

    await successor.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByLabel("Search the registry").inputValue()).toBe("Université de Lille");
    await page.getByRole("button", { name: "Add Université de Lille" }).first().waitFor();
  });

  it("names the organisation a unit is part of, by its ROR id when the registry does not hold it", async () => {
    await page.getByLabel("Search the registry").fill("Institut Agronomique Mediterraneen de Montpellier");
    const unit = entry("Institut Agronomique Méditerranéen de Montpellier");
    await unit.getByText("Part of").waitFor();
    expect(await unit.getByText("https://ror.org/04abkkz03").count()).toBe(1);
  });

  it("says the same in French", async () => {
    await page.getByLabel("Language").selectOption("fr");
    await page.goto(`${server.url}/registry?q=${encodeURIComponent("Lille 2 Droit")}`);
    const withdrawn = entry("Université Lille 2 Droit et Santé");
    await withdrawn.getByText("Retiré de ROR").waitFor();
    expect(await withdrawn.getByText("Nom actuel :").count()).toBe(1);
    await page.getByLabel("Langue").selectOption("en");
  });
});
