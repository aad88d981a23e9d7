import type { Kysely } from "kysely";

/** Named views of the lists, kept per person on the server so they follow the person to any browser. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("saved_view")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("list", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("search", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("saved_view_owner")
    .on("saved_view")
    .columns(["user_id", "list", "name"])
    .unique()
    .execute();
}
