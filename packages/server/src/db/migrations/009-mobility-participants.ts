import type { Kysely } from "kysely";

/** A mobility can be one person's record rather than a count: who went, linked to the people register. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("activity")
    .addColumn("participant_id", "text", (c) => c.references("person.id").onDelete("set null"))
    .execute();
  await db.schema.createIndex("activity_participant").on("activity").column("participant_id").execute();
}
