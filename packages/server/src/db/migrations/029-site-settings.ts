import { type Kysely, sql } from "kysely";

/**
 * The settings of the public side in a table of one row (its id is always 1): the institution's
 * name and colours, footer links, default language, embed origins, open-data licence, and the
 * logo's file.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("site_settings")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("institution_name", "text", (c) => c.notNull())
    .addColumn("primary_colour", "text", (c) => c.notNull())
    .addColumn("accent_colour", "text", (c) => c.notNull())
    .addColumn("footer_links", "text", (c) => c.notNull())
    .addColumn("default_language", "text", (c) => c.notNull())
    .addColumn("embed_origins", "text", (c) => c.notNull())
    .addColumn("licence_name", "text", (c) => c.notNull())
    .addColumn("licence_url", "text", (c) => c.notNull())
    .addColumn("logo_key", "text")
    .addColumn("logo_ext", "text")
    .addColumn("logo_media_type", "text")
    .addColumn("logo_size", "integer")
    .addColumn("logo_sha256", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addCheckConstraint("site_settings_one_row", sql`id = 1`)
    .execute();
}
