import type { Kysely } from "kysely";

/**
 * The units an account is limited to, and an index to find the agreements a unit is responsible for. Removing the account removes its units; a unit someone is
 * limited to cannot be deleted (no cascade), since losing the row would lift the limit.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("user_unit")
    .addColumn("user_id", "text", (c) => c.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisation.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("user_unit_pk", ["user_id", "organisation_id"])
    .execute();
  await db.schema.createIndex("user_unit_organisation").on("user_unit").column("organisation_id").execute();
  // Which agreements a unit is responsible for: the filter of a limited account's lists.
  await db.schema
    .createIndex("agreement_party_unit")
    .on("agreement_party")
    .columns(["responsible_unit_id", "agreement_id"])
    .execute();
}
