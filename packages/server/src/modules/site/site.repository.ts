import { type LocalisedText, pickLocalised, type ShownText, type UiLanguage } from "@conventio/domain";
import { type Kysely, sql } from "kysely";
import type { DB } from "#db/schema.js";
import { organisationName } from "#modules/portal/partnership-page.js";

/**
 * What the public pages need beyond the portal's pages: the choices their filters offer (only
 * values some public record has), the home page's figures, a unit with the units below it, and
 * whether a record now hidden was once published (410 rather than 404).
 */

const parse = (json: string | null): LocalisedText[] => (json ? (JSON.parse(json) as LocalisedText[]) : []);

export async function publicAgreementCountries(db: Kysely<DB>): Promise<{ code: string; count: number }[]> {
  const rows = await db
    .selectFrom("agreement_party as p")
    .innerJoin("agreement as a", "a.id", "p.agreement_id")
    .innerJoin("organisation as o", "o.id", "p.organisation_id")
    .select(({ fn }) => ["o.country_code", fn.count<string | number>("a.id").distinct().as("n")])
    .where("a.visibility", "=", "public")
    .where("o.country_code", "is not", null)
    .groupBy("o.country_code")
    .execute();
  return rows.map((r) => ({ code: r.country_code ?? "", count: Number(r.n) }));
}

export async function publicAgreementThemes(
  db: Kysely<DB>,
  lang: UiLanguage,
): Promise<{ value: string; label: string; count: number }[]> {
  const rows = await db
    .selectFrom("agreement_theme as t")
    .innerJoin("agreement as a", "a.id", "t.agreement_id")
    .leftJoin("theme as v", "v.theme", "t.theme")
    .select(({ fn }) => [
      "t.theme",
      fn.min("t.label").as("label"),
      fn.min("v.labels").as("labels"),
      fn.count<string | number>("a.id").as("n"),
    ])
    .where("a.visibility", "=", "public")
    .groupBy("t.theme")
    .execute();
  return rows.map((r) => ({
    value: r.theme,
    label: pickLocalised(String(r.label), null, parse(r.labels as string | null), lang).text,
    count: Number(r.n),
  }));
}

export async function publicAgreementKinds(db: Kysely<DB>): Promise<{ kind: string; count: number }[]> {
  const rows = await db
    .selectFrom("agreement")
    .select(({ fn }) => ["kind", fn.countAll<string | number>().as("n")])
    .where("visibility", "=", "public")
    .groupBy("kind")
    .execute();
  return rows.map((r) => ({ kind: r.kind, count: Number(r.n) }));
}

/** Units responsible for some public agreement, named in the reader's language. */
export async function publicAgreementUnits(
  db: Kysely<DB>,
  lang: UiLanguage,
): Promise<{ value: string; label: string; count: number }[]> {
  const rows = await db
    .selectFrom("agreement_party as p")
    .innerJoin("agreement as a", "a.id", "p.agreement_id")
    .innerJoin("organisation as o", "o.id", "p.responsible_unit_id")
    .select(({ fn }) => ["o.id", "o.name", "o.names", fn.count<string | number>("a.id").distinct().as("n")])
    .where("a.visibility", "=", "public")
    .groupBy(["o.id", "o.name", "o.names"])
    .execute();
  return rows.map((r) => ({
    value: r.id,
    label: organisationName({ name: r.name, names: parse(r.names) }, lang).text,
    count: Number(r.n),
  }));
}

export async function publicOrganisationKinds(db: Kysely<DB>): Promise<{ kind: string; count: number }[]> {
  const rows = await db
    .selectFrom("organisation")
    .select(({ fn }) => ["kind", fn.countAll<string | number>().as("n")])
    .where("visibility", "=", "public")
    .groupBy("kind")
    .execute();
  return rows.map((r) => ({ kind: r.kind, count: Number(r.n) }));
}

export async function publicCounts(
  db: Kysely<DB>,
): Promise<{ partnerships: number; partners: number; countries: number }> {
  const [agreements, partners] = await Promise.all([
    db
      .selectFrom("agreement")
      .select(({ fn }) => fn.countAll<string | number>().as("n"))
      .where("visibility", "=", "public")
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("organisation")
      .select(({ fn }) => [
        fn.countAll<string | number>().as("n"),
        fn.count<string | number>("country_code").distinct().as("countries"),
      ])
      .where("visibility", "=", "public")
      .where("kind", "!=", "unit")
      .executeTakeFirstOrThrow(),
  ]);
  return {
    partnerships: Number(agreements.n),
    partners: Number(partners.n),
    countries: Number(partners.countries),
  };
}

/** A unit and every unit below it; UNION drops repeats, so a loop in the tree cannot run forever. */
export async function unitAndBelow(db: Kysely<DB>, id: string): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    with recursive below(id) as (
      select id from organisation where id = ${id}
      union
      select o.id from organisation o inner join below b on o.parent_id = b.id
    )
    select id from below`.execute(db);
  return rows.map((r) => r.id);
}

const PUBLISHED_MARK: Record<string, string> = {
  agreement: '%"visibility"%"public"%',
  organisation: '%"visibility"%"public"%',
  event: '%"visibility"%"public"%',
  news: '%"status"%"published"%',
};

/**
 * Whether a record the public can no longer read was published once, read from the audit log:
 * some change or snapshot of it named it public (or published). Such an address answers 410.
 */
export async function wasPublished(db: Kysely<DB>, entity: keyof typeof PUBLISHED_MARK, id: string): Promise<boolean> {
  const mark = PUBLISHED_MARK[entity];
  if (!mark) return false;
  const hit = await db
    .selectFrom("audit_event")
    .select("id")
    .where("entity", "=", entity)
    .where("entity_id", "=", id)
    .where("changes", "like", mark)
    .limit(1)
    .executeTakeFirst();
  return hit !== undefined;
}

/** The parties of each listed agreement in order, named in the reader's language, with their country. */
export async function partnersOf(
  db: Kysely<DB>,
  ids: string[],
  lang: UiLanguage,
): Promise<Map<string, { id: string; name: ShownText; countryCode: string | null; public: boolean }[]>> {
  const result = new Map<string, { id: string; name: ShownText; countryCode: string | null; public: boolean }[]>();
  if (ids.length === 0) return result;
  const rows = await db
    .selectFrom("agreement_party as p")
    .innerJoin("organisation as o", "o.id", "p.organisation_id")
    .select(["p.agreement_id", "o.id", "o.name", "o.names", "o.country_code", "o.visibility"])
    .where("p.agreement_id", "in", ids)
    .orderBy("p.agreement_id")
    .orderBy("p.position")
    .execute();
  for (const r of rows) {
    const list = result.get(r.agreement_id) ?? [];
    list.push({
      id: r.id,
      name: organisationName({ name: r.name, names: parse(r.names) }, lang),
      countryCode: r.country_code,
      public: r.visibility === "public",
    });
    result.set(r.agreement_id, list);
  }
  return result;
}

export async function rorOf(db: Kysely<DB>, organisationId: string): Promise<string | null> {
  const row = await db
    .selectFrom("organisation_identifier")
    .select("value")
    .where("organisation_id", "=", organisationId)
    .where("scheme", "=", "ror")
    .executeTakeFirst();
  return row?.value ?? null;
}

export type SitemapKind = "partnerships" | "partners" | "events" | "news";

const SITEMAP_SOURCES = {
  partnerships: ["agreement", "visibility", "public"],
  partners: ["organisation", "visibility", "public"],
  events: ["event", "visibility", "public"],
  news: ["news_post", "status", "published"],
} as const;

/**
 * The public rows of a kind. Each table has an id, an updated_at and its own mark of being
 * public; the query is typed as the agreements' since it reads only those columns.
 */
function publicRecords(db: Kysely<DB>, kind: SitemapKind) {
  const [table, column, value] = SITEMAP_SOURCES[kind];
  return db.selectFrom(table as "agreement").where(column as "visibility", "=", value as "public");
}

export async function sitemapCount(db: Kysely<DB>, kind: SitemapKind): Promise<number> {
  const row = await publicRecords(db, kind)
    .select(({ fn }) => fn.countAll<string | number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One sitemap file's public records of a kind, in id order, with the day each last changed. */
export async function sitemapEntries(
  db: Kysely<DB>,
  kind: SitemapKind,
  offset: number,
  limit: number,
): Promise<{ id: string; modified: string }[]> {
  const rows = await publicRecords(db, kind)
    .select(["id", "updated_at"])
    .orderBy("id")
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map((r) => ({ id: r.id, modified: String(r.updated_at).slice(0, 10) }));
}
