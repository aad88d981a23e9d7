import type { AgreementKind, AgreementStatus } from "./agreement.js";
import type { UiLanguage } from "./auth.js";
import type { EventView } from "./event.js";
import type { ShownText } from "./language.js";
import type { OrganisationKind } from "./organisation.js";
import type { PublicOrganisationPage, PublicPartnershipPage } from "./portal.js";
import type { NewsSummary, NewsView } from "./publication.js";
import type { SiteSettings } from "./site-settings.js";

/**
 * The contract between the server, which gathers a public page's facts, and the site renderer
 * of the web package, which turns them into HTML. Everything a page shows is in its document:
 * the renderer reads no clock and calls nothing, so the same document always makes the same page.
 */

/** Where a partnership stands on the day the page is made: ended partnerships must not look current. */
export type SitePhase = "current" | "upcoming" | "ended" | "pending";

/** The phase of an agreement from its status (which already follows the clock) and its start. */
export function sitePhase(a: { status: AgreementStatus; startsOn: string | null }, today: string): SitePhase {
  switch (a.status) {
    case "active":
    case "expiring":
      return a.startsOn && a.startsOn.length === 10 && a.startsOn > today ? "upcoming" : "current";
    case "expired":
    case "terminated":
    case "renewed":
      return "ended";
    default:
      return "pending";
  }
}

export interface SitePartnershipItem {
  id: string;
  reference: string;
  kind: AgreementKind;
  title: ShownText;
  status: AgreementStatus;
  signedOn: string | null;
  startsOn: string | null;
  endsOn: string | null;
  partners: { id: string; name: ShownText; countryCode: string | null; public: boolean }[];
}

export interface SitePartnerItem {
  id: string;
  name: ShownText;
  acronym: string | null;
  kind: OrganisationKind;
  countryCode: string | null;
  city: string | null;
}

export interface SiteOption {
  value: string;
  label: string;
  count?: number;
}

export interface SitePaging {
  /** The address of the next page, null on the last one. */
  next: string | null;
  /** The address of the first page, null when this is the first. */
  first: string | null;
}

export type SitePage =
  | {
      kind: "home";
      news: NewsSummary[];
      events: EventView[];
      counts: { partnerships: number; partners: number; countries: number };
    }
  | {
      kind: "partnerships";
      items: SitePartnershipItem[];
      filters: { q: string; country: string; theme: string; kind: string; unit: string; status: string };
      options: {
        countries: SiteOption[];
        themes: SiteOption[];
        kinds: SiteOption[];
        units: SiteOption[];
        statuses: SiteOption[];
      };
      paging: SitePaging;
    }
  | { kind: "partnership"; data: PublicPartnershipPage; picture: SitePicture | null }
  | {
      kind: "partners";
      items: SitePartnerItem[];
      filters: { q: string; country: string; kind: string };
      options: { countries: SiteOption[]; kinds: SiteOption[] };
      paging: SitePaging;
    }
  | { kind: "partner"; data: PublicOrganisationPage; ror: string | null }
  | { kind: "events"; items: EventView[]; when: "coming" | "past"; paging: SitePaging }
  | { kind: "event"; data: EventView; picture: SitePicture | null }
  | { kind: "news"; items: NewsSummary[]; paging: SitePaging }
  | { kind: "news-post"; data: NewsView; picture: SitePicture | null }
  | { kind: "map"; countries: { code: string; count: number }[] }
  | { kind: "open-data"; licence: SiteSettings["openDataLicence"] }
  | { kind: "not-found" }
  | { kind: "gone" };

export type SitePageKind = SitePage["kind"];

export interface SitePicture {
  url: string;
  alt: string;
  width: number | null;
  height: number | null;
  /** The sizes the browser chooses from: "/…/thumb 320w, /…/display 600w". */
  srcset: string | null;
  caption: ShownText | null;
  credit: string | null;
}

export interface SiteAssets {
  scripts: string[];
  styles: string[];
  preload: string[];
}

export interface SiteDocument {
  lang: UiLanguage;
  /** The page's address without its language: "/partnerships/0190…"; the alternates add /en, /fr, /sv. */
  path: string;
  /** The query that belongs to the canonical address ("?country=SE"), or "". */
  query: string;
  /** The day the page is made (YYYY-MM-DD, in the institution's zone): what is current, coming or past. */
  today: string;
  /** The installation's public origin, for canonical and Open Graph addresses. */
  origin: string;
  settings: SiteSettings;
  /** Shown inside another site's page: no header or footer, links open in a new tab. */
  embed: boolean;
  /** An editor's preview of what would be published; never indexed. */
  preview: boolean;
  assets: SiteAssets;
  page: SitePage;
}

export interface SiteRendering {
  status: number;
  html: string;
}

/** What the web package's site renderer module exports. */
export interface SiteRenderer {
  renderSite(doc: SiteDocument): SiteRendering;
}

export const SITE_LANGUAGES = ["en", "fr", "sv"] as const satisfies readonly UiLanguage[];
