import type { Kysely } from "kysely";

/**
 * The staff dashboard's figures as last worked out, kept when working them out was slow (a large
 * installation): every process serves them from here for a short while instead of summing every
 * agreement and mobility row on each visit.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("dashboard_figures")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("figures", "text", (c) => c.notNull())
    .addColumn("computed_at", "text", (c) => c.notNull())
    .addColumn("took_ms", "integer", (c) => c.notNull())
    .execute();
}
