import type { EventView, NewsView, PublicOrganisationPage, SiteDocument } from "@conventio/domain";
import { offsetMinutes } from "../lib/time-zone";

/**
 * schema.org descriptions of public pages, for search engines and link previews. Built from the
 * page's document alone; addresses are absolute on the installation's public origin.
 */

type Thing = Record<string, unknown>;

const absolute = (doc: SiteDocument, path: string) => new URL(path, doc.origin).href;

export function publisher(doc: SiteDocument): Thing {
  const { settings } = doc;
  return {
    "@type": "Organization",
    name: settings.institutionName,
    url: absolute(doc, `/${doc.lang}/`),
    ...(settings.logoUrl ? { logo: absolute(doc, settings.logoUrl) } : {}),
  };
}

/** An instant as read at a place, with that place's offset: 2026-09-20T14:00:00+02:00. */
export function isoInZone(instant: string, timeZone: string): string {
  const at = new Date(instant);
  const offset = offsetMinutes(at, timeZone);
  const wall = new Date(at.getTime() + offset * 60_000).toISOString().slice(0, 19);
  if (offset === 0) return `${wall}Z`;
  const abs = Math.abs(offset);
  const hours = String(Math.floor(abs / 60)).padStart(2, "0");
  return `${wall}${offset > 0 ? "+" : "-"}${hours}:${String(abs % 60).padStart(2, "0")}`;
}

export function eventLd(doc: SiteDocument, e: EventView, image: string | null): Thing {
  const start = isoInZone(e.startsAt, e.timeZone);
  const end = e.endsAt ? isoInZone(e.endsAt, e.timeZone) : null;
  return {
    "@context": "https://schema.org",
    "@type": "Event",
    name: e.title,
    ...(e.description ? { description: e.description } : {}),
    startDate: start,
    ...(end ? { endDate: end } : {}),
    eventSchedule: {
      "@type": "Schedule",
      startDate: start,
      ...(end ? { endDate: end } : {}),
      scheduleTimezone: e.timeZone,
    },
    eventStatus: "https://schema.org/EventScheduled",
    eventAttendanceMode: "https://schema.org/OfflineEventAttendanceMode",
    ...(e.place ? { location: { "@type": "Place", name: e.place, address: e.place } } : {}),
    organizer: publisher(doc),
    url: absolute(doc, `/${doc.lang}/events/${e.id}`),
    ...(image ? { image } : {}),
  };
}

/** The version of a post a page in `lang` shows: its translation into that language, else the original. */
export function postVersion(n: NewsView, lang: string): { lang: string; title: string; body: string } {
  return n.translations.find((v) => v.lang === lang) ?? { lang: n.lang, title: n.title, body: n.body };
}

export function newsLd(doc: SiteDocument, n: NewsView, image: string | null): Thing {
  const shown = postVersion(n, doc.lang);
  const original = shown.lang === n.lang;
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: shown.title,
    ...(original && n.summary ? { description: n.summary } : {}),
    inLanguage: shown.lang,
    ...(n.publishedOn ? { datePublished: n.publishedOn } : {}),
    author: { "@type": "Person", name: n.author },
    publisher: publisher(doc),
    mainEntityOfPage: absolute(doc, `/${doc.lang}/news/${n.id}`),
    ...(n.tags.length > 0 ? { keywords: n.tags.join(", ") } : {}),
    ...(image ? { image } : {}),
  };
}

const SCHEMA_TYPE: Record<string, string> = {
  university: "CollegeOrUniversity",
  unit: "CollegeOrUniversity",
  local_authority: "GovernmentOrganization",
  government: "GovernmentOrganization",
  company: "Corporation",
  student_union: "Organization",
  network: "Organization",
  programme: "Organization",
  other: "Organization",
};

export function partnerLd(doc: SiteDocument, page: PublicOrganisationPage, ror: string | null): Thing {
  const o = page.organisation;
  const sameAs = [o.website, ror ? `https://ror.org/${ror}` : null].filter((x): x is string => Boolean(x));
  return {
    "@context": "https://schema.org",
    "@type": SCHEMA_TYPE[o.kind] ?? "Organization",
    name: o.name.text,
    ...(o.acronym ? { alternateName: o.acronym } : {}),
    ...(o.description ? { description: o.description } : {}),
    url: absolute(doc, `/${doc.lang}/partners/${o.id}`),
    ...(sameAs.length > 0 ? { sameAs } : {}),
    ...(o.countryCode || o.city
      ? {
          address: {
            "@type": "PostalAddress",
            ...(o.city ? { addressLocality: o.city } : {}),
            ...(o.countryCode ? { addressCountry: o.countryCode } : {}),
          },
        }
      : {}),
    ...(o.parent
      ? {
          parentOrganization: {
            "@type": "Organization",
            name: o.parent.name.text,
            url: absolute(doc, `/${doc.lang}/partners/${o.parent.id}`),
          },
        }
      : {}),
    ...(page.memberOf.length > 0
      ? { memberOf: page.memberOf.map((m) => ({ "@type": "Organization", name: m.network.name.text })) }
      : {}),
  };
}

export function websiteLd(doc: SiteDocument): Thing {
  return {
    "@context": "https://schema.org",
    "@type": "WebSite",
    name: doc.settings.institutionName,
    url: absolute(doc, `/${doc.lang}/`),
    inLanguage: doc.lang,
    publisher: publisher(doc),
  };
}

/** JSON for a script element: "</script>" inside a text cannot end it. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
