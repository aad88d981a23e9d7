import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32, deflateSync } from "node:zlib";
import { SYSTEM_ACTOR } from "@conventio/server";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./support/axe.js";
import { type Browser, openBrowser, screenshot } from "./support/browser.js";
import { startTestServer, type TestServer } from "./support/server.js";
import { signIn } from "./support/session.js";

/** A small blue PNG, written by hand so the journey needs no image library. */
function writeLogoPng(name: string): string {
  const [width, height] = [120, 40];
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // 8 bits a channel
  header[9] = 2; // RGB
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) rows.set([0x1c, 0x4e, 0x80], y * (width * 3 + 1) + 1 + x * 3);
  }
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
  const path = join(mkdtempSync(join(tmpdir(), "conventio-logo-")), name);
  writeFileSync(path, png);
  return path;
}

/** Colours are judged once transitions and dialogs have settled. */
async function settled(page: Page): Promise<void> {
  // An animation cut short by the next one rejects its promise: only its end matters here.
  await page.evaluate(() => Promise.allSettled(document.getAnimations().map((a) => a.finished)));
}

describe("an administrator presenting the institution on the public side", () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    await server.running.services.themes.addTheme(SYSTEM_ACTOR, "Robotics", [
      { lang: "fr", value: "Robotique" },
      { lang: "sv", value: "Robotik" },
    ]);
    browser = await openBrowser();
    page = await browser.newPage();
    await signIn(page, server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("names the institution and lists the site allowed to embed its widgets", async () => {
    await page.getByRole("link", { name: "Admin" }).click();
    await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Public site" }).click();
    await page.getByRole("heading", { level: 1, name: "Public site" }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    const name = page.getByRole("textbox", { name: "Institution's name" });
    await name.fill("Université de Lille");
    await page.getByRole("textbox", { name: "Sites allowed to embed the widgets" }).fill("https://www.univ-lille.fr/");
    await name.press("Enter");
    await page.getByText("The settings are saved.").waitFor();
    // The origin as browsers name it: no trailing slash.
    expect(await page.getByRole("textbox", { name: "Sites allowed to embed the widgets" }).inputValue()).toBe(
      "https://www.univ-lille.fr",
    );

    const site = await (await fetch(`${server.url}/api/public/site`)).json();
    expect(site.institutionName).toBe("Université de Lille");
    expect(site.embedOrigins).toEqual(["https://www.univ-lille.fr"]);
  });

  it("refuses an origin with a path on its line, and keeps the focus there", async () => {
    const origins = page.getByRole("textbox", { name: "Sites allowed to embed the widgets" });
    await origins.fill("https://www.univ-lille.fr\nhttps://intranet.univ-lille.fr/partners");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Line 2: An origin such as https://www.univ-lille.fr, without a path").waitFor();
    expect(await origins.evaluate((el) => el === document.activeElement)).toBe(true);
    const site = await (await fetch(`${server.url}/api/public/site`)).json();
    expect(site.embedOrigins).toEqual(["https://www.univ-lille.fr"]);
    await origins.fill("https://www.univ-lille.fr");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("The settings are saved.").waitFor();
  });

  it("uploads a logo, previewed first, then served at its public address", async () => {
    const section = page.getByRole("region", { name: "Logo" });
    await section.getByText("No logo yet.").waitFor();
    await section.locator('input[type="file"]').setInputFiles(writeLogoPng("logo.png"));
    await section.getByRole("img", { name: "Preview of the chosen logo" }).waitFor();
    await section.getByRole("button", { name: "Upload the logo" }).click();
    await section.getByText("The new logo is in place.").waitFor();
    const logo = section.getByRole("img", { name: "Logo of Université de Lille" });
    await logo.waitFor();
    await page.waitForFunction(
      () => (document.querySelector('img[alt="Logo of Université de Lille"]') as HTMLImageElement | null)?.naturalWidth,
    );
    const src = await logo.getAttribute("src");
    expect(src).toMatch(/^\/api\/public\/site\/logo\?v=[0-9a-f]{16}$/);
    const served = await fetch(`${server.url}${src}`);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await served.arrayBuffer()).length).toBeGreaterThan(0);
    await settled(page);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("builds the snippets of the partnerships list filtered by a theme, in French", async () => {
    const embed = page.getByRole("region", { name: "Embed on your site" });
    await embed.getByText("Only the sites listed under").waitFor();
    await embed.getByText("https://www.univ-lille.fr").first().waitFor();
    expect(await embed.getByRole("textbox", { name: "Widget" }).inputValue()).toBe("Partnerships list");

    await embed.getByRole("textbox", { name: "Language" }).click();
    await page.getByRole("option", { name: "French", exact: true }).click();
    const theme = embed.getByRole("textbox", { name: "Theme" });
    await theme.click();
    await theme.fill("Robo");
    await page.getByRole("option", { name: "Robotics", exact: true }).click();

    const iframe = (await embed.getByTestId("embed-iframe").textContent()) ?? "";
    expect(iframe).toBe(
      `<iframe src="${server.url}/embed/fr/partnerships?theme=robotics" title="Partenariats de Université de Lille" loading="lazy" style="width:100%;border:0;min-height:480px"></iframe>`,
    );
    const script = (await embed.getByTestId("embed-script").textContent()) ?? "";
    expect(script).toBe(
      `<script src="${server.url}/embed.js" data-widget="partnerships" data-lang="fr" data-theme="robotics" data-title="Partenariats de Université de Lille" async></script>`,
    );
    await embed.getByRole("button", { name: "Copy the frame" }).focus();
    await settled(page);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "admin-site");

    // The map takes no filters.
    await embed.getByRole("textbox", { name: "Widget" }).click();
    await page.getByRole("option", { name: "Partner map", exact: true }).click();
    expect(await embed.getByTestId("embed-iframe").textContent()).toContain(`src="${server.url}/embed/fr/map"`);
    expect(await embed.getByRole("textbox", { name: "Theme" }).count()).toBe(0);
  });
});
