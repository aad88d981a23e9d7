import { foldText } from "@conventio/domain";
import type { Kysely } from "kysely";

/**
 * The person list sorts by position or title (then name) as well as by name. Its keyset key is
 * stored beside the name's: the folded title with "!" for its spaces ("~" for none), a space,
 * then the folded name (see
 * person-sort.ts); it is filled for the people already recorded and indexed with the id.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("person")
    .addColumn("sort_title", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  const typed = db as Kysely<{ person: { id: string; title: string | null; sort_name: string; sort_title: string } }>;
  const people = await typed.selectFrom("person").select(["id", "title", "sort_name"]).execute();
  for (const p of people) {
    const folded = p.title ? foldText(p.title).trim().replace(/\s+/g, "!") : "";
    await typed
      .updateTable("person")
      .set({ sort_title: `${folded || "~"} ${p.sort_name}` })
      .where("id", "=", p.id)
      .execute();
  }
  await db.schema.createIndex("person_title_sort").on("person").columns(["sort_title", "id"]).execute();
}
