import type { Kysely } from "kysely";

/**
 * Password resets, invitations, second factors and sign-in throttling: single-use links by hash,
 * a TOTP secret per account, and where each session was opened from.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("user_session").addColumn("ip", "text").execute();
  await db.schema.alterTable("user_session").addColumn("user_agent", "text").execute();

  await db.schema
    .createTable("account_link")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.references("app_user.id").onDelete("cascade"))
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("name", "text")
    .addColumn("role", "text")
    .addColumn("created_by", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();
  await db.schema.createIndex("account_link_kind").on("account_link").columns(["kind", "created_at"]).execute();
  await db.schema.createIndex("account_link_email").on("account_link").columns(["email"]).execute();

  await db.schema
    .createTable("user_totp")
    .addColumn("user_id", "text", (c) => c.primaryKey().references("app_user.id").onDelete("cascade"))
    .addColumn("secret", "text", (c) => c.notNull())
    .addColumn("enabled_at", "text")
    .addColumn("last_step", "integer")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
}
