import { foldText } from "@conventio/domain";
import { type Kysely, sql } from "kysely";

/** Activities whose key is written per statement: a large installation holds a million mobility rows. */
const BATCH = 500;

/**
 * The activity list sorts by title as well as by date. Its keyset key is the folded title, stored
 * beside the date's, filled for the activities already recorded (folding is done in code, so
 * the keys are worked out here and written a batch per statement) and indexed with the id.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("activity")
    .addColumn("sort_title", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  const typed = db as Kysely<{ activity: { id: string; title: string; sort_title: string } }>;
  let after = "";
  for (;;) {
    const batch = await typed
      .selectFrom("activity")
      .select(["id", "title"])
      .where("id", ">", after)
      .orderBy("id")
      .limit(BATCH)
      .execute();
    if (batch.length === 0) break;
    const keys = sql.join(
      batch.map((a) => sql`when ${a.id} then ${foldText(a.title)}`),
      sql` `,
    );
    await sql`update activity set sort_title = case id ${keys} end
      where id in (${sql.join(batch.map((a) => a.id))})`.execute(db);
    after = batch[batch.length - 1]?.id ?? after;
  }
  await db.schema.createIndex("activity_title_sort").on("activity").columns(["sort_title", "id"]).execute();
}
