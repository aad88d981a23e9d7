import { iscedName } from "@conventio/domain";
import {
  type EnteredFacts,
  enterPublicFacts,
  LANGS,
  type Lang,
  LINKOPING,
  MOU,
} from "@conventio/server/test/public-facts";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./support/axe.js";
import { type Browser, openBrowser } from "./support/browser.js";
import { ADMIN, startTestServer, type TestServer } from "./support/server.js";

const SWITCHER: Record<Lang, string> = { en: "Language", fr: "Langue", sv: "Språk" };

/** Signs in over HTTP and returns a call that sends the session cookie and CSRF token, as the web app does. */
async function editorCall(baseUrl: string) {
  const res = await fetch(`${baseUrl}/api/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: ADMIN.email, password: ADMIN.password }),
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return async (method: string, url: string, body?: unknown) => {
    const r = await fetch(`${baseUrl}${url}`, {
      method,
      headers: {
        cookie,
        "x-csrf-token": csrfToken,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (r.status >= 400) throw new Error(`${method} ${url}: ${r.status} ${await r.text()}`);
    return r.json();
  };
}

/** The page's visible text with runs of white space made single, as a reader sees it. */
async function visibleText(page: Page): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: innerText is the text as laid out for a reader, line breaks included.
  return (await page.locator("main").innerText()).replace(/\s+/g, " ");
}

for (const engine of ["sqlite", "postgres"] as const) {
  describe(`public partnership pages read in Chromium, on ${engine}`, () => {
    let server: TestServer;
    let browser: Browser;
    let page: Page;
    let facts: EnteredFacts;
    let current: Lang = "en";

    beforeAll(async () => {
      server = await startTestServer({ engine });
      facts = await enterPublicFacts(await editorCall(server.url));
      browser = await openBrowser();
      page = await browser.newPage();
    });

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    /** Switches the interface language with the switcher, as a reader would. */
    async function readIn(lang: Lang, path: string) {
      await page.goto(`${server.url}${path}`);
      await page.getByLabel(SWITCHER[current]).waitFor();
      if (lang !== current) {
        await page.getByLabel(SWITCHER[current]).selectOption(lang);
        current = lang;
      }
    }

    it.each(LANGS)("shows the memorandum of understanding with every fact, in %s", async (lang) => {
      await readIn(lang, `/partnerships/${facts.mou}`);
      const heading = page.getByRole("heading", { level: 1, name: MOU.title[lang] });
      await heading.waitFor();
      expect(await page.locator("html").getAttribute("lang")).toBe(lang);
      const text = await visibleText(page);
      for (const expected of [
        MOU.summary[lang],
        MOU.place,
        ...MOU.signatories.flatMap((s) => [s.name, s.title[lang]]),
        ...MOU.domains.map((d) => d[lang]),
        ...MOU.fields.map((code) => iscedName(code, lang)),
        ...MOU.objectives,
        MOU.commitments.lorraine,
        MOU.commitments.kyutech,
        MOU.commitments.all,
        "Université de Lorraine",
        "Kyushu Institute of Technology",
      ]) {
        expect(text, `"${expected}" on the ${lang} page`).toContain(expected);
      }
      expect(await seriousViolations(page)).toEqual([]);
    });

    it.each(LANGS)("shows the collaboration since 2002 with its group, meetings and events, in %s", async (lang) => {
      const L = LINKOPING;
      await readIn(lang, `/partnerships/${facts.chain[2]}`);
      await page.getByRole("heading", { level: 1, name: L.chain[2].title[lang] }).waitFor();
      const text = await visibleText(page);
      const university = lang === "en" ? L.university.name : L.university[lang];
      const municipality = lang === "sv" ? L.municipality.name : L.municipality[lang];
      for (const expected of [
        university,
        municipality,
        L.signatory.name,
        L.signatory.title[lang],
        ...L.chain.map((c) => c.title[lang]),
        "2002",
        ...L.areas.map((a) => a.title),
        L.areas[0].open.name,
        L.areas[0].open.email,
        L.areas[0].closed.name,
        L.group,
        L.studentRep.name,
        L.studentRep.role,
        "LinTek",
        "StuFF",
        L.meeting.place,
        L.meeting.decision,
        L.event.title,
        L.funded.title,
        L.funded.funder,
        L.funded.programme,
      ]) {
        expect(text, `"${expected}" on the ${lang} page`).toContain(expected);
      }
      expect(text).not.toContain(L.areas[0].closed.email);
      expect(text).not.toContain(L.internalMeeting.decision);
      // The meeting known only to its month is shown as written, in the reader's language.
      const june2017 = new Intl.DateTimeFormat(lang, { month: "long", year: "numeric", timeZone: "UTC" }).format(
        new Date("2017-06-01T00:00:00Z"),
      );
      expect(text).toContain(june2017);
      expect(await seriousViolations(page)).toEqual([]);
    });

    it.each(LANGS)("names a partner in the reader's language on its public page, in %s", async (lang) => {
      const L = LINKOPING;
      const name = lang === "en" ? L.university.name : L.university[lang];
      await readIn(lang, `/partners/${facts.liu}`);
      await page.getByRole("heading", { level: 1, name }).waitFor();
      const link = page.getByRole("link", { name: L.chain[0].title[lang] });
      await link.waitFor();
      expect(await visibleText(page)).toContain(L.chain[0].title[lang]);
    });

    it("shows the event's contact and registration on its public page", async () => {
      await readIn("en", `/events/${facts.eventId}`);
      await page.getByRole("heading", { level: 1, name: LINKOPING.event.title }).waitFor();
      const text = await visibleText(page);
      for (const expected of [LINKOPING.event.contactEmail, LINKOPING.event.contactPhone, "www.liu.example"]) {
        expect(text).toContain(expected);
      }
    });
  });
}
