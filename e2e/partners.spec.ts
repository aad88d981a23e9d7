import { CreateAgreementInput } from "@conventio/domain";
import { SYSTEM_ACTOR } from "@conventio/server";
import type { Locator, Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, openBrowser, screenshot } from "./support/browser.js";
import {
  ADMIN,
  countOrganisations,
  languageOf,
  partnersIn,
  seedOrganisation,
  startTestServer,
  type TestServer,
} from "./support/server.js";
import { signIn } from "./support/session.js";

/** The error message an input points to with aria-describedby, as a screen reader would announce it. */
async function errorOf(page: Page, input: Locator): Promise<string> {
  const ids = ((await input.getAttribute("aria-describedby")) ?? "").split(" ");
  const errorId = ids.find((id) => id.endsWith("-error"));
  return errorId ? ((await page.locator(`[id="${errorId}"]`).textContent()) ?? "") : "";
}

/**
 * One working session of an administrator, journey after journey: the page stays signed in,
 * as it would for a person moving through the app.
 */
describe("an administrator's session", () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    const tokyo = await seedOrganisation(server, {
      kind: "university",
      name: "Tokyo University of Foreign Studies",
      countryCode: "JP",
      city: "Fuchu",
      visibility: "internal",
      identifiers: [{ scheme: "pic", value: "999888777" }],
    });
    // A partner: the map counts organisations party to an agreement.
    await server.running.services.agreements.createAgreement(
      SYSTEM_ACTOR,
      CreateAgreementInput.parse({
        kind: "memorandum_of_understanding",
        title: "Memorandum of understanding on Japanese studies",
        parties: [{ organisationId: tokyo }],
        startsOn: "2024-04-01",
      }),
    );
    browser = await openBrowser();
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("signs in with e-mail and password and lands on the organisations list", async () => {
    await signIn(page, server.url);
    await expect.poll(() => page.url()).toBe(`${server.url}/organisations`);
    await page.getByRole("link", { name: "Tokyo University of Foreign Studies" }).waitFor();
    expect(
      await page.getByRole("navigation", { name: "Your account" }).getByRole("link", { name: "Admin" }).count(),
    ).toBe(1);
    await screenshot(page, "organisations");
  });

  it("finds Kyutech in the bundled registry and adds it in one click", async () => {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Add from registry" }).click();
    await page.getByLabel("Search the registry").fill("Kyutech");
    const add = page.getByRole("button", { name: "Add Kyushu Institute of Technology" });
    await add.waitFor();
    await screenshot(page, "registry");
    await add.click();

    await page.getByRole("heading", { level: 1, name: /Kyushu Institute of Technology/ }).waitFor();
    expect(page.url()).toMatch(/\/organisations\/[^/]+$/);
    const about = page.getByRole("region", { name: "About" });
    expect(await about.getByText("Japan", { exact: true }).count()).toBe(1);
    expect(await about.getByText("Kitakyushu", { exact: true }).count()).toBe(1);
    const identifiers = page.getByRole("region", { name: "Identifiers" });
    expect(await identifiers.getByRole("link", { name: "https://ror.org/02278tr80" }).count()).toBe(1);
    await screenshot(page, "organisation");
  });

  it("shows the error on the website field and creates nothing when the address is not a web address", async () => {
    await page.goto(`${server.url}/organisations/new`);
    // Required fields carry a " *" in their label; their accessible name does not.
    await page.getByRole("textbox", { name: "Name", exact: true }).fill("Université de Nulle Part");
    const website = page.getByLabel("Website");
    await website.fill("not a url");
    // Whether the browser's own check or the server's catches it (Chromium's URL parser is more lenient
    // than Node's), the same domain message must end up on the field.
    await page.getByRole("button", { name: "Create organisation" }).click();

    await expect.poll(() => website.getAttribute("aria-invalid")).toBe("true");
    expect(await errorOf(page, website)).toBe("A web address such as https://www.univ-lille.fr");
    expect(page.url()).toBe(`${server.url}/organisations/new`);
    expect(await countOrganisations(server, "Nulle Part")).toBe(0);
  });

  it("refuses a latitude of 200 on the latitude field before anything is sent", async () => {
    await page.goto(`${server.url}/organisations/new`);
    await page.getByRole("textbox", { name: "Name", exact: true }).fill("Université de Nulle Part");
    const lat = page.getByLabel("Latitude");
    await lat.fill("200");
    await page.getByLabel("Longitude").fill("3.07");
    const posts: string[] = [];
    const track = (r: Request) => {
      if (r.method() === "POST" && r.url().endsWith("/api/organisations")) posts.push(r.url());
    };
    page.on("request", track);
    await page.getByRole("button", { name: "Create organisation" }).click();

    await expect.poll(() => lat.getAttribute("aria-invalid")).toBe("true");
    page.off("request", track);
    expect(await errorOf(page, lat)).toBe("At most 90");
    expect(posts).toEqual([]);
    expect(await countOrganisations(server, "Nulle Part")).toBe(0);
  });

  it("shows the server's message on the identifier field when the PIC already belongs to another partner", async () => {
    await page.goto(`${server.url}/organisations/new`);
    await page.getByRole("textbox", { name: "Name", exact: true }).fill("Université de Nulle Part");
    await page.getByLabel("Website").fill("https://nulle-part.example.org");
    await page.getByRole("button", { name: "Add an identifier" }).click();
    await page.getByRole("textbox", { name: "Scheme of identifier 1" }).click();
    await page.getByRole("option", { name: "PIC" }).click();
    const pic = page.getByLabel("Identifier 1", { exact: true });
    await pic.fill("999 888 777");
    const answer = page.waitForResponse(
      (r) => r.request().method() === "POST" && r.url().endsWith("/api/organisations"),
    );
    await page.getByRole("button", { name: "Create organisation" }).click();

    const response = await answer;
    expect(response.status()).toBe(409);
    const problem = (await response.json()) as { errors?: { field: string; message: string }[] };
    expect(problem.errors?.[0]?.field).toBe("identifiers.0.value");
    await expect.poll(() => pic.getAttribute("aria-invalid")).toBe("true");
    expect(await errorOf(page, pic)).toBe("999888777 already identifies Tokyo University of Foreign Studies.");
    await screenshot(page, "organisation-form-errors");
    expect(await countOrganisations(server, "Nulle Part")).toBe(0);
  });

  it("switches every label to French, keeps it after a reload, and switches back to English", async () => {
    await page.goto(`${server.url}/organisations`);
    await page.getByLabel("Language").selectOption("fr");

    const nav = page.getByRole("navigation", { name: "Principale" });
    await nav.getByRole("link", { name: "Personnes" }).waitFor();
    expect(await nav.getByRole("link", { name: "Carte" }).count()).toBe(1);
    expect(await nav.getByRole("link", { name: "Ajouter depuis le registre" }).count()).toBe(1);
    expect(await page.getByRole("textbox", { name: "Pays" }).count()).toBe(1);
    expect(await page.getByRole("button", { name: "Se déconnecter" }).count()).toBe(1);
    expect(await page.getByRole("cell", { name: "Université ou école" }).count()).toBeGreaterThan(0);
    expect(await page.locator("html").getAttribute("lang")).toBe("fr");
    // The account takes the language too, so its e-mails come in French.
    await expect.poll(() => languageOf(server, ADMIN.email)).toBe("fr");
    await screenshot(page, "organisations-fr");

    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Organisations" }).waitFor();
    await page.getByRole("link", { name: "Personnes" }).waitFor();

    await page.getByLabel("Langue").selectOption("en");
    await page.getByRole("link", { name: "People" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await expect.poll(() => languageOf(server, ADMIN.email)).toBe("en");
  });

  it("draws Japan on the partner map with its number of partners", async () => {
    const japan = await partnersIn(server, "JP");
    expect(japan).toBeGreaterThanOrEqual(1);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Map" }).click();
    const shape = page.locator('svg.world-map path[data-country="JP"]');
    await shape.waitFor();

    const label = `Japan: ${japan} ${japan === 1 ? "partner" : "partners"}`;
    expect(await shape.locator("title").textContent()).toBe(label);
    expect(await shape.getAttribute("data-count")).toBe(String(japan));
    expect(((await shape.getAttribute("d")) ?? "").length).toBeGreaterThan(100);
    expect(await shape.getAttribute("fill")).not.toBe("#e9ecef");
    const box = await shape.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(5);

    const row = page.getByRole("row", { name: `Japan ${japan}` });
    expect(await row.count()).toBe(1);
    await screenshot(page, "map");
  });
});
