import type { Kysely } from "kysely";

/** Agreement summaries in several languages, and the managed vocabulary of themes. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("agreement")
    .addColumn("summaries", "text", (c) => c.notNull().defaultTo("[]"))
    .execute();
  await db.schema
    .createTable("theme")
    .addColumn("theme", "text", (c) => c.primaryKey())
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("labels", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
}
