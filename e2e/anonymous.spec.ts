import { CreateAgreementInput } from "@conventio/domain";
import { SYSTEM_ACTOR } from "@conventio/server";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./support/axe.js";
import { type Browser, openBrowser, screenshot } from "./support/browser.js";
import { seedOrganisation, startTestServer, type TestServer } from "./support/server.js";

const INTERNAL_PARTNER = "Hochschule Geheim für Vertrauliches";
const PUBLIC_PARTNER = "Université Ouverte de Lille";

describe("an anonymous visitor", () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let internalId: string;

  beforeAll(async () => {
    server = await startTestServer();
    internalId = await seedOrganisation(server, {
      kind: "university",
      name: INTERNAL_PARTNER,
      countryCode: "DE",
      city: "Berlin",
      visibility: "internal",
    });
    const publicId = await seedOrganisation(server, {
      kind: "university",
      name: PUBLIC_PARTNER,
      countryCode: "FR",
      city: "Lille",
      visibility: "public",
    });
    // Both are partners: each is party to an agreement, the public one to a public agreement.
    for (const [organisationId, visibility] of [
      [publicId, "public"],
      [internalId, "internal"],
    ] as const) {
      await server.running.services.agreements.createAgreement(
        SYSTEM_ACTOR,
        CreateAgreementInput.parse({
          kind: "memorandum_of_understanding",
          title: `Memorandum of understanding (${visibility})`,
          parties: [{ organisationId }],
          startsOn: "2024-09-01",
          visibility,
        }),
      );
    }
    browser = await openBrowser();
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("reads what Conventio is on the home page, with a way to sign in and the public partner map", async () => {
    await page.goto(server.url);
    expect(new URL(page.url()).pathname).toBe("/en/");
    await page.getByRole("heading", { level: 1, name: "Conventio" }).waitFor();
    expect(await page.getByText("Our partnerships with universities, cities, regions").count()).toBe(1);
    // One public partner, in one country: the internal German partner is not counted.
    expect(await page.getByRole("link", { name: "1 partner", exact: true }).count()).toBe(1);
    expect(await page.getByRole("link", { name: "1 country", exact: true }).count()).toBe(1);
    const signIn = page.getByRole("link", { name: "Staff sign-in" });
    expect(await signIn.getAttribute("href")).toBe("/sign-in");
    expect(await page.getByRole("navigation", { name: "Main" }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "home-anonymous");

    await page.getByRole("link", { name: "Map", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Partner map" }).waitFor();
    await page.locator('svg a[href="/en/partners?country=FR"] path.country').waitFor();
    // Only public partners are counted for visitors: France has one, the internal German partner is not shown.
    expect(await page.getByRole("row", { name: "France 1" }).count()).toBe(1);
    expect(await page.getByRole("row", { name: /Germany/ }).count()).toBe(0);
    expect(await page.locator('svg a[href="/en/partners?country=DE"]').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("finds public partners in the directory and opens one; internal partners are neither listed nor reachable", async () => {
    await page.goto(server.url);
    await page.getByRole("link", { name: "Partners", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Partners" }).waitFor();
    await page.getByRole("searchbox", { name: "Search" }).fill("universite ouv");
    await page.getByRole("searchbox", { name: "Search" }).press("Enter");
    await page.waitForURL((url) => url.searchParams.get("q") === "universite ouv");
    await page.getByRole("link", { name: PUBLIC_PARTNER }).click();
    await page.getByRole("heading", { level: 1, name: PUBLIC_PARTNER }).waitFor();
    expect(await page.getByText("Lille").count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "public-partner");

    // The former address of the directory leads to it.
    await page.goto(`${server.url}/partners`);
    expect(new URL(page.url()).pathname).toBe("/en/partners");
    await page.getByRole("link", { name: PUBLIC_PARTNER }).waitFor();
    expect((await page.locator("main").textContent()) ?? "").not.toContain(INTERNAL_PARTNER);
    const res = await page.goto(`${server.url}/partners/${internalId}`);
    expect(res?.status()).toBe(404);
    await page.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
    expect((await page.locator("body").textContent()) ?? "").not.toContain(INTERNAL_PARTNER);
  });

  it("is sent to sign in from the organisations list and sees no organisation names", async () => {
    await page.goto(`${server.url}/organisations`);
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    const url = new URL(page.url());
    expect(url.pathname).toBe("/sign-in");
    expect(url.searchParams.get("redirect")).toBe("/organisations");
    const text = (await page.locator("body").textContent()) ?? "";
    expect(text).not.toContain(INTERNAL_PARTNER);
    expect(text).not.toContain(PUBLIC_PARTNER);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "sign-in");
  });

  it("is sent to sign in from an organisation's page too", async () => {
    await page.goto(`${server.url}/organisations/${internalId}`);
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    expect((await page.locator("body").textContent()) ?? "").not.toContain(INTERNAL_PARTNER);
  });

  it("gets 401 from the organisations API when calling it from the page", async () => {
    const answer = await page.evaluate(async (id) => {
      const list = await fetch("/api/organisations");
      const one = await fetch(`/api/organisations/${id}`);
      const people = await fetch("/api/people");
      return { list: list.status, one: one.status, people: people.status, body: await list.text() };
    }, internalId);
    expect(answer.list).toBe(401);
    expect(answer.one).toBe(401);
    expect(answer.people).toBe(401);
    expect(answer.body).not.toContain(INTERNAL_PARTNER);
  });

  it("sees the wrong-password message when signing in with a bad password", async () => {
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel("E-mail").fill("ada@example.org");
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("alert").getByText("The e-mail or the password is not right.").waitFor();
    expect(new URL(page.url()).pathname).toBe("/sign-in");
  });
});
