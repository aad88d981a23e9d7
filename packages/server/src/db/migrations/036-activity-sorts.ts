import { foldText } from "@conventio/domain";
import type { Kysely } from "kysely";

/**
 * The activity list sorts by title as well as by date. Its keyset key is the folded title, stored
 * beside the date's, filled for the activities already recorded and indexed with the id.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("activity")
    .addColumn("sort_title", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  const typed = db as Kysely<{ activity: { id: string; title: string; sort_title: string } }>;
  const activities = await typed.selectFrom("activity").select(["id", "title"]).execute();
  for (const a of activities) {
    await typed
      .updateTable("activity")
      .set({ sort_title: foldText(a.title) })
      .where("id", "=", a.id)
      .execute();
  }
  await db.schema.createIndex("activity_title_sort").on("activity").columns(["sort_title", "id"]).execute();
}
