import { iscedName } from "@conventio/domain";
import {
  type EnteredFacts,
  enterPublicFacts,
  LANGS,
  type Lang,
  LINKOPING,
  MOU,
} from "@conventio/server/test/public-facts";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./support/axe.js";
import { ADMIN, startTestServer, type TestServer } from "./support/server.js";
import {
  adminCall,
  dateAsWritten,
  enterNews,
  eventTime,
  flat,
  launchChromium,
  NEWS,
  periodOf,
  say,
} from "./support/site.js";

/**
 * Every fact entered for the two partnerships of public-facts.ts, read back from the pages the
 * server renders, with JavaScript off: what a search engine, a link preview and a reader without
 * scripts get. Dates, periods and times are written as the page writes them, in each language.
 */

const textOf = async (l: Locator) => flat((await l.textContent()) ?? "");

/** The main content's text as a reader sees it, runs of white space made single. */
async function mainText(page: Page): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: innerText is the text as laid out for a reader.
  return flat(await page.locator("main").innerText());
}

function expectAll(text: string, expected: string[], where: string) {
  for (const e of expected) expect(text, `"${e}" on ${where}`).toContain(flat(e));
}

const L = LINKOPING;
const university = (lang: Lang) => (lang === "en" ? L.university.name : L.university[lang]);
const municipality = (lang: Lang) => (lang === "sv" ? L.municipality.name : L.municipality[lang]);

for (const engine of ["sqlite", "postgres"] as const) {
  describe(`public pages read without JavaScript, on ${engine}`, () => {
    let server: TestServer;
    let browser: Browser;
    let page: Page;
    let facts: EnteredFacts;
    let newsId: string;

    beforeAll(async () => {
      server = await startTestServer({ engine });
      const call = await adminCall(server.url);
      facts = await enterPublicFacts(call);
      newsId = await enterNews(call, facts.chain[2]);
      browser = await launchChromium();
      const context = await browser.newContext({ javaScriptEnabled: false, locale: "en-GB" });
      context.setDefaultTimeout(15_000);
      page = await context.newPage();
    });

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    async function open(path: string, title: string) {
      const res = await page.goto(`${server.url}${path}`);
      expect(res?.status(), path).toBe(200);
      await page.getByRole("heading", { level: 1, name: title, exact: true }).waitFor();
    }

    it.each(LANGS)("shows the memorandum of understanding with every fact, in %s", async (lang) => {
      await open(`/${lang}/partnerships/${facts.mou}`, MOU.title[lang]);
      expect(await page.locator("html").getAttribute("lang")).toBe(lang);
      const text = await mainText(page);
      const signed = dateAsWritten(lang, MOU.signedOn);
      expectAll(
        text,
        [
          MOU.summary[lang],
          say(lang, "site.phase.current"),
          say(lang, "agreementKinds.memorandum_of_understanding"),
          periodOf(lang, MOU.signedOn, "2027-10-17"),
          say(lang, "portal.signedOn", { date: signed }),
          "Université de Lorraine",
          "Kyushu Institute of Technology",
          ...MOU.signatories.flatMap((s) => [s.name, s.title[lang]]),
          say(lang, "portal.signedOnAt", { date: signed, place: MOU.place }),
          ...MOU.domains.map((d) => d[lang]),
          ...MOU.fields.map((code) => iscedName(code, lang)),
          ...MOU.objectives,
          `${MOU.commitments.lorraine} · ${say(lang, "commitmentKinds.student_exchange")} · ${say(lang, "levels.master")}`,
          `${MOU.commitments.kyutech} · ${say(lang, "commitmentKinds.joint_project")} · ${say(lang, "levels.doctorate")}`,
          `${say(lang, "portal.commitmentsOf")} Université de Lorraine`,
          say(lang, "portal.commitmentsAll"),
          MOU.commitments.all,
        ],
        `the memorandum in ${lang}`,
      );
      // The parties have public pages: each is a link to it.
      const lorraine = page.locator("main").getByRole("link", { name: "Université de Lorraine" }).first();
      expect(await lorraine.getAttribute("href")).toBe(`/${lang}/partners/${facts.lorraine}`);
    });

    it.each(LANGS)("shows the collaboration since 2002 with its group, meetings and events, in %s", async (lang) => {
      await open(`/${lang}/partnerships/${facts.chain[2]}`, L.chain[2].title[lang]);
      const text = await mainText(page);
      const [area] = L.areas;
      expectAll(
        text,
        [
          university(lang),
          municipality(lang),
          periodOf(lang, "2018-02-05", null),
          L.signatory.name,
          L.signatory.title[lang],
          say(lang, "portal.signedOnAt", { date: dateAsWritten(lang, "2018-02-05"), place: L.signatory.place }),
          ...L.chain.map((c) => c.title[lang]),
          // The agreements before this one, their periods as written: the years, then the months.
          periodOf(lang, "2002", "2009"),
          periodOf(lang, "2010-01", "2017-12"),
          ...L.areas.map((a) => a.title),
          say(lang, "axisKinds.area"),
          area.open.name,
          area.open.email,
          area.open.phone,
          area.closed.name,
          L.group,
          say(lang, "bodyKinds.working_group"),
          L.studentRep.name,
          L.studentRep.role,
          say(lang, "portal.studentRepresentative"),
          "LinTek",
          "StuFF",
          `${dateAsWritten(lang, L.meeting.heldOn)} · ${L.meeting.place}`,
          L.meeting.decision,
          L.event.title,
          `${eventTime(lang, L.event.startsAt, L.event.endsAt, "Europe/Stockholm")} · Campus Valla, Linköping`,
          NEWS.title.sv,
          L.funded.title,
          `${say(lang, "activityKinds.territorial_project")} · ${periodOf(lang, L.funded.startsOn, L.funded.endsOn)}`,
          [
            say(lang, "portal.fundedBy", { funder: L.funded.funder }),
            L.funded.programme,
            new Intl.NumberFormat(lang, { style: "currency", currency: L.funded.currency }).format(L.funded.amount),
            periodOf(lang, L.funded.startsOn, L.funded.endsOn),
          ].join(" · "),
          L.bid.title,
        ],
        `the collaboration in ${lang}`,
      );
      // Named without consent to be reached; internal meetings and bids are not money obtained.
      expect(text).not.toContain(area.closed.email);
      expect(text).not.toContain(L.internalMeeting.decision);
      expect(text).not.toContain("Internal minutes");
      expect(text).not.toContain(say(lang, "portal.fundedBy", { funder: L.bid.funder }));
      // The earlier agreements ended; this one is current.
      const line = (title: string) => page.locator("main li").filter({ hasText: title }).last();
      expect(await textOf(line(L.chain[0].title[lang]))).toContain(say(lang, "site.phase.ended"));
      expect(await textOf(line(L.chain[1].title[lang]))).toContain(say(lang, "site.phase.ended"));
      const lead = await textOf(page.locator("main .lead").first());
      expect(lead).toContain(say(lang, "site.phase.current"));
    });

    it.each(LANGS)(
      "names a partner in the reader's language, with its partnerships and their phase, in %s",
      async (lang) => {
        await open(`/${lang}/partners/${facts.liu}`, university(lang));
        const text = await mainText(page);
        const country = new Intl.DisplayNames([lang], { type: "region" }).of("SE") ?? "SE";
        expectAll(
          text,
          [
            `${say(lang, "kinds.university")} · Linköping · ${country}`,
            L.university.sv,
            L.university.fr,
            ...L.chain.map((c) => c.title[lang]),
            say(lang, "site.phase.ended"),
            say(lang, "site.phase.current"),
          ],
          `the partner in ${lang}`,
        );
        const link = page.locator("main").getByRole("link", { name: L.chain[0].title[lang] });
        expect(await link.getAttribute("href")).toBe(`/${lang}/partnerships/${facts.chain[0]}`);
        await open(`/${lang}/partners/${facts.municipality}`, municipality(lang));
        expect(await mainText(page)).toContain(say(lang, "kinds.local_authority"));
      },
    );

    it.each(LANGS)(
      "shows the event at its place's time, with its zone, contact and registration, in %s",
      async (lang) => {
        await open(`/${lang}/events/${facts.eventId}`, L.event.title);
        const text = await mainText(page);
        const audiences = new Intl.ListFormat(lang, { type: "conjunction" }).format(
          L.event.audiences.map((a) => say(lang, `audiences.${a}`)),
        );
        expectAll(
          text,
          [
            eventTime(lang, L.event.startsAt, L.event.endsAt, "Europe/Stockholm"),
            "Campus Valla, Linköping",
            audiences,
            L.chain[2].title.sv,
            eventTime(lang, L.event.registrationDeadline, null, "Europe/Stockholm"),
            say(lang, "events.registerAt", { host: "www.liu.example" }),
            `${L.event.contactName} · ${L.event.contactEmail} · ${L.event.contactPhone}`,
          ],
          `the event in ${lang}`,
        );
        // Read at the event's place, not in UTC (08:00) nor in the server's zone, with the zone named.
        const zone = {
          en: "Central European Summer Time",
          fr: "heure d’été d’Europe centrale",
          sv: "centraleuropeisk sommartid",
        };
        expect(text).toContain(`10:00`);
        expect(text).toContain(`(${zone[lang]})`);
        const register = page
          .locator("main")
          .getByRole("link", { name: say(lang, "events.registerAt", { host: "www.liu.example" }) });
        expect(await register.getAttribute("href")).toBe(L.event.registrationUrl);
      },
    );

    it.each(LANGS)(
      "shows the post in the reader's language, with its date, tags and partnership, in %s",
      async (lang) => {
        await open(`/${lang}/news/${newsId}`, NEWS.title[lang]);
        const text = await mainText(page);
        expectAll(
          text,
          [
            `${dateAsWritten(lang, NEWS.publishedOn)} · ${NEWS.category} · ${ADMIN.name}`,
            NEWS.body[lang],
            ...NEWS.tags,
            say(lang, "news.readIn"),
            ...LANGS.filter((l) => l !== lang).map((l) => NEWS.title[l]),
            say(lang, "news.aboutPartnership"),
          ],
          `the post in ${lang}`,
        );
        // The summary belongs to the original, not to the translations.
        if (lang === "sv") expect(text).toContain(NEWS.summary);
        else expect(text).not.toContain(NEWS.summary);
        const about = page.locator(`main a[href="/${lang}/partnerships/${facts.chain[2]}"]`);
        expect(await about.count()).toBe(1);
      },
    );

    it("says which partnerships ended and which are current in the list", async () => {
      await open("/en/partnerships", say("en", "portal.partnershipsTitle"));
      const item = (title: string) => page.locator("main ul.results > li").filter({ hasText: title });
      expect(await textOf(item(L.chain[0].title.en))).toContain("Ended");
      expect(await textOf(item(L.chain[1].title.en))).toContain("Ended");
      expect(await textOf(item(L.chain[2].title.en))).toContain("Current");
      expect(await textOf(item(MOU.title.en))).toContain("Current");
    });

    it("applies a filter with the Apply button when scripts are off", async () => {
      await open("/en/partnerships", say("en", "portal.partnershipsTitle"));
      await page.getByLabel("Country").selectOption("JP");
      // Without scripts nothing happens until the form is sent.
      expect(new URL(page.url()).searchParams.get("country")).toBeNull();
      await page.getByRole("button", { name: "Apply" }).click();
      await page.waitForURL((url) => url.searchParams.get("country") === "JP");
      const titles = await page.locator("main ul.results > li h2").allInnerTexts();
      expect(titles.map(flat)).toEqual([MOU.title.en]);
    });
  });
}

describe("public pages with JavaScript: islands hydrate cleanly, filters apply at once, accessible at 1280 and 320 px", () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let facts: EnteredFacts;
  let newsId: string;
  const errors: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    const call = await adminCall(server.url);
    facts = await enterPublicFacts(call);
    newsId = await enterNews(call, facts.chain[2]);
    browser = await launchChromium();
    const context = await browser.newContext({ locale: "en-GB", viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(`${page.url()}: ${m.text()}`);
    });
    page.on("pageerror", (e) => errors.push(`${page.url()}: ${e.message}`));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Every page of the site, by a name for the messages, in a language. */
  const pages = (lang: Lang) => ({
    home: `/${lang}/`,
    partnerships: `/${lang}/partnerships`,
    partnership: `/${lang}/partnerships/${facts.chain[2]}`,
    memorandum: `/${lang}/partnerships/${facts.mou}`,
    partners: `/${lang}/partners`,
    partner: `/${lang}/partners/${facts.liu}`,
    events: `/${lang}/events?when=past`,
    event: `/${lang}/events/${facts.eventId}`,
    news: `/${lang}/news`,
    post: `/${lang}/news/${newsId}`,
    map: `/${lang}/map`,
    "open data": `/${lang}/open-data`,
    "not found": `/${lang}/nowhere`,
  });

  it.each(LANGS)("loads every page with no console error and no page error, in %s", async (lang) => {
    for (const [name, path] of Object.entries(pages(lang))) {
      errors.length = 0;
      const res = await page.goto(`${server.url}${path}`);
      expect(res?.status(), name).toBe(name === "not found" ? 404 : 200);
      await page.waitForLoadState("networkidle");
      // Chromium reports the 404 status of the document itself; anything else is the page's fault.
      const own = errors.filter((e) => !(name === "not found" && e.endsWith("status of 404 (Not Found)")));
      // The islands hydrated without React saying anything (that they answer a change is checked below).
      expect(own, `${name} in ${lang}`).toEqual([]);
    }
  });

  it("applies a changed country at once, without the Apply button", async () => {
    errors.length = 0;
    await page.goto(`${server.url}/en/partnerships`);
    await page.waitForLoadState("networkidle");
    await page.getByLabel("Country").selectOption("JP");
    await page.waitForURL((url) => url.searchParams.get("country") === "JP");
    await page.getByRole("heading", { level: 1 }).waitFor();
    const titles = await page.locator("main ul.results > li h2").allInnerTexts();
    expect(titles.map(flat)).toEqual([MOU.title.en]);
    expect(await page.getByLabel("Country").inputValue()).toBe("JP");
    expect(errors).toEqual([]);
  });

  it("has no serious accessibility violation and never scrolls sideways, at 1280 and 320 px, in three languages", async () => {
    const failures: string[] = [];
    for (const lang of LANGS) {
      for (const [name, path] of Object.entries(pages(lang))) {
        await page.setViewportSize({ width: 1280, height: 900 });
        await page.goto(`${server.url}${path}`, { waitUntil: "load" });
        for (const width of [1280, 320]) {
          await page.setViewportSize({ width, height: 900 });
          const violations = await seriousViolations(page);
          if (violations.length > 0) failures.push(`${name} (${lang}, ${width} px): ${JSON.stringify(violations)}`);
        }
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        if (scrollWidth > 320) failures.push(`${name} (${lang}) is ${scrollWidth} px wide at 320 px`);
      }
    }
    expect(failures).toEqual([]);
  }, 240_000);
});
