import type { Kysely } from "kysely";

/** Pictures of agreements, events, news posts and activities, with their captions, credits and alt texts. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("picture")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("owner_kind", "text", (c) => c.notNull())
    .addColumn("owner_id", "text", (c) => c.notNull())
    .addColumn("file_key", "text", (c) => c.notNull().unique())
    .addColumn("original_name", "text", (c) => c.notNull())
    .addColumn("media_type", "text", (c) => c.notNull())
    .addColumn("original_ext", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("width", "integer", (c) => c.notNull())
    .addColumn("height", "integer", (c) => c.notNull())
    .addColumn("thumb_width", "integer", (c) => c.notNull())
    .addColumn("thumb_height", "integer", (c) => c.notNull())
    .addColumn("display_width", "integer", (c) => c.notNull())
    .addColumn("display_height", "integer", (c) => c.notNull())
    .addColumn("caption", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("alt", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("credit", "text")
    .addColumn("is_public", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("uploaded_by", "text")
    .addColumn("uploaded_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("picture_owner").on("picture").columns(["owner_kind", "owner_id", "position"]).execute();
}
