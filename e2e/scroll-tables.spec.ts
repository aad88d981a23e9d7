import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./support/axe.js";
import { type Browser, openBrowser } from "./support/browser.js";
import { startTestServer, type TestServer } from "./support/server.js";
import { signIn } from "./support/session.js";
import { seedStaffRecords } from "./support/staff-records.js";

/**
 * Tables wider than the screen scroll sideways inside their frame, not the page. While a table
 * overflows, its frame is a named region the keyboard reaches with Tab and scrolls with the
 * arrow keys (WCAG 2.1.1); a table that fits adds no tab stop.
 */
describe("wide tables on a narrow screen", () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    await seedStaffRecords(server);
    browser = await openBrowser();
    page = await browser.newPage();
    await signIn(page, server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const frame = () => page.locator(".scroll-table").first();
  const firstRow = (p: Page) => p.locator(".scroll-table tbody tr").first().waitFor();

  const pages: ReadonlyArray<[name: string, path: string, region: string]> = [
    ["agreements", "/agreements", "Agreements"],
    ["organisations", "/organisations", "Organisations"],
    ["people", "/people", "People"],
    ["audit", "/admin/audit", "Audit log"],
  ];

  /** Presses Tab from the top of the page until the focus lands in `target`, or gives up. */
  async function tabTo(target: Locator): Promise<boolean> {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press("Tab");
      if (await target.evaluate((el) => el === document.activeElement)) return true;
    }
    return false;
  }

  it.each(pages)(
    "lets Tab reach the %s table's frame at 320 px, named, and ArrowRight scroll it",
    async (_name, path, region) => {
      await page.setViewportSize({ width: 320, height: 800 });
      await page.goto(`${server.url}${path}`);
      await firstRow(page);
      const named = page.getByRole("region", { name: region, exact: true });
      await named.waitFor();
      expect(await named.evaluate((el) => el.classList.contains("scroll-table"))).toBe(true);
      expect(await named.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
      expect(await named.getAttribute("tabindex")).toBe("0");

      expect(await tabTo(named)).toBe(true);
      // The focus ring shows on the frame, as on any other control reached by keyboard.
      expect(await named.evaluate((el) => el.matches(":focus-visible") && getComputedStyle(el).outlineStyle)).toBe(
        "solid",
      );
      expect(await named.evaluate((el) => el.scrollLeft)).toBe(0);
      for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
      await expect.poll(() => named.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);

      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      const violations = await seriousViolations(page);
      expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    },
  );

  it("makes every frame that overflows at 320 px a named tab stop", async () => {
    await page.setViewportSize({ width: 320, height: 800 });
    for (const [, path] of pages) {
      await page.goto(`${server.url}${path}`);
      await firstRow(page);
      await page.waitForFunction(() =>
        Array.from(document.querySelectorAll<HTMLElement>(".scroll-table")).every(
          (el) => el.scrollWidth <= el.clientWidth + 1 || el.getAttribute("role") === "region",
        ),
      );
      const frames = await page.locator(".scroll-table").evaluateAll((els) =>
        els.map((el) => ({
          overflows: el.scrollWidth > el.clientWidth + 1,
          tabIndex: el.getAttribute("tabindex"),
          named: Boolean(el.getAttribute("aria-label") || el.getAttribute("aria-labelledby")),
        })),
      );
      expect(frames.length, path).toBeGreaterThan(0);
      for (const f of frames.filter((f) => f.overflows)) expect(f, path).toMatchObject({ tabIndex: "0", named: true });
    }
  });

  it("adds no tab stop for a table that fits at 1280 px", async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.url}/people`);
    await firstRow(page);
    // The frame stops overflowing once the page is wide; it then is neither a region nor a tab stop.
    await page.waitForFunction(() => document.querySelector(".scroll-table")?.getAttribute("role") === null);
    expect(await frame().evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    expect(await frame().getAttribute("tabindex")).toBeNull();
    expect(await page.getByRole("region", { name: "People", exact: true }).count()).toBe(0);
    expect(await tabTo(frame())).toBe(false);
    const violations = await seriousViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
  });

  it("turns the frame into a tab stop when the window narrows, and back when it widens", async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.url}/organisations`);
    await firstRow(page);
    expect(await frame().getAttribute("tabindex")).toBeNull();
    await page.setViewportSize({ width: 320, height: 800 });
    await page.getByRole("region", { name: "Organisations", exact: true }).waitFor();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.waitForFunction(() => document.querySelector(".scroll-table")?.getAttribute("tabindex") === null);
  });
});
