import { CreateAgreementInput, CreateOrganisationInput } from "@conventio/domain";
import { SYSTEM_ACTOR } from "@conventio/server";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, openBrowser } from "./support/browser.js";
import { startTestServer, type TestServer } from "./support/server.js";
import { signIn } from "./support/session.js";

/**
 * The language a screen reader reads a link's text in: a lang marked inside the link, else the
 * link's own or its nearest ancestor's (the page's).
 */
const langOf = (link: Locator) =>
  link.evaluate((e) => (e.querySelector("[lang]") ?? e).closest("[lang]")?.getAttribute("lang") ?? null);

describe("titles and names in the reader's language on lists", () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    const { organisations, agreements } = server.running.services;
    const linkoping = await organisations.createOrganisation(
      SYSTEM_ACTOR,
      CreateOrganisationInput.parse({
        kind: "university",
        name: "Linköping University",
        names: [
          { lang: "en", value: "Linköping University" },
          { lang: "sv", value: "Linköpings universitet" },
        ],
        countryCode: "SE",
      }),
    );
    // No Swedish name: Swedish readers get the English original, marked as English.
    await organisations.createOrganisation(
      SYSTEM_ACTOR,
      CreateOrganisationInput.parse({
        kind: "university",
        name: "Kyushu Institute of Technology",
        names: [
          { lang: "en", value: "Kyushu Institute of Technology" },
          { lang: "ja", value: "九州工業大学" },
        ],
        countryCode: "JP",
      }),
    );
    await agreements.createAgreement(
      SYSTEM_ACTOR,
      CreateAgreementInput.parse({
        kind: "partnership_convention",
        title: "Convention de partenariat avec Linköping",
        language: "fr",
        titles: [{ lang: "sv", value: "Partnerskapsavtal med Linköping" }],
        parties: [{ organisationId: linkoping.id }],
      }),
    );
    browser = await openBrowser();
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("switching to Swedish renames the organisations on the list, each in its own language", async () => {
    await signIn(page, server.url);
    const english = page.getByRole("link", { name: "Linköping University" });
    await english.waitFor();
    expect(await langOf(english)).toBe("en");

    await page.getByLabel("Language").selectOption("sv");
    const swedish = page.getByRole("link", { name: "Linköpings universitet" });
    await swedish.waitFor();
    expect(await langOf(swedish)).toBe("sv");
    await page.getByRole("link", { name: "Linköping University" }).waitFor({ state: "detached" });

    expect(await langOf(page.getByRole("link", { name: "Kyushu Institute of Technology" }))).toBe("en");
  });

  it("the agreements list titles in Swedish when a Swedish title is stored, the French original otherwise", async () => {
    await page.goto(`${server.url}/agreements`);
    const title = page.getByRole("link", { name: "Partnerskapsavtal med Linköping" });
    await title.waitFor();
    expect(await langOf(title)).toBe("sv");
    await page.getByRole("cell", { name: "Linköpings universitet" }).waitFor();

    await page.getByLabel("Språk").selectOption("en");
    const original = page.getByRole("link", { name: "Convention de partenariat avec Linköping" });
    await original.waitFor();
    expect(await langOf(original)).toBe("fr");
  });
});
