import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./support/axe.js";
import { type Browser, openBrowser, screenshot } from "./support/browser.js";
import { startTestServer, type TestServer } from "./support/server.js";
import { signIn } from "./support/session.js";

describe("a news post relaying an article published elsewhere", () => {
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

  it("is written with its outlet, link and date, and a bad link is pointed out before anything is sent", async () => {
    await page.goto(`${server.url}/news/new`);
    await page.getByLabel("Title").fill("Kyutech students in Nancy");
    await page.getByLabel(/^Text/).fill("Twelve students spent the summer in Lorraine's laboratories.");
    await page.getByLabel("Publication date", { exact: true }).fill("2024-09-10");
    const source = page.getByRole("group", { name: "Article published elsewhere" });
    await source.getByLabel("Original outlet").fill("The Japan Times");
    const link = source.getByLabel("Link to the original article");
    await link.fill("http://www.japantimes.co.jp/news/2024/09/05/kyutech-nancy/");
    await source.getByLabel("Original publication date").fill("2024-09-05");
    await page.getByRole("radio", { name: "Published" }).check();
    await page.getByRole("button", { name: "Create post" }).click();

    // The domain schema refuses the plain-http link in the form itself, and the field takes the focus.
    await page.getByText("A link starting with https://", { exact: false }).waitFor();
    expect(await link.evaluate((el) => el === document.activeElement)).toBe(true);
    await link.fill("https://www.japantimes.co.jp/news/2024/09/05/kyutech-nancy/");
    await page.getByRole("button", { name: "Create post" }).click();
    await page.getByRole("heading", { level: 1, name: "Kyutech students in Nancy" }).waitFor();
  });

  it("shows everyone the outlet the article first appeared in, with a link to it", async () => {
    const postUrl = page.url();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL((url) => url.pathname === "/en/");
    // The staff app's address of the post leads a visitor to its public page.
    await page.goto(postUrl);
    expect(new URL(page.url()).pathname).toMatch(/^\/en\/news\//);
    await page.getByRole("heading", { level: 1, name: "Kyutech students in Nancy" }).waitFor();
    const original = page.locator("main").getByRole("link", { name: /The Japan Times/ });
    expect(await original.getAttribute("href")).toBe("https://www.japantimes.co.jp/news/2024/09/05/kyutech-nancy/");
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "news-relayed-article");
  });

  it("says where and when the article first appeared, in English and in French", async () => {
    const english = page.url();
    await page.getByText("First published by The Japan Times on", { exact: false }).waitFor({ timeout: 3_000 });
    const original = page.getByRole("link", { name: "Read the original article (The Japan Times)" });
    expect(await original.getAttribute("href")).toBe("https://www.japantimes.co.jp/news/2024/09/05/kyutech-nancy/");
    await page.goto(english.replace("/en/news/", "/fr/news/"));
    await page.getByText("Paru d'abord dans The Japan Times le", { exact: false }).waitFor({ timeout: 3_000 });
    await page.getByRole("link", { name: "Lire l'article original (The Japan Times)" }).waitFor({ timeout: 3_000 });
  });
});
