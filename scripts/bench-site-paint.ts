/**
 * Largest contentful paint of public pages in Debian's Chromium, as the browser journeys launch
 * it: each load in a fresh browser context (no cache, no cookies), the paint read from a
 * PerformanceObserver with buffered entries once the page has loaded. Also records the time to
 * the first byte and the first contentful paint the browser saw, every script it fetched and
 * the scripts the page names.
 */
import { chromium } from "playwright-core";

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

/**
 * The flags of the browser journeys. Playwright adds --headless and gives the browser a fresh
 * --user-data-dir of its own, removed when the browser closes.
 */
const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface PaintSample {
  lcp: number | null;
  /** The element the largest paint was, e.g. "h1" or "img". */
  element: string | null;
  ttfb: number;
  fcp: number | null;
  /** Scripts the browser fetched, and those the page names (script sources and module preloads). */
  scripts: string[];
  named: string[];
}

export interface PaintFigures {
  samples: PaintSample[];
  /** The median over the loads that reported a largest paint, and how many did. */
  lcp: number;
  withPaint: number;
  ttfb: number;
  fcp: number;
  element: string;
  scripts: string[];
  named: string[];
}

/**
 * Runs in the page (as source text: the scripts are typechecked for Node, not the DOM). Two
 * frames after load every paint so far has its entry, which the buffered observer hands over.
 */
const READ_PAINT = `new Promise((resolve) => {
  const entries = [];
  const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
  observer.observe({ type: "largest-contentful-paint", buffered: true });
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => {
    observer.takeRecords().forEach((e) => entries.push(e));
    observer.disconnect();
    const last = entries[entries.length - 1];
    const nav = performance.getEntriesByType("navigation")[0];
    const fcp = performance.getEntriesByName("first-contentful-paint")[0];
    resolve({
      lcp: last ? last.startTime : null,
      element: last && last.element ? last.element.tagName.toLowerCase() : null,
      ttfb: nav ? nav.responseStart : 0,
      fcp: fcp ? fcp.startTime : null,
      scripts: performance.getEntriesByType("resource")
        .filter((r) => new URL(r.name).pathname.endsWith(".js"))
        .map((r) => new URL(r.name).pathname),
      named: [...document.querySelectorAll("script[src], link[rel~=modulepreload][href]")]
        .map((el) => new URL(el.src || el.href).pathname),
    });
  }, 50)));
})`;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

/** Loads each page `loads` times, each in a fresh context, and returns the medians per page. */
export async function measurePaint(
  pages: ReadonlyArray<{ label: string; url: string }>,
  loads: number,
): Promise<Map<string, PaintFigures>> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  const figures = new Map<string, PaintFigures>();
  const load = async (url: string): Promise<PaintSample> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-GB" });
    try {
      const page = await context.newPage();
      const response = await page.goto(url, { waitUntil: "load" });
      if (response?.status() !== 200) throw new Error(`${url}: ${response?.status()}`);
      return (await page.evaluate(READ_PAINT)) as PaintSample;
    } finally {
      await context.close();
    }
  };
  try {
    // One load that is not counted: the browser's first navigation also starts its processes.
    if (pages[0]) await load(pages[0].url);
    for (const { label, url } of pages) {
      const samples: PaintSample[] = [];
      for (let i = 0; i < loads; i++) samples.push(await load(url));
      const lcps = samples.flatMap((s) => (s.lcp === null ? [] : [s.lcp]));
      const elements = samples.map((s) => s.element ?? "none");
      figures.set(label, {
        samples,
        lcp: median(lcps),
        withPaint: lcps.length,
        ttfb: median(samples.map((s) => s.ttfb)),
        fcp: median(samples.flatMap((s) => (s.fcp === null ? [] : [s.fcp]))),
        element: [...new Set(elements)].join(", "),
        scripts: [...new Set(samples.flatMap((s) => s.scripts))].sort(),
        named: [...new Set(samples.flatMap((s) => s.named))].sort(),
      });
    }
  } finally {
    await browser.close();
  }
  return figures;
}
