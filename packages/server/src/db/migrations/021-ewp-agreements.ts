import type { Kysely } from "kysely";

/**
 * Erasmus Without Paper: the installation's own institutions as the Institutions, OUnits and
 * Factsheet APIs serve them, and the inter-institutional agreement (IIA v7) of an Erasmus+
 * agreement: our copy, the partner's copy as received, approvals and approved versions.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("ewp_institution")
    .addColumn("hei_id", "text", (c) => c.primaryKey())
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("agreement_iia")
    .addColumn("agreement_id", "text", (c) => c.primaryKey().references("agreement.id").onDelete("cascade"))
    .addColumn("iia_id", "text", (c) => c.notNull().unique())
    .addColumn("hei_id", "text", (c) => c.notNull())
    .addColumn("partner_hei_id", "text", (c) => c.notNull())
    .addColumn("partner_iia_id", "text")
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("iia_hash", "text", (c) => c.notNull())
    .addColumn("valid_for_approval", "integer", (c) => c.notNull())
    .addColumn("modified_at", "text", (c) => c.notNull())
    .addColumn("partner_data", "text")
    .addColumn("partner_hash", "text")
    .addColumn("partner_valid_for_approval", "integer")
    .addColumn("partner_received_at", "text")
    .addColumn("approved_by_us_hash", "text")
    .addColumn("approved_by_us_at", "text")
    .addColumn("approved_by_partner_hash", "text")
    .addColumn("approved_by_partner_at", "text")
    .execute();
  await db.schema
    .createIndex("agreement_iia_partner")
    .on("agreement_iia")
    .columns(["partner_hei_id", "partner_iia_id"])
    .execute();
  await db.schema
    .createIndex("agreement_iia_modified")
    .on("agreement_iia")
    .columns(["modified_at", "agreement_id"])
    .execute();

  // The academic years a partner receives mobility in, for the index's receiving_academic_year_id filter.
  await db.schema
    .createTable("agreement_iia_year")
    .addColumn("agreement_id", "text", (c) => c.notNull().references("agreement.id").onDelete("cascade"))
    .addColumn("academic_year", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("agreement_iia_year_pk", ["agreement_id", "academic_year"])
    .execute();
  await db.schema
    .createIndex("agreement_iia_year_year")
    .on("agreement_iia_year")
    .columns(["academic_year", "agreement_id"])
    .execute();

  await db.schema
    .createTable("agreement_iia_version")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agreement_id", "text", (c) => c.notNull().references("agreement.id").onDelete("cascade"))
    .addColumn("side", "text", (c) => c.notNull())
    .addColumn("iia_hash", "text", (c) => c.notNull())
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("approved_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("agreement_iia_version_agreement")
    .on("agreement_iia_version")
    .columns(["agreement_id", "approved_at"])
    .execute();
}
