import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32, deflateSync } from "node:zlib";
import { EventInput } from "@conventio/domain";
import { SYSTEM_ACTOR } from "@conventio/server";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./support/axe.js";
import { type Browser, openBrowser, screenshot } from "./support/browser.js";
import { startTestServer, type TestServer } from "./support/server.js";
import { signIn } from "./support/session.js";

/** A 600×400 grey gradient PNG, written to a temporary folder as a photo would be chosen. */
function writeGradientPng(name: string): string {
  const [width, height] = [600, 400];
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
  header[8] = 8; // 8-bit grey
  const rows = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) rows[y * (width + 1) + 1 + x] = (x + y) % 256;
  const png = Buffer.concat([
    Buffer.from("89504e470d0a1a0a", "hex"),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
  const path = join(mkdtempSync(join(tmpdir(), "conventio-picture-")), name);
  writeFileSync(path, png);
  return path;
}

describe("pictures of an event", () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let eventId: string;

  beforeAll(async () => {
    server = await startTestServer();
    const event = await server.running.services.events.saveEvent(
      SYSTEM_ACTOR,
      null,
      EventInput.parse({ title: "Signing of the exchange agreement", startsAt: "2026-09-15T10:00:00+02:00" }),
    );
    eventId = event.id;
    browser = await openBrowser();
    page = await browser.newPage();
    await signIn(page, server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("uploads a picture, refuses to publish it without a text alternative, then publishes it described", async () => {
    await page.goto(`${server.url}/events/${eventId}`);
    const panel = page.getByRole("region", { name: "Pictures" });
    await panel.getByText("No picture yet.").waitFor();

    // The file input is a button a keyboard reaches and opens.
    const chooser = panel.getByRole("button", { name: /^Picture/ });
    await chooser.focus();
    expect(await chooser.evaluate((el) => el === document.activeElement)).toBe(true);
    await panel.locator('input[type="file"]').setInputFiles(writeGradientPng("signing-table.png"));
    await panel.getByRole("button", { name: "Upload" }).click();
    await panel.getByText("Picture added. Describe it before making it public.").waitFor();
    const thumbnail = panel.getByRole("listitem").locator("img");
    expect(await thumbnail.getAttribute("width")).toBe("320");
    expect(await thumbnail.getAttribute("height")).toBe("213");
    await panel.getByText("Staff only").waitFor();

    await panel.getByRole("button", { name: "Describe" }).click();
    const dialog = page.getByRole("dialog", { name: "Describe the picture" });
    await dialog.getByLabel("Show on public pages").check();
    await dialog.getByRole("button", { name: "Save" }).click();
    const altEnglish = dialog.getByLabel("Text alternative (English)");
    await dialog.getByText("Describe the picture in a text alternative before making it public.").waitFor();
    expect(await altEnglish.getAttribute("aria-invalid")).toBe("true");
    expect(await altEnglish.evaluate((el) => el === document.activeElement)).toBe(true);

    await altEnglish.fill("The two rectors shake hands over the signed agreement.");
    await dialog.getByLabel("Caption (English)").fill("The agreement is signed.");
    await dialog.getByLabel("Caption (French)").fill("L'accord est signé.");
    await dialog.getByLabel("Credit").fill("Photo: Université de Lille / communication office");
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.waitFor({ state: "detached" });
    await panel.getByText("On public pages").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "pictures-staff");
  });

  it("shows the public the picture with its text alternative", async () => {
    await browser.context.clearCookies();
    const visitor = await browser.newPage();
    // The staff app's address of the event leads a visitor to its public page.
    await visitor.goto(`${server.url}/events/${eventId}`);
    expect(new URL(visitor.url()).pathname).toBe(`/en/events/${eventId}`);
    const image = visitor.locator("main figure img");
    await image.waitFor();
    expect(await image.getAttribute("alt")).toBe("The two rectors shake hands over the signed agreement.");
    expect(await image.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    expect(await seriousViolations(visitor)).toEqual([]);
    await screenshot(visitor, "pictures-public");
    await visitor.close();
  });

  // The page's own picture is its main content: loaded at once, not lazily.
  it("shows the public a figure with its caption and credit, sized by the browser", async () => {
    const visitor = await browser.newPage();
    try {
      await visitor.goto(`${server.url}/en/events/${eventId}`);
      const figure = visitor.locator("main figure");
      await figure.locator("figcaption").getByText("The agreement is signed.").waitFor({ timeout: 3_000 });
      const image = figure.locator("img");
      expect(await image.getAttribute("srcset")).toMatch(/\/thumb 320w, .*\/display 600w$/);
      expect(await figure.locator("figcaption").textContent()).toContain("Photo: Université de Lille");
    } finally {
      await visitor.close();
    }
  });
});
