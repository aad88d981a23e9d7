import type { Kysely } from "kysely";
import { dialectOf } from "../dialect.js";

/** What partnerships produce: activities (mobility, projects, bids…) and indicators with yearly values. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const real = dialectOf(db) === "postgres" ? "double precision" : "real";
  await db.schema
    .createTable("activity")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("starts_on", "text")
    .addColumn("ends_on", "text")
    .addColumn("sort_key", "text", (c) => c.notNull())
    .addColumn("agreement_id", "text", (c) => c.references("agreement.id").onDelete("set null"))
    .addColumn("axis_id", "text", (c) => c.references("agreement_axis.id").onDelete("set null"))
    .addColumn("partner_id", "text", (c) => c.references("organisation.id").onDelete("set null"))
    .addColumn("owner_id", "text", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("place", "text")
    .addColumn("laboratories", "text", (c) => c.notNull())
    .addColumn("direction", "text")
    .addColumn("level", "text")
    .addColumn("academic_year", "text")
    .addColumn("participants", "integer")
    .addColumn("funding", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("activity_sort").on("activity").columns(["sort_key", "id"]).execute();
  await db.schema.createIndex("activity_agreement").on("activity").columns(["agreement_id", "sort_key"]).execute();
  await db.schema.createIndex("activity_kind").on("activity").columns(["kind", "sort_key", "id"]).execute();
  // The exchange balance reads only this index.
  await db.schema
    .createIndex("activity_balance")
    .on("activity")
    .columns(["academic_year", "partner_id", "direction", "participants"])
    .execute();

  await db.schema
    .createTable("activity_partner")
    .addColumn("activity_id", "text", (c) => c.notNull().references("activity.id").onDelete("cascade"))
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisation.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("activity_partner_pk", ["activity_id", "organisation_id"])
    .execute();
  await db.schema
    .createIndex("activity_partner_org")
    .on("activity_partner")
    .columns(["organisation_id", "activity_id"])
    .execute();

  await db.schema
    .createTable("indicator")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agreement_id", "text", (c) => c.references("agreement.id").onDelete("cascade"))
    .addColumn("axis_id", "text", (c) => c.references("agreement_axis.id").onDelete("set null"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("unit", "text", (c) => c.notNull())
    .addColumn("baseline", real)
    .addColumn("baseline_year", "integer")
    .addColumn("target", real)
    .addColumn("target_year", "integer")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("indicator_agreement").on("indicator").column("agreement_id").execute();

  await db.schema
    .createTable("indicator_value")
    .addColumn("indicator_id", "text", (c) => c.notNull().references("indicator.id").onDelete("cascade"))
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("value", real, (c) => c.notNull())
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("indicator_value_pk", ["indicator_id", "year"])
    .execute();
  await db.schema.createIndex("indicator_value_recorded").on("indicator_value").columns(["recorded_at"]).execute();
}
