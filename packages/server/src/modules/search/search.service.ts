import {
  type Actor,
  type GlobalSearchQuery,
  type GlobalSearchResult,
  SEARCH_KINDS,
  type SearchHit,
  type SearchKind,
  type UiLanguage,
} from "@conventio/domain";
import type { SearchEntity, SearchRestriction } from "#db/search-index.js";
import { unitsOf } from "#modules/accounts/unit-scope.js";
import type { AgreementService } from "#modules/agreements/agreement.service.js";
import { publicationPolicy } from "#modules/publication/publication.policy.js";
import type { RegistryService } from "#modules/registry/registry.service.js";
import type { Deps } from "#shared/deps.js";
import { searchPolicy } from "./search.policy.js";
import * as repo from "./search.repository.js";

/** A hit before its kind and address are added, with what it lacks set to null. */
type Found = Partial<Omit<SearchHit, "kind" | "href">> & { id: string; title: string };

const hrefOf: Record<Exclude<SearchKind, "registry">, (id: string) => string> = {
  organisation: (id) => `/organisations/${id}`,
  agreement: (id) => `/agreements/${id}`,
  person: (id) => `/people/${id}`,
  activity: (id) => `/activities/${id}`,
  event: (id) => `/events/${id}`,
  news: (id) => `/news/${id}`,
};

/**
 * One search across every staff list, for the header: the index ranks each kind's matches, best
 * first, and each group keeps only what the caller's own list of that kind would show (an account
 * limited to units sees the agreements and activities of its units; drafts only for those who
 * read drafts). Registry entries come from the registry's own ranked search.
 */
export function createSearchService(
  deps: Deps,
  services: { registry: RegistryService; agreements: Pick<AgreementService, "statusOf"> },
) {
  const { db, search } = deps;

  function ranked(entity: SearchEntity, q: string, limit: number, within?: SearchRestriction): Promise<string[]> {
    return search.ranked(db, entity, q, limit, within);
  }

  function hit(kind: SearchKind, href: string, found: Found): SearchHit {
    return {
      kind,
      id: found.id,
      title: found.title,
      detail: found.detail ?? null,
      country: found.country ?? null,
      status: found.status ?? null,
      date: found.date ?? null,
      href,
    };
  }

  async function findKind(actor: Actor, kind: SearchKind, q: string, limit: number, lang: UiLanguage) {
    const units = unitsOf(actor);
    switch (kind) {
      case "organisation":
        return repo.organisationHits(db, await ranked(kind, q, limit), lang);
      case "agreement": {
        const within = units ? repo.agreementsOfUnits(db, units) : undefined;
        const rows = await repo.agreementHits(db, await ranked(kind, q, limit, within), lang);
        return rows.map((r) => ({
          id: r.id,
          title: r.shown,
          detail: r.reference,
          status: services.agreements.statusOf(r),
        }));
      }
      case "person":
        return repo.personHits(db, await ranked(kind, q, limit), lang);
      case "activity": {
        const within = units ? repo.activitiesOfUnits(db, units) : undefined;
        const rows = await repo.activityHits(db, await ranked(kind, q, limit, within));
        return rows.map((r) => ({ id: r.id, title: r.title, detail: r.place, status: r.status, date: r.starts_on }));
      }
      case "event": {
        const rows = await repo.eventHits(db, await ranked(kind, q, limit));
        return rows.map((r) => ({ id: r.id, title: r.title, detail: r.place, date: r.starts_at }));
      }
      case "news": {
        const within = publicationPolicy.seesUnpublished(actor) ? undefined : repo.publishedNews(db);
        const rows = await repo.newsHits(db, await ranked(kind, q, limit, within));
        return rows.map((r) => ({ id: r.id, title: r.title, status: r.status, date: r.published_on }));
      }
      case "registry":
        return [];
    }
  }

  return {
    /** The best few matches of every kind, in the reader's language, grouped in SEARCH_KINDS order. */
    async searchEverything(actor: Actor, query: GlobalSearchQuery, lang: UiLanguage): Promise<GlobalSearchResult> {
      searchPolicy.read(actor);
      const { q, limit } = query;
      const groups = await Promise.all(
        SEARCH_KINDS.map(async (kind) => {
          if (kind === "registry") {
            const entries = await services.registry.searchRegistry(actor, { q, limit });
            const items = entries.map((e) =>
              hit(kind, `/registry?q=${encodeURIComponent(e.name)}`, {
                id: e.id,
                title: e.name,
                detail: e.city,
                country: e.countryCode,
                status: e.status,
              }),
            );
            return { kind, items };
          }
          const found: Found[] = await findKind(actor, kind, q, limit, lang);
          return { kind, items: found.map((f) => hit(kind, hrefOf[kind](f.id), f)) };
        }),
      );
      return { q, groups };
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
