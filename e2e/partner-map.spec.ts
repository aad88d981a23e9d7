import { CreateAgreementInput, CreateOrganisationInput, RecordPastAgreementInput } from "@conventio/domain";
import { SYSTEM_ACTOR } from "@conventio/server";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./support/axe.js";
import { type Browser, openBrowser, screenshot } from "./support/browser.js";
import { startTestServer, type TestServer } from "./support/server.js";
import { signIn } from "./support/session.js";

/**
 * The partner map counts partners (organisations party to an agreement), per country where they
 * are: a partner in Réunion is a circle at Réunion, not part of France. Filters narrow the counts
 * and stay in the address; the legend tells no partner from one in words and in its swatches.
 */
describe("the partner map", () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let lawFaculty: string;

  const shape = (code: string) => page.locator(`svg.world-map path[data-country="${code}"]`);
  const marker = (code: string) => page.locator(`svg.world-map circle[data-country="${code}"]`);

  beforeAll(async () => {
    server = await startTestServer();
    const { organisations, agreements } = server.running.services;
    const organisation = async (
      name: string,
      kind: "university" | "local_authority" | "unit",
      countryCode: string,
      parentId: string | null = null,
    ) =>
      (
        await organisations.createOrganisation(
          SYSTEM_ACTOR,
          CreateOrganisationInput.parse({
            name,
            kind,
            countryCode,
            parentId,
            visibility: "public",
            confirmDuplicate: true,
          }),
        )
      ).id;
    const lille = await organisation("Université de Lille", "university", "FR");
    const science = await organisation("Faculty of Science", "unit", "FR", lille);
    const law = await organisation("Faculty of Law", "unit", "FR", lille);
    lawFaculty = law;
    const lund = await organisation("Lund University", "university", "SE");
    const kth = await organisation("KTH Royal Institute of Technology", "university", "SE");
    await organisation("Uppsala University", "university", "SE"); // no agreement: not a partner
    const sorbonne = await organisation("Sorbonne Université", "university", "FR");
    const reunion = await organisation("Université de La Réunion", "university", "RE");
    const region = await organisation("Région Réunion", "local_authority", "RE");
    const us = (unit: string) => ({ organisationId: lille, responsibleUnitId: unit });
    await agreements.recordPastAgreement(
      SYSTEM_ACTOR,
      RecordPastAgreementInput.parse({
        kind: "bilateral_exchange",
        title: "Exchange with Lund",
        status: "active",
        signedOn: "2024-01-10",
        parties: [us(science), { organisationId: lund }],
      }),
    );
    await agreements.createAgreement(
      SYSTEM_ACTOR,
      CreateAgreementInput.parse({
        kind: "memorandum_of_understanding",
        title: "Law school in the Indian Ocean",
        parties: [us(law), { organisationId: reunion }, { organisationId: kth }],
      }),
    );
    await agreements.recordPastAgreement(
      SYSTEM_ACTOR,
      RecordPastAgreementInput.parse({
        kind: "framework_agreement",
        title: "Marine biology chair",
        status: "terminated",
        signedOn: "2020-05-01",
        terminatedOn: "2023-05-01",
        parties: [us(science), { organisationId: region }, { organisationId: sorbonne }],
      }),
    );
    browser = await openBrowser();
    page = await browser.newPage();
    await signIn(page, server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("counts partners where they are: Sweden shaded, Réunion a circle of its own, France not inflated", async () => {
    await page.goto(`${server.url}/map`);
    await shape("SE").waitFor();
    await page.getByRole("row", { name: "Sweden 2" }).waitFor();
    expect(await shape("SE").getAttribute("data-count")).toBe("2");
    expect(await shape("FR").getAttribute("data-count")).toBe("2");
    expect(await page.getByRole("row", { name: "France 2" }).count()).toBe(1);

    // French Guiana, drawn inside France's outline by the atlas, is cut out: France's shade is not its.
    expect(await shape("GF").getAttribute("data-count")).toBe("0");
    expect(await shape("FR").count()).toBe(1);
    expect(await shape("RE").count()).toBe(0);
    expect(await marker("RE").getAttribute("data-count")).toBe("2");
    expect(await marker("RE").locator("title").textContent()).toBe("Réunion: 2 partners");
    expect(await page.getByRole("row", { name: "Réunion 2" }).count()).toBe(1);
    const box = await marker("RE").boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(3);
    // No partner: neither a row nor a shade.
    expect(await page.getByRole("row", { name: /Japan/ }).count()).toBe(0);
    expect(await shape("JP").getAttribute("data-count")).toBe("0");
    await screenshot(page, "partner-map");
  });

  it("tells no partner from one in a legend in words, with a swatch of its own", async () => {
    const legend = page.getByRole("list", { name: "Legend" });
    const none = legend.locator('li[data-legend="none"]');
    const one = legend.locator('li[data-legend="1"]');
    expect(await none.textContent()).toContain("No partner");
    expect(await one.textContent()).toBe("1");
    expect(await none.isVisible()).toBe(true);
    expect(await one.isVisible()).toBe(true);
    const noneFill = await none.locator("rect").getAttribute("fill");
    const oneFill = await one.locator("rect").getAttribute("fill");
    expect(noneFill).toMatch(/^url\(#/);
    expect(oneFill).toMatch(/^#/);
    expect(await shape("JP").getAttribute("fill")).toBe(noneFill);
    // The figure is described in words, not only drawn.
    const describedBy = await page.locator("svg.world-map").getAttribute("aria-describedby");
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toContain("white and hatched");
  });

  it("narrows the counts by agreement status and keeps the filter in the address", async () => {
    await page.getByRole("textbox", { name: "Agreement status" }).click();
    await page.getByRole("option", { name: "Draft", exact: true }).click();
    await page.waitForURL(/status=draft/);
    await page.getByRole("row", { name: "Sweden 1" }).waitFor();
    expect(await shape("SE").getAttribute("data-count")).toBe("1");
    expect(await shape("FR").getAttribute("data-count")).toBe("1");
    expect(await marker("RE").getAttribute("data-count")).toBe("1");

    await page.goto(`${server.url}/map?status=terminated`);
    await page.getByRole("row", { name: "France 2" }).waitFor();
    expect(await page.getByRole("textbox", { name: "Agreement status" }).inputValue()).toBe("Terminated");
    expect(await shape("SE").getAttribute("data-count")).toBe("0");
    expect(await page.getByRole("row", { name: /Sweden/ }).count()).toBe(0);
  });

  it("narrows by responsible unit", async () => {
    await page.goto(`${server.url}/map?unit=${lawFaculty}`);
    await page.getByRole("row", { name: "Réunion 1" }).waitFor();
    expect(await page.getByRole("textbox", { name: "Responsible unit" }).inputValue()).toBe("Faculty of Law");
    expect(await shape("SE").getAttribute("data-count")).toBe("1");
    expect(await shape("FR").getAttribute("data-count")).toBe("1");
  });

  it("narrows by kind of partner and follows a country to its partners of that kind", async () => {
    await page.goto(`${server.url}/map?kind=local_authority`);
    await page.getByRole("row", { name: "Réunion 1" }).waitFor();
    expect(await page.getByRole("textbox", { name: "Kind of partner" }).inputValue()).toBe(
      "Local or regional authority",
    );
    const link = page.getByRole("link", { name: "Réunion" });
    const href = (await link.getAttribute("href")) ?? "";
    expect(href).toContain("country=RE");
    expect(href).toContain("kind=local_authority");
    expect(await shape("FR").getAttribute("data-count")).toBe("0");
  });

  it("has no serious accessibility violations", async () => {
    await page.goto(`${server.url}/map?status=draft`);
    await page.getByRole("row", { name: "Sweden 1" }).waitFor();
    const violations = await seriousViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
  });
});
