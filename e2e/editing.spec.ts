import { CreateAgreementInput } from "@conventio/domain";
import { SYSTEM_ACTOR } from "@conventio/server";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, openBrowser, screenshot } from "./support/browser.js";
import {
  countOrganisations,
  roleOf,
  seedOrganisation,
  seedPartnership,
  startTestServer,
  type TestServer,
} from "./support/server.js";
import { signIn } from "./support/session.js";

/** Picks an organisation in a search-as-you-type picker, as a keyboard-and-mouse user would. */
async function pick(page: Page, label: string, typed: string, option: string) {
  const input = page.getByRole("textbox", { name: label });
  await input.click();
  await input.fill(typed);
  await page.getByRole("option", { name: option }).click();
}

describe("an administrator keeping records", () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let ids: { networkId: string; personId: string };
  let metropoleId: string;

  beforeAll(async () => {
    server = await startTestServer();
    ids = await seedPartnership(server);
    metropoleId = await seedOrganisation(server, {
      kind: "local_authority",
      name: "Métropole Européenne de Lille",
      countryCode: "FR",
      city: "Lille",
      visibility: "public",
    });
    browser = await openBrowser();
    page = await browser.newPage();
    await signIn(page, server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("narrows the organisations list as the user types and filters", async () => {
    await page.goto(`${server.url}/organisations`);
    const table = page.getByRole("table");
    await table.getByRole("link", { name: "Métropole Européenne de Lille" }).waitFor();

    await page.getByRole("searchbox", { name: "Search" }).fill("linkop");
    await page.getByRole("status").getByText("1 organisation", { exact: true }).waitFor();
    expect(await table.getByRole("link", { name: "Linköping University" }).count()).toBe(1);
    expect(new URL(page.url()).searchParams.get("q")).toBe("linkop");

    await page.getByRole("searchbox", { name: "Search" }).fill("");
    await pick(page, "Member of network or programme", "", "European Campus Alliance");
    await page.getByRole("status").getByText("2 organisations", { exact: true }).waitFor();
    expect(await table.getByRole("link", { name: "Métropole Européenne de Lille" }).count()).toBe(0);

    await pick(page, "Country", "Swe", "Sweden");
    await page.getByRole("status").getByText("1 organisation", { exact: true }).waitFor();
    expect(await table.getByRole("link", { name: "Linköping University" }).count()).toBe(1);
    expect(new URL(page.url()).searchParams.get("country")).toBe("SE");
  });

  it("edits an organisation and sees the change on its page", async () => {
    await page.goto(`${server.url}/organisations/${metropoleId}`);
    await page.getByRole("link", { name: "Edit" }).click();
    await page.getByRole("heading", { level: 1, name: "Edit Métropole Européenne de Lille" }).waitFor();
    await page.getByLabel("Acronym").fill("MEL");
    await page.getByRole("button", { name: "Add a name in another language" }).click();
    await page.getByLabel("Language of name 1").fill("en");
    await page.getByLabel("Name 1", { exact: true }).fill("European Metropolis of Lille");
    await page.getByRole("button", { name: "Save" }).click();

    // The English interface now names it in English, the name just stored.
    await page.getByRole("heading", { level: 1, name: "European Metropolis of Lille (MEL)" }).waitFor();
    const names = page.getByRole("region", { name: "Names in other languages" });
    expect(await names.getByText("European Metropolis of Lille").count()).toBe(1);
  });

  it("adds a member to a network by searching for it, then removes it", async () => {
    await page.goto(`${server.url}/organisations/${ids.networkId}`);
    await page.getByRole("heading", { level: 2, name: "2 members" }).waitFor();
    await pick(page, "Member organisation", "Métropole", "Métropole Européenne de Lille");
    await page.getByLabel("Since", { exact: true }).fill("2021-03-15");
    await page.getByRole("button", { name: "Add member" }).click();

    await page.getByRole("heading", { level: 2, name: "3 members" }).waitFor();
    // Searched by its French name, listed by its English one in the English interface.
    const row = page.getByRole("row", { name: /European Metropolis of Lille/ });
    expect(await row.getByText(/2021/).count()).toBe(1);
    await screenshot(page, "network-members");

    await page.getByRole("button", { name: "Remove European Metropolis of Lille from the members" }).click();
    await page.getByRole("heading", { level: 2, name: "2 members" }).waitFor();
  });

  it("warns about a likely duplicate while typing and creates it only when confirmed", async () => {
    await page.goto(`${server.url}/organisations/new`);
    await page.getByRole("textbox", { name: "Name", exact: true }).fill("Universite de Lille");
    await page.getByLabel("Website").fill("www.univ-lille.fr");
    await page.getByText("This organisation may already be recorded").waitFor();

    await page.getByRole("button", { name: "Create organisation" }).click();
    await page.getByRole("alert").getByText("Possible duplicate").waitFor();
    expect(await countOrganisations(server, "Universite de Lille")).toBe(1);

    await page.getByRole("button", { name: "Create anyway" }).click();
    await page.getByRole("heading", { level: 1, name: "Universite de Lille" }).waitFor();
    expect(await countOrganisations(server, "Universite de Lille")).toBe(2);
  });

  it("adds a contact at an organisation, gives them a role, and erases them on request", async () => {
    await page.goto(`${server.url}/organisations/${metropoleId}`);
    await page.getByRole("link", { name: "New person" }).click();
    await page.getByRole("textbox", { name: "Given name" }).fill("Bernard");
    await page.getByRole("textbox", { name: "Family name" }).fill("Haesebroeck");
    await page.getByLabel("Position or title").fill("First vice-president");
    await page.getByRole("button", { name: "Create person" }).click();

    await page.getByRole("heading", { level: 1, name: "Bernard Haesebroeck" }).waitFor();
    const contact = page.getByRole("region", { name: "Contact" });
    expect(await contact.getByRole("link", { name: "Métropole Européenne de Lille" }).count()).toBe(1);

    await page.getByRole("textbox", { name: "Role" }).fill("Signatory of the partnership convention");
    await page.getByLabel("Since").fill("2022-06-01");
    await page.getByRole("button", { name: "Add role" }).click();
    await page.getByRole("cell", { name: "Signatory of the partnership convention", exact: true }).waitFor();
    expect(await page.getByRole("link", { name: "Export data (JSON)" }).getAttribute("href")).toMatch(
      /^\/api\/people\/.+\/export$/,
    );
    await screenshot(page, "person-with-role");

    await page.getByRole("button", { name: "Erase everywhere" }).click();
    const dialog = page.getByRole("dialog", { name: "Erase Bernard Haesebroeck everywhere?" });
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "Erase everywhere" }).click();
    await page.getByRole("heading", { level: 1, name: "People" }).waitFor();
    expect(await page.getByRole("link", { name: "Bernard Haesebroeck" }).count()).toBe(0);
  });

  it("creates an account and changes its role", async () => {
    await page.goto(`${server.url}/admin/users`);
    // The page also holds the invitation form: work in the one that creates the account.
    const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Create account" }) });
    await form.getByRole("textbox", { name: "Name" }).fill("Eddie Editor");
    await form.getByRole("textbox", { name: "E-mail" }).fill("eddie@example.org");
    await form.getByLabel("Password").fill("an-editor-password");
    await form.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("rowheader", { name: "Eddie Editor" }).waitFor();

    await page.getByRole("textbox", { name: "Role of Eddie Editor" }).click();
    await page.getByRole("option", { name: "Editor" }).click();
    await expect.poll(() => roleOf(server, "eddie@example.org")).toBe("editor");
  });

  it("keeps a vocabulary of themes, offers it on agreements, and keeps summaries in other languages through an edit", async () => {
    await page.goto(`${server.url}/admin/themes`);
    await page.getByRole("textbox", { name: "Label", exact: true }).fill("Robotics");
    await page.getByRole("textbox", { name: "Label in French" }).fill("Robotique");
    await page.getByRole("button", { name: "Save theme" }).click();
    await page.getByRole("cell", { name: /^Robotics/ }).waitFor();
    expect(await page.getByRole("cell", { name: /fr: Robotique/ }).count()).toBe(1);

    const { agreements } = server.running.services;
    const agreement = await agreements.createAgreement(
      SYSTEM_ACTOR,
      CreateAgreementInput.parse({
        kind: "memorandum_of_understanding",
        title: "MoU Lille – Linköping",
        summary: "Student and staff exchanges.",
        summaries: [{ lang: "sv", value: "Student- och personalutbyten." }],
      }),
    );
    await page.goto(`${server.url}/agreements/${agreement.id}/edit`);
    await page.getByRole("textbox", { name: "Summary 1 in another language" }).waitFor();
    expect(await page.getByRole("textbox", { name: "Summary 1 in another language" }).inputValue()).toBe(
      "Student- och personalutbyten.",
    );
    await page.getByRole("textbox", { name: "Themes" }).click();
    await page.getByRole("option", { name: "Robotics" }).click();
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByRole("heading", { level: 1, name: "MoU Lille – Linköping" }).waitFor();
    const saved = await agreements.getAgreement(SYSTEM_ACTOR, agreement.id);
    expect(saved.themes).toEqual(["Robotics"]);
    expect(saved.summaries).toEqual([{ lang: "sv", value: "Student- och personalutbyten." }]);
  });
});
