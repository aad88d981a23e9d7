import type { UiLanguage } from "@conventio/domain";
import { type Kysely, type SqlBool, sql } from "kysely";
import type { DB } from "#db/schema.js";
import type { SearchRestriction } from "#db/search-index.js";
import { agreementsWithin } from "#modules/accounts/unit-scope.js";
import { shownTitle } from "#modules/agreements/agreement.presenter.js";
import { shownName } from "#modules/organisations/organisation.presenter.js";

/** Only the agreements one of these units is responsible for, as the agreements list keeps them. */
export function agreementsOfUnits(db: Kysely<DB>, units: readonly string[]): SearchRestriction {
  return (id) => sql<SqlBool>`${id} in (${agreementsWithin(db, units)})`;
}

/** Only the activities of those agreements, as the activities list keeps them. */
export function activitiesOfUnits(db: Kysely<DB>, units: readonly string[]): SearchRestriction {
  const ids = db
    .selectFrom("activity")
    .select("activity.id")
    .where("activity.agreement_id", "in", agreementsWithin(db, units));
  return (id) => sql<SqlBool>`${id} in (${ids})`;
}

/** Only published posts, for readers who do not see drafts. */
export function publishedNews(db: Kysely<DB>): SearchRestriction {
  const ids = db.selectFrom("news_post").select("news_post.id").where("news_post.status", "=", "published");
  return (id) => sql<SqlBool>`${id} in (${ids})`;
}

/** Rows by id, in the order of `ids` (the index's ranking), missing ones dropped. */
function inOrder<T extends { id: string }>(ids: readonly string[], rows: readonly T[]): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function organisationHits(db: Kysely<DB>, ids: string[], lang: UiLanguage) {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("organisation")
    .select(["id", "name", "names", "city", "country_code"])
    .where("id", "in", ids)
    .execute();
  return inOrder(ids, rows).map((r) => ({
    id: r.id,
    title: shownName(r, lang).text,
    detail: r.city,
    country: r.country_code,
  }));
}

export async function agreementHits(db: Kysely<DB>, ids: string[], lang: UiLanguage) {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("agreement")
    .select(["id", "reference", "title", "language", "titles", "status", "ends_on"])
    .where("id", "in", ids)
    .execute();
  return inOrder(ids, rows).map((r) => ({ ...r, shown: shownTitle(r, lang).text }));
}

export async function personHits(db: Kysely<DB>, ids: string[], lang: UiLanguage) {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("person as p")
    .leftJoin("organisation as o", "o.id", "p.organisation_id")
    .select(["p.id", "p.given_name", "p.family_name", "p.title", "o.name", "o.names", "o.country_code"])
    .where("p.id", "in", ids)
    .execute();
  return inOrder(ids, rows).map((r) => ({
    id: r.id,
    title: `${r.given_name} ${r.family_name}`.trim(),
    detail:
      [r.title, r.name !== null && r.names !== null ? shownName({ name: r.name, names: r.names }, lang).text : null]
        .filter(Boolean)
        .join(", ") || null,
    country: r.country_code ?? null,
  }));
}

export async function activityHits(db: Kysely<DB>, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("activity")
    .select(["id", "title", "place", "status", "starts_on"])
    .where("id", "in", ids)
    .execute();
  return inOrder(ids, rows);
}

export async function eventHits(db: Kysely<DB>, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("event")
    .select(["id", "title", "place", "starts_at"])
    .where("id", "in", ids)
    .execute();
  return inOrder(ids, rows);
}

export async function newsHits(db: Kysely<DB>, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("news_post")
    .select(["id", "title", "status", "published_on"])
    .where("id", "in", ids)
    .execute();
  return inOrder(ids, rows);
}
