import { type Kysely, sql } from "kysely";

/**
 * Events say how to reach their contact by phone and where to register, and may address several
 * audiences: the single audience each event had becomes its first row of event_audience.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("event").addColumn("contact_phone", "text").execute();
  await db.schema.alterTable("event").addColumn("registration_url", "text").execute();
  await db.schema
    .createTable("event_audience")
    .addColumn("event_id", "text", (c) => c.notNull().references("event.id").onDelete("cascade"))
    .addColumn("audience", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("event_audience_pk", ["event_id", "audience"])
    .execute();
  await sql`insert into event_audience (event_id, audience) select id, audience from event`.execute(db);
  await db.schema.alterTable("event").dropColumn("audience").execute();
}
