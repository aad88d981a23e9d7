import type { Kysely } from "kysely";

/**
 * The EWP node: the installation's RSA keys, the durable outbox of notifications and fetches,
 * the log of calls both ways, the request ids seen inside the signature window, when each
 * partner's index was last polled, and the partner's approval response kept with the version it
 * approved.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("ewp_key")
    .addColumn("purpose", "text", (c) => c.primaryKey())
    .addColumn("key_id", "text", (c) => c.notNull())
    .addColumn("public_key", "text", (c) => c.notNull())
    .addColumn("private_key", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("ewp_outbox")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("hei_id", "text", (c) => c.notNull())
    .addColumn("partner_hei_id", "text", (c) => c.notNull())
    .addColumn("iia_id", "text", (c) => c.notNull())
    .addColumn("agreement_id", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull())
    .addColumn("next_attempt_at", "text", (c) => c.notNull())
    .addColumn("last_error", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("ewp_outbox_due").on("ewp_outbox").columns(["status", "next_attempt_at"]).execute();
  await db.schema
    .createIndex("ewp_outbox_agreement")
    .on("ewp_outbox")
    .columns(["agreement_id", "created_at"])
    .execute();

  await db.schema
    .createTable("ewp_call")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("direction", "text", (c) => c.notNull())
    .addColumn("api", "text", (c) => c.notNull())
    .addColumn("method", "text", (c) => c.notNull())
    .addColumn("url", "text", (c) => c.notNull())
    .addColumn("status", "integer")
    .addColumn("duration_ms", "integer", (c) => c.notNull())
    .addColumn("error", "text")
    .addColumn("partner_hei_id", "text")
    .addColumn("iia_id", "text")
    .addColumn("agreement_id", "text")
    .addColumn("outbox_id", "text")
    .execute();
  await db.schema.createIndex("ewp_call_agreement").on("ewp_call").columns(["agreement_id", "at"]).execute();
  await db.schema.createIndex("ewp_call_at").on("ewp_call").columns(["at"]).execute();

  await db.schema
    .createTable("ewp_request_seen")
    .addColumn("request_id", "text", (c) => c.primaryKey())
    .addColumn("key_id", "text", (c) => c.notNull())
    .addColumn("seen_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("ewp_request_seen_at").on("ewp_request_seen").columns(["seen_at"]).execute();

  await db.schema
    .createTable("ewp_poll")
    .addColumn("partner_hei_id", "text", (c) => c.primaryKey())
    .addColumn("polled_at", "text", (c) => c.notNull())
    .execute();

  await db.schema.alterTable("agreement_iia_version").addColumn("proof", "text").execute();
}
