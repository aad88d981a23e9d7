import { CreateAgreementInput } from "@conventio/domain";
import { SYSTEM_ACTOR } from "@conventio/server";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, openBrowser } from "./support/browser.js";
import { startTestServer, type TestServer } from "./support/server.js";
import { signIn } from "./support/session.js";

const YEAR_SECONDS = 365 * 24 * 60 * 60;

describe("the reader's language", () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let agreementId: string;

  beforeAll(async () => {
    server = await startTestServer();
    const agreement = await server.running.services.agreements.createAgreement(
      SYSTEM_ACTOR,
      CreateAgreementInput.parse({
        kind: "bilateral_exchange",
        title: "Exchange Lille – Linköping",
        fields: ["061", "042"],
      }),
    );
    agreementId = agreement.id;
    browser = await openBrowser();
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function languageCookie() {
    const cookies = await browser.context.cookies(server.url);
    return cookies.find((c) => c.name === "conventio_lang");
  }

  it("is sent to the server as a cookie from the first page, for a year, site-wide", async () => {
    // The public site carries its language in the address; the staff app's first page sets the cookie.
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel("Language").waitFor();
    const cookie = await languageCookie();
    expect(cookie).toMatchObject({ value: "en", path: "/", sameSite: "Lax" });
    const yearsLeft = ((cookie?.expires ?? 0) - Date.now() / 1000) / YEAR_SECONDS;
    expect(yearsLeft).toBeGreaterThan(0.99);
    expect(yearsLeft).toBeLessThanOrEqual(1);
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
  });

  it("follows the switcher: the cookie, <html lang> and ISCED field names change with it", async () => {
    await signIn(page, server.url);
    await page.getByLabel("Language").selectOption("sv");
    await expect.poll(async () => (await languageCookie())?.value).toBe("sv");
    expect(await page.locator("html").getAttribute("lang")).toBe("sv");

    await page.goto(`${server.url}/agreements/${agreementId}`);
    await page.getByText("061 Informations- och kommunikationsteknik (IKT) · 042 Juridik").waitFor();

    await page.getByLabel("Språk").selectOption("fr");
    await page.getByText("061 Technologies de l’information et de la communication (TIC) · 042 Droit").waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("fr");
    expect((await languageCookie())?.value).toBe("fr");
  });

  it("names the ISCED fields of the agreement form in the reader's language", async () => {
    await page.goto(`${server.url}/agreements/${agreementId}/edit`);
    await page.getByText("061 Technologies de l’information et de la communication (TIC)").first().waitFor();
    await page.getByText("042 Droit", { exact: true }).first().waitFor();
  });
});
