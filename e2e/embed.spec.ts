import http from "node:http";
import type { AddressInfo } from "node:net";
import { type EnteredFacts, enterPublicFacts, LINKOPING, MOU } from "@conventio/server/test/public-facts";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./support/server.js";
import { adminCall, type Call, launchChromium } from "./support/site.js";

/**
 * A university's own site, on another origin, showing Conventio's partnerships widget: framed
 * when an administrator lists that origin, refused by the browser when not.
 */

/** The university's site: one page with the frame snippet, one with the script snippet. */
async function startUniversitySite(conventio: () => string): Promise<{ origin: string; close(): Promise<void> }> {
  const pages: Record<string, () => string> = {
    "/frame.html": () =>
      `<iframe title="Our partnerships" src="${conventio()}/embed/en/partnerships?theme=robotics" width="800" height="600"></iframe>`,
    "/script.html": () =>
      `<script src="${conventio()}/embed.js" data-widget="partnerships" data-lang="en" data-theme="robotics" data-country="JP" data-title="Our partnerships"></script>`,
    "/page.html": () =>
      `<iframe title="A page" src="${conventio()}/en/partnerships" width="800" height="600"></iframe>`,
  };
  const server = http.createServer((req, res) => {
    const body = pages[req.url ?? ""];
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(
      `<!doctype html><html lang="en"><head><title>Université de Lille</title></head><body><h1>International</h1>${body()}</body></html>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe("the partnerships widget on a university's own site", () => {
  let server: TestServer;
  let site: { origin: string; close(): Promise<void> };
  let browser: Browser;
  let page: Page;
  let call: Call;
  let facts: EnteredFacts;
  const refusals: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    call = await adminCall(server.url);
    facts = await enterPublicFacts(call);
    site = await startUniversitySite(() => server.url);
    browser = await launchChromium();
    page = await browser.newPage();
    page.on("console", (m) => {
      if (m.text().includes("frame-ancestors")) refusals.push(m.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await server?.stop();
  });

  const embedOrigins = (origins: string[]) => call("PATCH", "/api/admin/site-settings", { embedOrigins: origins });

  /** The frame Conventio's widget is in, once it has navigated. */
  async function widgetFrame() {
    await page.locator("iframe").waitFor();
    const handle = await page.locator("iframe").elementHandle();
    const frame = await handle?.contentFrame();
    if (!frame) throw new Error("The page has no frame");
    await frame.waitForLoadState();
    return frame;
  }

  it("sends frame-ancestors naming the listed origin and no X-Frame-Options on the widgets", async () => {
    await embedOrigins([site.origin, "https://www.univ-lille.fr"]);
    for (const path of ["/embed/en/map", "/embed/fr/partnerships", "/embed/sv/events"]) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(200);
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp, path).toContain(`frame-ancestors 'self' ${site.origin} https://www.univ-lille.fr`);
      expect(res.headers.get("x-frame-options"), path).toBeNull();
    }
    // The site's own pages keep refusing other sites' frames.
    const own = await fetch(`${server.url}/en/partnerships`);
    expect(own.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(own.headers.get("content-security-policy")).toMatch(/frame-ancestors 'self'(;|$)/);
  });

  it("shows the partnerships of the snippet's theme in the frame when the origin is listed", async () => {
    await embedOrigins([site.origin]);
    await page.goto(`${site.origin}/frame.html`);
    const frame = await widgetFrame();
    await frame.getByRole("link", { name: MOU.title.en }).waitFor();
    const titles = await frame.locator("main ul.results > li h2").allTextContents();
    expect(titles).toEqual([MOU.title.en]);
    // Not the Linköping collaboration, which has no robotics theme.
    expect(await frame.locator("main").textContent()).not.toContain(LINKOPING.chain[2].title.en);
    // Links open the public site in a new tab, not inside the university's page.
    expect(await frame.getByRole("link", { name: MOU.title.en }).getAttribute("target")).toBe("_blank");
    expect(refusals).toEqual([]);
  });

  it("inserts the frame from the script snippet, with its theme and country", async () => {
    await embedOrigins([site.origin]);
    await page.goto(`${site.origin}/script.html`);
    const src = await page.locator("iframe").getAttribute("src");
    const url = new URL(src ?? "");
    expect(url.origin).toBe(server.url);
    expect(url.pathname).toBe("/embed/en/partnerships");
    expect(Object.fromEntries(url.searchParams)).toEqual({ theme: "robotics", country: "JP" });
    expect(await page.locator("iframe").getAttribute("title")).toBe("Our partnerships");
    const frame = await widgetFrame();
    await frame.getByRole("link", { name: MOU.title.en }).waitFor();
    expect(await frame.locator("main ul.results > li h2").allTextContents()).toEqual([MOU.title.en]);
    expect(refusals).toEqual([]);
  });

  it("is refused by the browser when the origin is not listed", async () => {
    await embedOrigins(["https://www.univ-lille.fr"]);
    for (const path of ["/frame.html", "/script.html"]) {
      refusals.length = 0;
      await page.goto(`${site.origin}${path}`);
      const frame = await widgetFrame();
      // Chromium puts its error page in place of the refused document.
      await expect.poll(() => frame.url(), { timeout: 10_000 }).toMatch(/^chrome-error:/);
      const text = await frame.evaluate(() => document.body?.textContent ?? "").catch(() => "");
      expect(text, path).not.toContain(MOU.title.en);
      expect(refusals.join("\n"), path).toContain("frame-ancestors");
    }
    // An ordinary public page is not a widget: even a listed origin cannot frame it.
    await embedOrigins([site.origin]);
    refusals.length = 0;
    await page.goto(`${site.origin}/page.html`);
    const frame = await widgetFrame();
    await expect.poll(() => frame.url(), { timeout: 10_000 }).toMatch(/^chrome-error:/);
  });

  it("keeps the widgets' choice of facts: a partnership's page opens on the public site", async () => {
    const res = await fetch(`${server.url}/embed/en/partnerships`);
    const html = await res.text();
    expect(html).toContain(`href="/en/partnerships/${facts.mou}"`);
    expect(html).toContain('data-embed="true"');
    expect(html).toContain('<meta name="robots" content="noindex"/>');
  });
});
