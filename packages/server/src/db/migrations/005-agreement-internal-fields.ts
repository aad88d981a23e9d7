import type { Kysely } from "kysely";

/** Field-by-field visibility of public agreements: the parts kept internal. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("agreement")
    .addColumn("internal_fields", "text", (c) => c.notNull().defaultTo('["signatories","history"]'))
    .execute();
}
