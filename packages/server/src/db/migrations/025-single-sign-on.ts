import type { Kysely } from "kysely";

/** Single sign-on through OpenID Connect: providers, links of subjects to accounts, sign-ins under way, sessions opened. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("sso_provider")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("issuer", "text", (c) => c.notNull())
    .addColumn("client_id", "text", (c) => c.notNull())
    .addColumn("client_secret", "text", (c) => c.notNull())
    .addColumn("scopes", "text", (c) => c.notNull())
    .addColumn("groups_claim", "text", (c) => c.notNull())
    .addColumn("role_mapping", "text", (c) => c.notNull())
    .addColumn("default_role", "text", (c) => c.notNull())
    .addColumn("allow_create", "integer", (c) => c.notNull())
    .addColumn("enabled", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("sso_link")
    .addColumn("provider", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_sign_in_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("sso_link_pk", ["provider", "subject"])
    .execute();
  await db.schema.createIndex("sso_link_user").on("sso_link").columns(["user_id", "provider"]).execute();

  await db.schema
    .createTable("sso_attempt")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("provider", "text", (c) => c.notNull())
    .addColumn("code_verifier", "text", (c) => c.notNull())
    .addColumn("nonce", "text", (c) => c.notNull())
    .addColumn("return_to", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sso_attempt_created").on("sso_attempt").columns(["created_at"]).execute();

  await db.schema
    .createTable("sso_session")
    .addColumn("session_id", "text", (c) => c.primaryKey())
    .addColumn("provider", "text", (c) => c.notNull())
    .addColumn("id_token", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sso_session_created").on("sso_session").columns(["created_at"]).execute();
}
