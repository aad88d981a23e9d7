import {
  type Actor,
  AGREEMENT_KINDS,
  AGREEMENT_STATUSES,
  type AgreementKind,
  type AgreementStatus,
  ORGANISATION_KINDS,
  type OrganisationKind,
  type PictureOwnerKind,
  type SiteOption,
  type SitePage,
  type SitePicture,
  type UiLanguage,
} from "@conventio/domain";
import type { AgreementService } from "#modules/agreements/agreement.service.js";
import type { OrganisationService } from "#modules/organisations/organisation.service.js";
import type { PictureService } from "#modules/pictures/picture.service.js";
import type { PortalService } from "#modules/portal/portal.service.js";
import type { EventService } from "#modules/publication/event.service.js";
import type { NewsService } from "#modules/publication/news.service.js";
import type { SiteSettingsService } from "#modules/site-settings/site-settings.service.js";
import { AppError } from "#shared/app-error.js";
import type { Deps } from "#shared/deps.js";
import * as repo from "./site.repository.js";
import { pagingOf, type SiteQuery, text } from "./site-query.js";

const PAGE = 25;
const anonymous = { kind: "public" } as const;

type Of<K extends SitePage["kind"]> = Extract<SitePage, { kind: K }>;

/**
 * Gathers what each public page shows, through the same services the API answers with, so a
 * page never shows more than the public API gives. A record the public cannot read is either
 * not found or, when it was published once, gone.
 */
export function createSiteService(
  deps: Deps,
  parts: {
    portal: PortalService;
    agreements: AgreementService;
    organisations: OrganisationService;
    events: EventService;
    news: NewsService;
    pictures: PictureService;
    siteSettings: SiteSettingsService;
  },
) {
  const { db, clock } = deps;

  /**
   * Figures and filter choices summed over every public record change slowly and cost a scan of
   * the tables at the large scale: each is kept a minute per process, shared by every reader.
   */
  const remembered = new Map<string, { until: number; value: Promise<unknown> }>();
  function remember<T>(key: string, load: () => Promise<T>): Promise<T> {
    const now = clock.now().getTime();
    const hit = remembered.get(key);
    if (hit && hit.until > now) return hit.value as Promise<T>;
    const value = load();
    remembered.set(key, { until: now + 60_000, value });
    // A failed load is not kept.
    value.catch(() => remembered.delete(key));
    return value;
  }

  async function firstPicture(kind: PictureOwnerKind, id: string, lang: UiLanguage): Promise<SitePicture | null> {
    const pictures = await parts.pictures.publicPictures(kind, id).catch(() => []);
    const p = pictures[0];
    if (!p) return null;
    const alt = p.alt.find((a) => a.lang === lang) ?? p.alt[0];
    const caption = p.caption.find((c) => c.lang === lang) ?? p.caption[0];
    const { thumb, display } = p.files;
    return {
      url: display.url,
      alt: alt?.value ?? "",
      width: display.width,
      height: display.height,
      srcset: `${thumb.url} ${thumb.width}w, ${display.url} ${display.width}w`,
      caption: caption ? { text: caption.value, lang: caption.lang } : null,
      credit: p.credit,
    };
  }

  /** Not found, or gone when the record was published once. */
  async function missing(entity: "agreement" | "organisation" | "event" | "news", id: string, error: unknown) {
    if (!(error instanceof AppError) || error.code !== "not_found") throw error;
    return (await repo.wasPublished(db, entity, id)) ? ({ kind: "gone" } as const) : ({ kind: "not-found" } as const);
  }

  const sorted = (lang: UiLanguage, options: SiteOption[]) => {
    const collator = new Intl.Collator(lang);
    return options.sort((a, b) => collator.compare(a.label, b.label));
  };

  return {
    today(): string {
      return clock.now().toISOString().slice(0, 10);
    },

    async home(): Promise<Of<"home">> {
      const [home, counts] = await Promise.all([parts.portal.home(), remember("counts", () => repo.publicCounts(db))]);
      return { kind: "home", ...home, counts };
    },

    /** `base` is where its pages are: the public list, or the embedded one. */
    async partnerships(lang: UiLanguage, q: SiteQuery, base = `/${lang}/partnerships`): Promise<Of<"partnerships">> {
      const filters = {
        q: text(q.q, 200),
        country: /^[A-Za-z]{2}$/.test(q.country ?? "") ? (q.country ?? "").toUpperCase() : "",
        theme: text(q.theme, 80),
        kind: (AGREEMENT_KINDS as readonly string[]).includes(q.kind ?? "") ? (q.kind ?? "") : "",
        unit: /^[0-9a-zA-Z-]{1,64}$/.test(q.unit ?? "") ? (q.unit ?? "") : "",
        status: (AGREEMENT_STATUSES as readonly string[]).includes(q.status ?? "") ? (q.status ?? "") : "",
      };
      const [list, countries, themes, kinds, units] = await Promise.all([
        parts.agreements.listPublicAgreements(
          {
            q: filters.q || undefined,
            country: filters.country || undefined,
            theme: filters.theme || undefined,
            kind: (filters.kind || undefined) as AgreementKind | undefined,
            status: (filters.status || undefined) as AgreementStatus | undefined,
            // A unit stands for itself and every unit below it: a faculty's list holds its laboratories'.
            units: filters.unit ? await repo.unitAndBelow(db, filters.unit) : undefined,
            cursor: text(q.cursor, 500) || undefined,
            limit: PAGE,
          },
          lang,
        ),
        remember("agreement-countries", () => repo.publicAgreementCountries(db)),
        remember(`agreement-themes:${lang}`, () => repo.publicAgreementThemes(db, lang)),
        remember("agreement-kinds", () => repo.publicAgreementKinds(db)),
        remember(`agreement-units:${lang}`, () => repo.publicAgreementUnits(db, lang)),
      ]);
      const partners = await repo.partnersOf(
        db,
        list.items.map((a) => a.id),
        lang,
      );
      return {
        kind: "partnerships",
        items: list.items.map((a) => ({
          id: a.id,
          reference: a.reference,
          kind: a.kind,
          title: a.shown,
          status: a.status,
          signedOn: a.signedOn,
          startsOn: a.startsOn,
          endsOn: a.endsOn,
          partners: partners.get(a.id) ?? [],
        })),
        filters,
        // Countries, kinds and statuses are named by the page; themes and units as recorded.
        options: {
          countries: countries.map((c) => ({ value: c.code, label: "", count: c.count })),
          themes: sorted(lang, themes),
          kinds: kinds.map((k) => ({ value: k.kind, label: "", count: k.count })),
          units: sorted(lang, units),
          statuses: AGREEMENT_STATUSES.filter((s) => s !== "draft").map((s) => ({ value: s, label: "" })),
        },
        paging: pagingOf(base, filters, q.cursor, list.nextCursor),
      };
    },

    async partnership(lang: UiLanguage, id: string, actor: Actor | null): Promise<SitePage> {
      try {
        const data = actor
          ? await parts.portal.previewPartnership(actor, id, lang)
          : await parts.portal.partnership(id, lang);
        return { kind: "partnership", data, picture: await firstPicture("agreement", id, lang) };
      } catch (error) {
        return missing("agreement", id, error);
      }
    },

    async partners(lang: UiLanguage, q: SiteQuery): Promise<Of<"partners">> {
      const filters = {
        q: text(q.q, 200),
        country: /^[A-Za-z]{2}$/.test(q.country ?? "") ? (q.country ?? "").toUpperCase() : "",
        kind: (ORGANISATION_KINDS as readonly string[]).includes(q.kind ?? "") ? (q.kind ?? "") : "",
      };
      const [list, countries, kinds] = await Promise.all([
        parts.organisations.listPublicOrganisations(
          {
            q: filters.q || undefined,
            country: filters.country || undefined,
            kind: (filters.kind || undefined) as OrganisationKind | undefined,
            cursor: text(q.cursor, 500) || undefined,
            limit: PAGE,
          },
          lang,
        ),
        remember("partner-countries", () => parts.organisations.countByCountry(anonymous)),
        remember("partner-kinds", () => repo.publicOrganisationKinds(db)),
      ]);
      return {
        kind: "partners",
        items: list.items.map((o) => ({
          id: o.id,
          name: o.shown,
          acronym: o.acronym,
          kind: o.kind,
          countryCode: o.countryCode,
          city: o.city,
        })),
        filters,
        options: {
          countries: countries.map((c) => ({ value: c.countryCode, label: "", count: c.count })),
          kinds: kinds.map((k) => ({ value: k.kind, label: "", count: k.count })),
        },
        paging: pagingOf(`/${lang}/partners`, filters, q.cursor, list.nextCursor),
      };
    },

    async partner(lang: UiLanguage, id: string, actor: Actor | null): Promise<SitePage> {
      try {
        const data = actor
          ? await parts.portal.previewOrganisation(actor, id, lang)
          : await parts.portal.organisation(id, lang);
        return { kind: "partner", data, ror: await repo.rorOf(db, id) };
      } catch (error) {
        return missing("organisation", id, error);
      }
    },

    async events(lang: UiLanguage, q: SiteQuery): Promise<Of<"events">> {
      const when = q.when === "past" ? "past" : "coming";
      const now = clock.now().toISOString();
      const page = await parts.events.listEvents(anonymous, {
        ...(when === "past" ? { endsBefore: now, order: "desc" as const } : { from: now }),
        limit: PAGE,
        cursor: text(q.cursor, 500) || undefined,
      });
      return {
        kind: "events",
        items: page.items,
        when,
        paging: pagingOf(`/${lang}/events`, { when: when === "past" ? "past" : "" }, q.cursor, page.nextCursor),
      };
    },

    async event(lang: UiLanguage, id: string, actor: Actor | null): Promise<SitePage> {
      try {
        const data = actor ? await parts.portal.previewEvent(actor, id) : await parts.events.getEvent(anonymous, id);
        if (!actor && data.visibility !== "public") throw AppError.notFound("This event");
        return { kind: "event", data, picture: await firstPicture("event", id, lang) };
      } catch (error) {
        return missing("event", id, error);
      }
    },

    async news(lang: UiLanguage, q: SiteQuery): Promise<Of<"news">> {
      const page = await parts.news.listNews(anonymous, { limit: PAGE, cursor: text(q.cursor, 500) || undefined });
      return { kind: "news", items: page.items, paging: pagingOf(`/${lang}/news`, {}, q.cursor, page.nextCursor) };
    },

    async newsPost(lang: UiLanguage, id: string, actor: Actor | null): Promise<SitePage> {
      try {
        const data = actor ? await parts.portal.previewNews(actor, id) : await parts.news.getNews(anonymous, id);
        return { kind: "news-post", data, picture: await firstPicture("news", id, lang) };
      } catch (error) {
        return missing("news", id, error);
      }
    },

    async map(): Promise<Of<"map">> {
      const counts = await remember("partner-countries", () => parts.organisations.countByCountry(anonymous));
      return { kind: "map", countries: counts.map((c) => ({ code: c.countryCode, count: c.count })) };
    },

    async openData(): Promise<Of<"open-data">> {
      const settings = await parts.siteSettings.get();
      return { kind: "open-data", licence: settings.openDataLicence };
    },

    /** Every public address for the sitemap, a batch at a time. */
    sitemapCount: (kind: repo.SitemapKind) => repo.sitemapCount(db, kind),
    sitemapEntries: (kind: repo.SitemapKind, offset: number, limit: number) =>
      repo.sitemapEntries(db, kind, offset, limit),
  };
}
export type SiteService = ReturnType<typeof createSiteService>;
