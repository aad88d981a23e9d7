import http from "node:http";
import { crc32, deflateSync } from "node:zlib";
import { type EnteredFacts, enterPublicFacts, LANGS, LINKOPING, MOU } from "@conventio/server/test/public-facts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./support/server.js";
import { adminCall, type Call, enterNews, NEWS } from "./support/site.js";

// The server's own zone is neither UTC nor an event's: every offset written must come from the event's zone.
process.env.TZ = "Asia/Tokyo";

/** The address the installation is published at: canonical links name it, whatever Host a request carries. */
const ORIGIN = "http://partnerships.example.org";

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A GET as a crawler makes it: no redirect followed, no body decoded. */
function raw(url: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on("error", reject);
      })
      .on("error", reject);
  });
}

const ENTITIES: Record<string, string> = { amp: "&", quot: '"', lt: "<", gt: ">", "#x27": "'", "#39": "'" };
const decode = (text: string) => text.replace(/&(amp|quot|lt|gt|#x27|#39);/g, (_, e: string) => ENTITIES[e] ?? "");

/** The head of a page, read with a regular expression over the head alone (the renderer writes it in one piece). */
function headOf(html: string) {
  const head = /<head>([\s\S]*?)<\/head>/.exec(html)?.[1] ?? "";
  const tags = [...head.matchAll(/<(meta|link)\s([^>]*?)\/?>/g)].map((m) => ({
    tag: m[1],
    attrs: Object.fromEntries(
      [...(m[2] ?? "").matchAll(/([a-zA-Z:-]+)="([^"]*)"/g)].map((a) => [
        (a[1] ?? "").toLowerCase(),
        decode(a[2] ?? ""),
      ]),
    ) as Record<string, string>,
  }));
  const meta = (key: string) =>
    tags.find((t) => t.tag === "meta" && (t.attrs.name === key || t.attrs.property === key))?.attrs.content ?? null;
  const links = (rel: string) => tags.filter((t) => t.tag === "link" && t.attrs.rel === rel).map((t) => t.attrs);
  return {
    title: decode(/<title>([\s\S]*?)<\/title>/.exec(head)?.[1] ?? ""),
    meta,
    links,
    canonical: links("canonical")[0]?.href ?? null,
    alternates: Object.fromEntries(
      links("alternate")
        .filter((l) => l.hreflang)
        .map((l) => [l.hreflang, l.href]),
    ),
    jsonLd: [...head.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(
      (m) => JSON.parse(m[1] ?? "null") as Record<string, unknown>,
    ),
    scripts: [...head.matchAll(/<script type="module" src="([^"]+)"/g)].map((m) => m[1] ?? ""),
    preloads: links("modulepreload").map((l) => l.href ?? ""),
  };
}

/** A small PNG picture, as a photo would be uploaded. */
function png(width = 64, height = 48): Buffer {
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
  header[8] = 8;
  const rows = Buffer.alloc((width + 1) * height, 128);
  for (let y = 0; y < height; y++) rows[y * (width + 1)] = 0;
  return Buffer.concat([
    Buffer.from("89504e470d0a1a0a", "hex"),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const NEW_YORK = { timeZone: "America/New_York", place: "Columbia University, New York" };

for (const engine of ["sqlite", "postgres"] as const) {
  describe(`what a crawler reads of the public site, on ${engine}`, () => {
    let server: TestServer;
    let call: Call & { cookie: string; csrf: string };
    let facts: EnteredFacts;
    const ids: Record<"news" | "winter" | "summer" | "internal" | "withdrawn", string> = {
      news: "",
      winter: "",
      summer: "",
      internal: "",
      withdrawn: "",
    };
    let pictureUrl = "";
    const get = (path: string, headers: Record<string, string> = {}) => raw(`${server.url}${path}`, headers);
    const page = async (path: string) => {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
      return headOf(res.body.toString("utf8"));
    };

    beforeAll(async () => {
      expect(new Date("2026-01-15T00:00:00Z").getTimezoneOffset()).toBe(-540);
      server = await startTestServer({ engine, publicUrl: ORIGIN });
      call = await adminCall(server.url);
      await call("PATCH", "/api/admin/site-settings", {
        institutionName: "Université de Lille",
        defaultLanguage: "fr",
      });
      facts = await enterPublicFacts(call);
      ids.news = await enterNews(call, facts.chain[2]);
      const event = async (title: string, startsAt: string, endsAt: string) =>
        ((await call("POST", "/api/events", { title, startsAt, endsAt, ...NEW_YORK })) as { id: string }).id;
      ids.winter = await event("Kyutech delegation in New York", "2026-01-15T14:00:00Z", "2026-01-15T16:30:00Z");
      ids.summer = await event("Summer school in New York", "2026-07-09T13:00:00Z", "2026-07-09T21:00:00Z");
      const agreement = async (title: string, visibility: string) =>
        (
          (await call("POST", "/api/agreements", { kind: "memorandum_of_understanding", title, visibility })) as {
            id: string;
          }
        ).id;
      ids.internal = await agreement("Internal talks with a partner to be", "internal");
      ids.withdrawn = await agreement("Memorandum withdrawn from the public", "public");
      await call("PATCH", `/api/agreements/${ids.withdrawn}`, { visibility: "internal" });
      // A public picture of the memorandum: the page's preview image.
      const form = new FormData();
      form.append("file", new Blob([new Uint8Array(png())], { type: "image/png" }), "signing.png");
      const upload = await fetch(`${server.url}/api/agreements/${facts.mou}/pictures`, {
        method: "POST",
        headers: { cookie: call.cookie, "x-csrf-token": call.csrf },
        body: form,
      });
      expect(upload.status).toBe(201);
      const picture = (await upload.json()) as { id: string };
      await call("PATCH", `/api/pictures/${picture.id}`, {
        alt: [{ lang: "en", value: "The two presidents sign the memorandum" }],
        public: true,
      });
      const shown = (await (await fetch(`${server.url}/api/public/agreements/${facts.mou}/pictures`)).json()) as {
        items: { files: { display: { url: string } } }[];
      };
      pictureUrl = shown.items[0]?.files.display.url ?? "";
      expect(pictureUrl).not.toBe("");
    });

    afterAll(async () => {
      await server?.stop();
    });

    it.each(LANGS)("names the partnership, its address, its other languages and its picture, in %s", async (lang) => {
      const head = await page(`/${lang}/partnerships/${facts.mou}`);
      const address = (l: string) => `${ORIGIN}/${l}/partnerships/${facts.mou}`;
      expect(head.title).toBe(`${MOU.title[lang]} · Université de Lille`);
      expect(head.meta("description")).toBe(MOU.summary[lang]);
      expect(head.canonical).toBe(address(lang));
      expect(head.alternates).toEqual({
        en: address("en"),
        fr: address("fr"),
        sv: address("sv"),
        "x-default": address("fr"),
      });
      expect(head.meta("og:title")).toBe(MOU.title[lang]);
      expect(head.meta("og:url")).toBe(address(lang));
      expect(head.meta("og:image")).toBe(`${ORIGIN}${pictureUrl}`);
      expect(head.meta("twitter:card")).toBe("summary_large_image");
      expect(head.meta("robots")).toBeNull();
    });

    it("offers no picture where none is public, and a plain card", async () => {
      const head = await page(`/en/partnerships/${facts.chain[2]}`);
      expect(head.title).toBe(`${LINKOPING.chain[2].title.en} · Université de Lille`);
      expect(head.meta("og:image")).toBeNull();
      expect(head.meta("twitter:card")).toBe("summary");
    });

    it("describes a university and a municipality as schema.org organisations", async () => {
      const [kyutech] = (await page(`/en/partners/${facts.kyutech}`)).jsonLd;
      expect(kyutech).toMatchObject({
        "@type": "CollegeOrUniversity",
        name: "Kyushu Institute of Technology",
        alternateName: "Kyutech",
        url: `${ORIGIN}/en/partners/${facts.kyutech}`,
        address: { addressLocality: "Kitakyushu", addressCountry: "JP" },
      });
      const [municipality] = (await page(`/sv/partners/${facts.municipality}`)).jsonLd;
      expect(municipality).toMatchObject({ "@type": "GovernmentOrganization", name: LINKOPING.municipality.name });
    });

    it("writes an event's times with the offset of its own zone, and names the zone and the place", async () => {
      const eventLd = async (id: string) => {
        const lds = (await page(`/en/events/${id}`)).jsonLd;
        expect(lds).toHaveLength(1);
        return lds[0] as Record<string, unknown>;
      };
      const winter = await eventLd(ids.winter);
      expect(winter).toMatchObject({
        "@type": "Event",
        name: "Kyutech delegation in New York",
        startDate: "2026-01-15T09:00:00-05:00",
        endDate: "2026-01-15T11:30:00-05:00",
        eventSchedule: { scheduleTimezone: "America/New_York", startDate: "2026-01-15T09:00:00-05:00" },
        location: { name: NEW_YORK.place },
      });
      const summer = await eventLd(ids.summer);
      expect(summer).toMatchObject({ startDate: "2026-07-09T09:00:00-04:00", endDate: "2026-07-09T17:00:00-04:00" });
      const linkoping = await eventLd(facts.eventId);
      expect(linkoping).toMatchObject({
        startDate: "2026-08-20T10:00:00+02:00",
        eventSchedule: { scheduleTimezone: "Europe/Stockholm" },
        location: { name: "Campus Valla, Linköping" },
      });
    });

    it("describes a post as a NewsArticle with its headline and publication day", async () => {
      const head = await page(`/sv/news/${ids.news}`);
      expect(head.jsonLd).toEqual([
        expect.objectContaining({ "@type": "NewsArticle", headline: NEWS.title.sv, datePublished: NEWS.publishedOn }),
      ]);
      expect(head.title).toBe(`${NEWS.title.sv} · Université de Lille`);
    });

    it("titles a translated post as its page reads it, in the page's language", async () => {
      const res = await get(`/en/news/${ids.news}`);
      const html = res.body.toString();
      expect(html).toContain(`<h1>${NEWS.title.en}</h1>`);
      const head = headOf(html);
      expect(head.title).toBe(`${NEWS.title.en} · Université de Lille`);
      expect(head.meta("og:title")).toBe(NEWS.title.en);
      expect(head.jsonLd[0]).toMatchObject({ headline: NEWS.title.en, inLanguage: "en" });
    });

    it("lists every public record's three addresses in the sitemaps, with alternates, and no internal one", async () => {
      const index = await get("/sitemap.xml");
      expect(index.status).toBe(200);
      expect(index.headers["content-type"]).toContain("application/xml");
      const files = [...index.body.toString().matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
      expect(files).toEqual(
        ["pages", "partnerships-1", "partners-1", "events-1", "news-1"].map((f) => `${ORIGIN}/sitemaps/${f}.xml`),
      );
      const pages = (await get("/sitemaps/pages.xml")).body.toString();
      for (const lang of LANGS) expect(pages).toContain(`<loc>${ORIGIN}/${lang}/partnerships</loc>`);
      const res = await get("/sitemaps/partnerships-1.xml");
      expect(res.status).toBe(200);
      const xml = res.body.toString();
      const entries = [...xml.matchAll(/<url>([\s\S]*?)<\/url>/g)].map((m) => m[1] ?? "");
      for (const id of [facts.mou, ...facts.chain]) {
        for (const lang of LANGS) {
          const entry = entries.find((e) => e.includes(`<loc>${ORIGIN}/${lang}/partnerships/${id}</loc>`));
          expect(entry, `${lang} address of ${id}`).toBeDefined();
          for (const other of LANGS) {
            expect(entry).toContain(
              `<xhtml:link rel="alternate" hreflang="${other}" href="${ORIGIN}/${other}/partnerships/${id}"/>`,
            );
          }
        }
      }
      expect(entries).toHaveLength(4 * 3);
      expect(xml).not.toContain(ids.internal);
      expect(xml).not.toContain(ids.withdrawn);
      expect((await get("/sitemaps/partnerships-2.xml")).status).toBe(404);
    });

    it("names the sitemap in robots.txt and keeps crawlers out of the API and previews", async () => {
      const robots = (await get("/robots.txt")).body.toString();
      expect(robots).toContain(`Sitemap: ${ORIGIN}/sitemap.xml`);
      expect(robots).toContain("Disallow: /api/");
      expect(robots).toContain("Disallow: /en/preview/");
    });

    it("answers 404 with a page for an unknown address, 410 for a withdrawn partnership, 301 from the old addresses", async () => {
      for (const path of ["/en/nowhere", "/nowhere", "/sv/partnerships/no-such-id"]) {
        const res = await get(path);
        expect(res.status, path).toBe(404);
        expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
        expect(res.body.toString()).toContain("<h1");
      }
      const gone = await get(`/en/partnerships/${ids.withdrawn}`);
      expect(gone.status).toBe(410);
      expect(gone.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(headOf(gone.body.toString()).meta("robots")).toBe("noindex");
      expect(gone.body.toString()).not.toContain("Memorandum withdrawn from the public");
      const moved = await get(`/partnerships/${facts.mou}`);
      expect(moved.status).toBe(301);
      expect(moved.headers.location).toBe(`/fr/partnerships/${facts.mou}`);
      const swedish = await get(`/partnerships/${facts.mou}`, { "accept-language": "sv-SE,sv;q=0.9" });
      expect(swedish.headers.location).toBe(`/sv/partnerships/${facts.mou}`);
      expect((await get("/partners?country=JP")).headers.location).toBe("/fr/partners?country=JP");
    });

    it("compresses pages and assets with brotli, caches hashed assets a year, serves no map, renderer or manifest", async () => {
      const html = await get("/en/partnerships", { "accept-encoding": "br" });
      expect(html.headers["content-encoding"]).toBe("br");
      const { scripts } = await page("/en/partnerships");
      const [script] = scripts;
      expect(script).toMatch(/^\/assets\/site-[\w-]+\.js$/);
      const asset = await get(script ?? "", { "accept-encoding": "br" });
      expect(asset.status).toBe(200);
      expect(asset.headers["content-encoding"]).toBe("br");
      expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      for (const path of [`${script}.map`, "/server/render.js", "/.vite/manifest.json"]) {
        expect((await get(path)).status, path).toBe(404);
      }
    });

    it("loads at most 150 KiB of JavaScript gzipped on a public page, none of the staff app's", async () => {
      const head = await page(`/en/partnerships/${facts.mou}`);
      const files = [...new Set([...head.scripts, ...head.preloads])];
      expect(files.length).toBeGreaterThan(0);
      let total = 0;
      for (const file of files) {
        expect(file.split("/").pop(), file).not.toMatch(/^(app|mantine|tanstack)-/);
        const res = await get(file, { "accept-encoding": "gzip" });
        expect(res.status, file).toBe(200);
        total += res.headers["content-encoding"] === "gzip" ? res.body.length : deflateSync(res.body).length;
      }
      expect(total).toBeLessThanOrEqual(150 * 1024);
    });
  });
}
