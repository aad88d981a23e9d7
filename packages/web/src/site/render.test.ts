import { SITE_SETTINGS_DEFAULTS, type SiteDocument, type SitePage } from "@conventio/domain";
import { describe, expect, it } from "vitest";
import { isoInZone } from "./json-ld";
import { renderSite } from "./render";

const doc = (page: SitePage, extra: Partial<SiteDocument> = {}): SiteDocument => ({
  lang: "fr",
  path: "/",
  query: "",
  today: "2026-12-03",
  origin: "https://partenariats.example.org",
  settings: { ...SITE_SETTINGS_DEFAULTS, institutionName: "Université de Lille", defaultLanguage: "fr" },
  embed: false,
  preview: false,
  assets: { scripts: ["/assets/site-1.js"], styles: ["/assets/site-1.css"], preload: ["/assets/react-1.js"] },
  page,
  ...extra,
});

const EVENT = {
  id: "e1",
  title: "Kyutech delegation in Lorraine",
  description: null,
  startsAt: "2026-01-15T14:00:00.000Z",
  endsAt: "2026-01-15T16:30:00.000Z",
  timeZone: "America/New_York",
  place: "Columbia University, New York",
  contactName: null,
  contactEmail: null,
  contactPhone: null,
  registrationDeadline: null,
  registrationUrl: null,
  audiences: [],
  agreement: null,
  axis: null,
  visibility: "public" as const,
};

/** The JSON-LD objects a page carries, parsed. */
function jsonLd(html: string): Array<Record<string, unknown>> {
  return [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map(
    (m) => JSON.parse(m[1] ?? "null") as Record<string, unknown>,
  );
}

describe("the public site renderer", () => {
  it("writes the head: title with the institution, canonical, alternates in three languages, x-default", () => {
    const { status, html } = renderSite(doc({ kind: "map", countries: [{ code: "JP", count: 3 }] }, { path: "/map" }));
    expect(status).toBe(200);
    expect(html).toContain('<html lang="fr"');
    expect(html).toContain("<title>Carte des partenaires · Université de Lille</title>");
    expect(html).toContain('<link rel="canonical" href="https://partenariats.example.org/fr/map"/>');
    for (const lang of ["en", "fr", "sv"]) {
      expect(html.toLowerCase()).toContain(
        `<link rel="alternate" hreflang="${lang}" href="https://partenariats.example.org/${lang}/map"/>`,
      );
    }
    expect(html.toLowerCase()).toContain('hreflang="x-default" href="https://partenariats.example.org/fr/map"');
    expect(html).toContain('<script type="module" src="/assets/site-1.js"></script>');
    expect(html).toContain('<link rel="modulepreload" href="/assets/react-1.js">');
    // The country with partners links to its partners; the table says the same in words.
    expect(html).toContain('href="/fr/partners?country=JP"');
    expect(html).toContain("Japon");
  });

  it("answers 404 and 410 with pages that are not indexed", () => {
    const missing = renderSite(doc({ kind: "not-found" }));
    const gone = renderSite(doc({ kind: "gone" }));
    expect(missing.status).toBe(404);
    expect(gone.status).toBe(410);
    expect(gone.html).toContain('<meta name="robots" content="noindex"/>');
    expect(gone.html).not.toContain('rel="canonical"');
  });

  it("describes an event as schema.org Event at its place's offset, naming the zone", () => {
    const { html } = renderSite(doc({ kind: "event", data: EVENT, picture: null }, { path: "/events/e1" }));
    const event = jsonLd(html)[0] ?? {};
    expect(event["@type"]).toBe("Event");
    // 14:00 UTC in January is 09:00 in New York (UTC−5), whatever zone this process runs in.
    expect(event.startDate).toBe("2026-01-15T09:00:00-05:00");
    expect(event.endDate).toBe("2026-01-15T11:30:00-05:00");
    expect((event.eventSchedule as { scheduleTimezone: string }).scheduleTimezone).toBe("America/New_York");
    expect((event.location as { name: string }).name).toBe("Columbia University, New York");
    // The page shows the time where the event happens, with the zone named in French.
    expect(html).toMatch(/09:00.*11:30.*\(heure normale de l’Est nord-américain\)/);
  });

  it("keeps text that could close a script out of JSON-LD", () => {
    const hostile = { ...EVENT, title: "</script><script>alert(1)</script>" };
    const { html } = renderSite(doc({ kind: "event", data: hostile, picture: null }, { path: "/events/e1" }));
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(jsonLd(html)[0]?.name).toBe(hostile.title);
  });

  it("gives an instant with its zone's offset, in summer and in winter", () => {
    expect(isoInZone("2026-07-01T12:00:00Z", "Europe/Stockholm")).toBe("2026-07-01T14:00:00+02:00");
    expect(isoInZone("2026-12-01T12:00:00Z", "Europe/Stockholm")).toBe("2026-12-01T13:00:00+01:00");
    expect(isoInZone("2026-12-01T12:00:00Z", "UTC")).toBe("2026-12-01T12:00:00Z");
  });

  it("shows an ended partnership as ended and a running one as current, on the day of the document", () => {
    const item = (id: string, status: "active" | "expired", endsOn: string) => ({
      id,
      reference: id,
      kind: "framework_agreement" as const,
      title: { text: `Agreement ${id}`, lang: "en" },
      status,
      signedOn: null,
      startsOn: "2020-01-01",
      endsOn,
      partners: [],
    });
    const { html } = renderSite(
      doc(
        {
          kind: "partnerships",
          items: [item("a", "active", "2027-12-31"), item("b", "expired", "2024-12-31")],
          filters: { q: "", country: "", theme: "", kind: "", unit: "", status: "" },
          options: { countries: [], themes: [], kinds: [], units: [], statuses: [] },
          paging: { next: null, first: null },
        },
        { path: "/partnerships" },
      ),
    );
    const a = html.indexOf("Agreement a");
    const b = html.indexOf("Agreement b");
    expect(html.slice(a, b)).toContain("En cours");
    expect(html.slice(b)).toContain("Terminée");
    // The English title inside the French page is marked as English.
    expect(html).toContain('<span lang="en">Agreement a</span>');
  });
});
