import type { Kysely } from "kysely";

/** Agreements: parties, signatories, themes, axes, commitments and the lifecycle history. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("agreement")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("reference", "text", (c) => c.notNull().unique())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("sort_key", "text", (c) => c.notNull())
    .addColumn("titles", "text", (c) => c.notNull())
    .addColumn("summary", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("signed_on", "text")
    .addColumn("starts_on", "text")
    .addColumn("ends_on", "text")
    .addColumn("notice_months", "integer")
    .addColumn("tacit_renewal", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("terminated_on", "text")
    .addColumn("termination_reason", "text")
    .addColumn("framework_id", "text", (c) => c.references("agreement.id").onDelete("set null"))
    .addColumn("predecessor_id", "text", (c) => c.references("agreement.id").onDelete("set null"))
    .addColumn("visibility", "text", (c) => c.notNull())
    .addColumn("fields", "text", (c) => c.notNull())
    .addColumn("objectives", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("agreement_sort").on("agreement").columns(["sort_key", "id"]).execute();
  await db.schema.createIndex("agreement_kind").on("agreement").columns(["kind", "sort_key", "id"]).execute();
  await db.schema.createIndex("agreement_status_end").on("agreement").columns(["status", "ends_on"]).execute();
  await db.schema.createIndex("agreement_framework").on("agreement").column("framework_id").execute();
  await db.schema.createIndex("agreement_predecessor").on("agreement").column("predecessor_id").execute();

  await db.schema
    .createTable("agreement_party")
    .addColumn("agreement_id", "text", (c) => c.notNull().references("agreement.id").onDelete("cascade"))
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisation.id").onDelete("restrict"))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("responsible_unit_id", "text", (c) => c.references("organisation.id").onDelete("set null"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("agreement_party_pk", ["agreement_id", "organisation_id"])
    .execute();
  await db.schema
    .createIndex("agreement_party_org")
    .on("agreement_party")
    .columns(["organisation_id", "agreement_id"])
    .execute();

  await db.schema
    .createTable("agreement_theme")
    .addColumn("agreement_id", "text", (c) => c.notNull().references("agreement.id").onDelete("cascade"))
    .addColumn("theme", "text", (c) => c.notNull())
    .addColumn("label", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("agreement_theme_pk", ["agreement_id", "theme"])
    .execute();
  await db.schema
    .createIndex("agreement_theme_theme")
    .on("agreement_theme")
    .columns(["theme", "agreement_id"])
    .execute();

  await db.schema
    .createTable("agreement_signatory")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agreement_id", "text", (c) => c.notNull().references("agreement.id").onDelete("cascade"))
    .addColumn("person_id", "text", (c) => c.references("person.id").onDelete("set null"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("organisation_id", "text", (c) => c.references("organisation.id").onDelete("set null"))
    .addColumn("signed_on", "text")
    .addColumn("place", "text")
    .addColumn("position", "integer", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("agreement_signatory_agreement")
    .on("agreement_signatory")
    .column("agreement_id")
    .execute();
  await db.schema.createIndex("agreement_signatory_person").on("agreement_signatory").column("person_id").execute();

  await db.schema
    .createTable("agreement_axis")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agreement_id", "text", (c) => c.notNull().references("agreement.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text")
    .addColumn("coordinator_ids", "text", (c) => c.notNull())
    .addColumn("objectives", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("agreement_axis_agreement").on("agreement_axis").column("agreement_id").execute();

  await db.schema
    .createTable("agreement_commitment")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agreement_id", "text", (c) => c.notNull().references("agreement.id").onDelete("cascade"))
    .addColumn("organisation_id", "text", (c) => c.references("organisation.id").onDelete("set null"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("levels", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("agreement_commitment_agreement")
    .on("agreement_commitment")
    .column("agreement_id")
    .execute();

  await db.schema
    .createTable("agreement_event")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agreement_id", "text", (c) => c.notNull().references("agreement.id").onDelete("cascade"))
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("actor_id", "text")
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("from_status", "text")
    .addColumn("to_status", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .execute();
  await db.schema
    .createIndex("agreement_event_agreement")
    .on("agreement_event")
    .columns(["agreement_id", "at"])
    .execute();
}
