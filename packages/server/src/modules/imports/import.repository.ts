import type { ColumnMapping, ImportKind } from "@conventio/domain";
import type { Kysely } from "kysely";
import type { DB } from "#db/schema.js";

/** The mapping saved for a file layout, or null. */
export async function findMapping(db: Kysely<DB>, layoutKey: string): Promise<ColumnMapping | null> {
  const row = await db
    .selectFrom("import_mapping")
    .select("mapping")
    .where("layout_key", "=", layoutKey)
    .executeTakeFirst();
  return row ? (JSON.parse(row.mapping) as ColumnMapping) : null;
}

/** Saves (or replaces) the mapping of a file layout. */
export async function saveMapping(
  db: Kysely<DB>,
  row: { layoutKey: string; kind: ImportKind; mapping: ColumnMapping; updatedBy: string | null; updatedAt: string },
): Promise<void> {
  const values = {
    layout_key: row.layoutKey,
    kind: row.kind,
    mapping: JSON.stringify(row.mapping),
    updated_by: row.updatedBy,
    updated_at: row.updatedAt,
  };
  await db
    .insertInto("import_mapping")
    .values(values)
    .onConflict((oc) =>
      oc.column("layout_key").doUpdateSet({
        mapping: values.mapping,
        kind: values.kind,
        updated_by: values.updated_by,
        updated_at: values.updated_at,
      }),
    )
    .execute();
}
