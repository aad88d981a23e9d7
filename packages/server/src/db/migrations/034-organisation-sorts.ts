import { type Kysely, sql } from "kysely";

/**
 * The organisation list sorts by country then name as well as by name: its keyset key is the
 * country code (or "~~" for none) followed by the folded name (see organisation-sort.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex("organisation_country_sort")
    .on("organisation")
    .expression(sql`(coalesce(country_code, '~~') || sort_name), id`)
    .execute();
}
