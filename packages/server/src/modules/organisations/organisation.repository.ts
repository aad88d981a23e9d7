import type { OrganisationListQuery, OrganisationRef, UiLanguage } from "@conventio/domain";
import { type IdentifierScheme, UNIQUE_SCHEMES } from "@conventio/domain";
import { type Insertable, type Kysely, type Selectable, sql } from "kysely";
import type { DB } from "#db/schema.js";
import type { SearchIndex } from "#db/search-index.js";
import type { Keyset } from "#http/pagination.js";
import { AppError } from "#shared/app-error.js";
import { presentRef } from "./organisation.presenter.js";
import type { OrganisationTable } from "./organisation.table.js";
import { afterOrganisationKey, organisationSortSql } from "./organisation-sort.js";

export type OrganisationRow = Selectable<OrganisationTable>;
export type IdentifierRow = { scheme: IdentifierScheme; value: string };

export function findOrganisation(db: Kysely<DB>, id: string): Promise<OrganisationRow | undefined> {
  return db.selectFrom("organisation").selectAll().where("id", "=", id).executeTakeFirst();
}

/** References to these organisations, their names in the reader's language; nulls are skipped. */
export async function findRefs(
  db: Kysely<DB>,
  ids: Array<string | null>,
  lang: UiLanguage,
): Promise<Map<string, OrganisationRef>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom("organisation")
    .select(["id", "name", "names", "kind"])
    .where("id", "in", wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, presentRef(r, lang)]));
}

export async function identifiersOf(db: Kysely<DB>, ids: string[]): Promise<Map<string, IdentifierRow[]>> {
  const out = new Map<string, IdentifierRow[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom("organisation_identifier")
    .select(["organisation_id", "scheme", "value"])
    .where("organisation_id", "in", ids)
    .orderBy("scheme")
    .execute();
  for (const r of rows) {
    const list = out.get(r.organisation_id) ?? [];
    list.push({ scheme: r.scheme as IdentifierScheme, value: r.value });
    out.set(r.organisation_id, list);
  }
  return out;
}

export async function replaceIdentifiers(db: Kysely<DB>, organisationId: string, ids: IdentifierRow[]): Promise<void> {
  await db.deleteFrom("organisation_identifier").where("organisation_id", "=", organisationId).execute();
  const unique = new Map(ids.map((i) => [`${i.scheme}\u0000${i.value}`, i]));
  if (unique.size === 0) return;
  await db
    .insertInto("organisation_identifier")
    .values(
      [...unique.values()].map((i) => ({
        organisation_id: organisationId,
        scheme: i.scheme,
        value: i.value,
        unique_value: UNIQUE_SCHEMES.has(i.scheme) ? i.value : null,
      })),
    )
    .execute();
}

/**
 * Which of these (scheme, value) pairs some organisation already holds as a unique identifier.
 * Grouped by scheme, so a large batch stays one shallow query (`scheme = ? and value in (…)`).
 */
export async function heldUniqueIdentifiers(
  db: Kysely<DB>,
  pairs: ReadonlyArray<{ scheme: string; value: string }>,
): Promise<Array<{ scheme: string; value: string; organisation_id: string }>> {
  const byScheme = new Map<string, Set<string>>();
  for (const p of pairs) {
    if (!UNIQUE_SCHEMES.has(p.scheme as IdentifierScheme)) continue;
    const set = byScheme.get(p.scheme) ?? new Set<string>();
    set.add(p.value);
    byScheme.set(p.scheme, set);
  }
  if (byScheme.size === 0) return [];
  const rows = await db
    .selectFrom("organisation_identifier")
    .select(["scheme", "unique_value", "organisation_id"])
    .where((eb) =>
      eb.or(
        [...byScheme].map(([scheme, values]) =>
          eb.and([eb("scheme", "=", scheme), eb("unique_value", "in", [...values])]),
        ),
      ),
    )
    .execute();
  return rows.map((r) => ({ scheme: r.scheme, value: r.unique_value ?? "", organisation_id: r.organisation_id }));
}

/** Organisations other than `except` that already hold one of these unique identifiers. */
export async function holdersOfIdentifiers(
  db: Kysely<DB>,
  ids: IdentifierRow[],
  except: string | null,
): Promise<Array<{ scheme: string; value: string; id: string; name: string }>> {
  const unique = ids.filter((i) => UNIQUE_SCHEMES.has(i.scheme));
  if (unique.length === 0) return [];
  let q = db
    .selectFrom("organisation_identifier as i")
    .innerJoin("organisation as o", "o.id", "i.organisation_id")
    .select(["i.scheme", "i.value", "o.id", "o.name"])
    .where((eb) =>
      eb.or(unique.map((u) => eb.and([eb("i.scheme", "=", u.scheme), eb("i.unique_value", "=", u.value)]))),
    );
  if (except) q = q.where("o.id", "!=", except);
  return q.execute();
}

/** The columns a list shows (names, to show each in the reader's language); wide text columns stay on disk. */
export type OrganisationListRow = Pick<
  OrganisationRow,
  "id" | "kind" | "name" | "names" | "sort_name" | "acronym" | "country_code" | "city" | "visibility"
>;

export function listOrganisationRows(
  db: Kysely<DB>,
  search: SearchIndex,
  filter: OrganisationListQuery & { visibility?: "public" },
  after: Keyset | null,
  limit: number,
): Promise<OrganisationListRow[]> {
  let q = db
    .selectFrom("organisation as o")
    .select([
      "o.id",
      "o.kind",
      "o.name",
      "o.names",
      "o.sort_name",
      "o.acronym",
      "o.country_code",
      "o.city",
      "o.visibility",
    ]);
  if (filter.kind) q = q.where("o.kind", "=", filter.kind);
  if (filter.country) q = q.where("o.country_code", "=", filter.country);
  if (filter.visibility) q = q.where("o.visibility", "=", filter.visibility);
  if (filter.network) {
    const network = filter.network;
    q = q.where("o.id", "in", (eb) =>
      eb.selectFrom("membership").select("member_id").where("network_id", "=", network),
    );
  }
  if (filter.q) {
    const cond = search.matches("organisation", sql.ref<string>("o.id"), filter.q);
    if (cond) q = q.where(cond);
  }
  if (after) {
    q = q.where(afterOrganisationKey(filter.sort, filter.order, after));
  }
  const order = filter.order ?? "asc";
  return q
    .orderBy(organisationSortSql(filter.sort), order)
    .orderBy("o.id", order)
    .limit(limit + 1)
    .execute();
}

export function insertOrganisation(db: Kysely<DB>, row: Insertable<OrganisationTable>) {
  return db.insertInto("organisation").values(row).execute();
}

/** Ids of every unit below the given organisation (for cycle checks and trees). */
export async function descendantsOf(
  db: Kysely<DB>,
  id: string,
): Promise<Array<Pick<OrganisationRow, "id" | "parent_id" | "name" | "names" | "kind">>> {
  const out: Array<Pick<OrganisationRow, "id" | "parent_id" | "name" | "names" | "kind">> = [];
  let frontier = [id];
  const seen = new Set(frontier);
  while (frontier.length > 0) {
    const rows = await db
      .selectFrom("organisation")
      .select(["id", "parent_id", "name", "names", "kind"])
      .where("parent_id", "in", frontier)
      .orderBy("sort_name")
      .execute();
    frontier = [];
    for (const r of rows) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      out.push(r);
      frontier.push(r.id);
    }
  }
  return out;
}

export function membershipsWhere(db: Kysely<DB>, column: "network_id" | "member_id", id: string) {
  return db
    .selectFrom("membership as m")
    .innerJoin("organisation as n", "n.id", "m.network_id")
    .innerJoin("organisation as p", "p.id", "m.member_id")
    .select([
      "m.id",
      "m.since",
      "m.since_precision",
      "m.until",
      "m.until_precision",
      "n.id as network_id",
      "n.name as network_name",
      "n.names as network_names",
      "n.kind as network_kind",
      "p.id as member_id",
      "p.name as member_name",
      "p.names as member_names",
      "p.kind as member_kind",
    ])
    .where(`m.${column}`, "=", id)
    .orderBy(column === "network_id" ? "p.sort_name" : "n.sort_name")
    .execute();
}

/** Likely duplicates: same website host, or a similar name in the same city. */
export async function duplicateCandidates(
  db: Kysely<DB>,
  host: string | null,
  countryCode: string | null,
  cityFolded: string | null,
  except: string | null,
) {
  const sameCity = cityFolded && countryCode ? { countryCode, cityFolded } : null;
  if (!host && !sameCity) return [];
  let q = db
    .selectFrom("organisation")
    .select(["id", "name", "website_host", "city_folded"])
    .where((eb) =>
      eb.or([
        ...(host ? [eb("website_host", "=", host)] : []),
        ...(sameCity
          ? [eb.and([eb("country_code", "=", sameCity.countryCode), eb("city_folded", "=", sameCity.cityFolded)])]
          : []),
      ]),
    );
  if (except) q = q.where("id", "!=", except);
  return q.limit(500).execute();
}

/** The organisation, or an error naming the field that referred to it (else "not found"). */
export async function requireOrganisation(db: Kysely<DB>, id: string, field?: string): Promise<OrganisationRow> {
  const row = await findOrganisation(db, id);
  if (!row) {
    if (field) throw AppError.field("validation_failed", field, "No organisation has this id.");
    throw AppError.notFound("This organisation");
  }
  return row;
}
