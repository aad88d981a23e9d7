import type { Kysely } from "kysely";

/** Column mappings of spreadsheet imports, saved per file layout so the next file of the same shape needs none. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("import_mapping")
    .addColumn("layout_key", "text", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("mapping", "text", (c) => c.notNull())
    .addColumn("updated_by", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
}
