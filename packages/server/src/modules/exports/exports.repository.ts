import type { Kysely } from "kysely";
import type { DB } from "#db/schema.js";

/** An empty page still makes valid SQL: `in ('')` matches nothing, as no id is empty. */
const inList = (ids: readonly string[]): string[] => (ids.length ? [...ids] : [""]);

/**
 * The columns a list view leaves out but a spreadsheet row carries, read for one page of records
 * the list has already selected (and so already allowed) at a time.
 */

/** Website, description, parent and identifiers of organisations, by id. */
export async function organisationExtras(db: Kysely<DB>, ids: readonly string[]) {
  const [rows, identifiers] = await Promise.all([
    db
      .selectFrom("organisation")
      .select(["id", "website", "description", "parent_id"])
      .where("id", "in", inList(ids))
      .execute(),
    db
      .selectFrom("organisation_identifier")
      .select(["organisation_id", "scheme", "value"])
      .where("organisation_id", "in", inList(ids))
      .orderBy("organisation_id")
      .orderBy("scheme")
      .orderBy("value")
      .execute(),
  ]);
  return { rows: new Map(rows.map((r) => [r.id, r])), identifiers };
}

/**
 * Names of organisations, with whether another organisation shares the name once accents and
 * case are set aside: a shared name cannot tell them apart in a sheet, so the id stands in for it.
 */
export async function organisationNames(
  db: Kysely<DB>,
  ids: readonly string[],
): Promise<Map<string, { name: string; shared: boolean }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("organisation")
    .select(["id", "name", "sort_name"])
    .where("id", "in", [...ids])
    .execute();
  const keys = [...new Set(rows.map((r) => r.sort_name))];
  const counts = keys.length
    ? await db
        .selectFrom("organisation")
        .select((eb) => ["sort_name", eb.fn.countAll<string | number>().as("n")])
        .where("sort_name", "in", keys)
        .groupBy("sort_name")
        .execute()
    : [];
  const shared = new Set(counts.filter((c) => Number(c.n) > 1).map((c) => c.sort_name));
  return new Map(rows.map((r) => [r.id, { name: r.name, shared: shared.has(r.sort_name) }]));
}

/** The stored status, content and themes of agreements, by id. */
export async function agreementExtras(db: Kysely<DB>, ids: readonly string[]) {
  const [rows, themes] = await Promise.all([
    db
      .selectFrom("agreement")
      .select(["id", "status", "language", "summary", "fields", "notice_months", "tacit_renewal", "terminated_on"])
      .where("id", "in", inList(ids))
      .execute(),
    db
      .selectFrom("agreement_theme")
      .select(["agreement_id", "label"])
      .where("agreement_id", "in", inList(ids))
      .orderBy("agreement_id")
      .orderBy("label")
      .execute(),
  ]);
  return { rows: new Map(rows.map((r) => [r.id, r])), themes };
}
