import { searchTokens } from "@conventio/domain";
import { type Kysely, type RawBuilder, type SqlBool, sql } from "kysely";
import type { Dialect } from "#db/connection.js";
import type { DB } from "#db/schema.js";
import type { SearchIndex } from "#db/search-index.js";
import { type EntryRow, searchPartsOf } from "./registry-entry.js";

/** Rows per statement: well under both engines' limits on bound parameters. */
const CHUNK = 500;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function entriesByIds(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, EntryRow>> {
  const out = new Map<string, EntryRow>();
  for (const part of chunks([...new Set(ids)])) {
    const rows = await db.selectFrom("registry_entry").selectAll().where("id", "in", part).execute();
    for (const r of rows) out.set(r.id, r);
  }
  return out;
}

/**
 * Inserts new rows and rewrites changed ones, and the search documents of those whose searchable
 * text changed (rewriting a document is the costly part: SQLite's index erases deleted text).
 */
export async function writeEntries(
  db: Kysely<DB>,
  search: SearchIndex,
  rows: readonly EntryRow[],
  documents: readonly EntryRow[],
): Promise<void> {
  for (const part of chunks(rows, 250)) {
    await db
      .insertInto("registry_entry")
      .values(part)
      .onConflict((oc) =>
        oc.column("id").doUpdateSet((eb) => ({
          name: eb.ref("excluded.name"),
          names: eb.ref("excluded.names"),
          acronym: eb.ref("excluded.acronym"),
          kind: eb.ref("excluded.kind"),
          country_code: eb.ref("excluded.country_code"),
          city: eb.ref("excluded.city"),
          lat: eb.ref("excluded.lat"),
          lng: eb.ref("excluded.lng"),
          website: eb.ref("excluded.website"),
          ror_id: eb.ref("excluded.ror_id"),
          erasmus_code: eb.ref("excluded.erasmus_code"),
          pic: eb.ref("excluded.pic"),
          oid: eb.ref("excluded.oid"),
          identifiers: eb.ref("excluded.identifiers"),
          source: eb.ref("excluded.source"),
          status: eb.ref("excluded.status"),
          relationships: eb.ref("excluded.relationships"),
          parent_ror_id: eb.ref("excluded.parent_ror_id"),
          successor_ror_id: eb.ref("excluded.successor_ror_id"),
          aliases: eb.ref("excluded.aliases"),
          match_name: eb.ref("excluded.match_name"),
          eche_record: eb.ref("excluded.eche_record"),
        })),
      )
      .execute();
  }
  await search.putMany(
    db,
    "registry",
    documents.map((r) => ({ id: r.id, parts: searchPartsOf(r) })),
  );
}

/** Removes entries and their search documents (a charter holder's own entry, once merged with its ROR entry). */
export async function deleteEntries(db: Kysely<DB>, search: SearchIndex, ids: readonly string[]): Promise<void> {
  for (const part of chunks(ids)) await db.deleteFrom("registry_entry").where("id", "in", part).execute();
  await search.removeMany(db, "registry", ids);
}

/** Which of these ids the registry holds. */
export async function existingIds(db: Kysely<DB>, ids: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const part of chunks([...new Set(ids)])) {
    const rows = await db.selectFrom("registry_entry").select("id").where("id", "in", part).execute();
    for (const r of rows) out.add(r.id);
  }
  return out;
}

/** Entries carrying charter-list codes, to find a charter row's entry by Erasmus code or PIC. */
export function entriesWithCodes(db: Kysely<DB>) {
  return db
    .selectFrom("registry_entry")
    .select(["id", "erasmus_code", "pic", "source"])
    .where((eb) => eb.or([eb("erasmus_code", "is not", null), eb("pic", "is not", null)]))
    .execute();
}

/** The relationships of these entries, to derive parents and successors named from the other side. */
export async function relationState(
  db: Kysely<DB>,
  ids: readonly string[],
): Promise<
  Array<{ id: string; relationships: string; parent_ror_id: string | null; successor_ror_id: string | null }>
> {
  const out = [];
  for (const part of chunks([...new Set(ids)])) {
    out.push(
      ...(await db
        .selectFrom("registry_entry")
        .select(["id", "relationships", "parent_ror_id", "successor_ror_id"])
        .where("id", "in", part)
        .execute()),
    );
  }
  return out;
}

/** Sets the derived parent and successor of entries, one statement per chunk. */
export async function setRelations(
  db: Kysely<DB>,
  updates: ReadonlyArray<{ id: string; parent: string | null; successor: string | null }>,
): Promise<void> {
  for (const part of chunks(updates, 200)) {
    const parent = sql.join(
      part.map((u) => sql`when ${u.id} then ${u.parent}`),
      sql` `,
    );
    const successor = sql.join(
      part.map((u) => sql`when ${u.id} then ${u.successor}`),
      sql` `,
    );
    await db
      .updateTable("registry_entry")
      .set({
        parent_ror_id: sql<string | null>`case id ${parent} end`,
        successor_ror_id: sql<string | null>`case id ${successor} end`,
      })
      .where(
        "id",
        "in",
        part.map((u) => u.id),
      )
      .execute();
  }
}

/** Registry entries by their ROR ids: the parents and successors an entry names. */
export async function entriesByRorIds(
  db: Kysely<DB>,
  rorIds: readonly string[],
): Promise<Map<string, { id: string; name: string }>> {
  const out = new Map<string, { id: string; name: string }>();
  for (const part of chunks([...new Set(rorIds)])) {
    const rows = await db
      .selectFrom("registry_entry")
      .select(["id", "name", "ror_id"])
      .where("ror_id", "in", part)
      .execute();
    for (const r of rows) if (r.ror_id) out.set(r.ror_id, { id: r.id, name: r.name });
  }
  return out;
}

/** Entries that name this ROR id as their parent or successor: the units and predecessors of an adopted entry. */
export function relativesNaming(db: Kysely<DB>, rorId: string) {
  return db
    .selectFrom("registry_entry")
    .select(["ror_id", "kind", "parent_ror_id", "successor_ror_id"])
    .where((eb) => eb.or([eb("parent_ror_id", "=", rorId), eb("successor_ror_id", "=", rorId)]))
    .where("ror_id", "is not", null)
    .execute();
}

/**
 * Search ranked the same way on both engines, whatever each engine's own relevance score says:
 * active entries before inactive and withdrawn ones; then by how the name matches (the whole
 * name; its first words; its beginning; every word typed beginning a word of the name; a match
 * elsewhere: an alias, the city, a code); then shorter names; then the name and the id in byte
 * order, so ties always break the same way.
 */
export async function searchEntries(
  db: Kysely<DB>,
  deps: { search: SearchIndex; dialect: Dialect },
  q: { q: string; country?: string | undefined; limit: number },
): Promise<EntryRow[]> {
  const tokens = searchTokens(q.q).slice(0, 12);
  const condition = deps.search.matches("registry", sql.ref("registry_entry.id"), q.q);
  if (!condition || tokens.length === 0) return [];
  const phrase = tokens.join(" ");
  const spaced = sql<string>`(' ' || match_name)`;
  const everyWord = sql.join(
    tokens.map((t) => sql`${spaced} like ${`% ${t}%`}`),
    sql` and `,
  ) as RawBuilder<SqlBool>;
  const matchClass = sql<number>`case
    when match_name = ${phrase} then 0
    when match_name like ${`${phrase} %`} then 1
    when match_name like ${`${phrase}%`} then 2
    when ${everyWord} then 3
    else 4 end`;
  const statusRank = sql<number>`case status when 'active' then 0 when 'inactive' then 1 else 2 end`;
  const bytes = (column: string) =>
    deps.dialect === "postgres" ? sql`${sql.ref(column)} collate "C"` : sql.ref(column);
  let query = db.selectFrom("registry_entry").selectAll().where(condition);
  if (q.country) query = query.where("country_code", "=", q.country);
  return query
    .orderBy(statusRank)
    .orderBy(matchClass)
    .orderBy(sql`length(match_name)`)
    .orderBy(bytes("match_name"))
    .orderBy(bytes("id"))
    .limit(q.limit)
    .execute();
}
