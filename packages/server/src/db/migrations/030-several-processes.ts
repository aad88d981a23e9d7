import { type Kysely, sql } from "kysely";
import { dialectOf } from "../dialect.js";

/**
 * What several processes on one database need (decision 029): a file store in the database that
 * every process reaches, and a claim on each queued e-mail so that two processes never send one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = dialectOf(db) === "postgres";
  await db.schema
    .createTable("stored_file")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("content", pg ? "bytea" : "blob", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  if (pg) {
    // Uploads are mostly compressed already (PDF, JPEG, WebP, office zips): kept out of line and
    // uncompressed, which also lets a download read its file a slice at a time.
    await sql`alter table stored_file alter column content set storage external`.execute(db);
  }

  await db.schema.alterTable("mail_outbox").addColumn("claimed_at", "text").execute();
}
