import type { Kysely } from "kysely";

/** Progress reviews once held: the next review covers what happened since the last one. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("progress_review")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agreement_id", "text", (c) => c.notNull().references("agreement.id").onDelete("cascade"))
    .addColumn("held_on", "text", (c) => c.notNull())
    .addColumn("recorded_by", "text")
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .addUniqueConstraint("progress_review_once_a_day", ["agreement_id", "held_on"])
    .execute();
}
