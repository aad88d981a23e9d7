import type { Kysely } from "kysely";

/**
 * Dates known only to the year or the month are stored as full dates (first day of a start,
 * last day of an end) with their precision beside them, so they sort and compare as dates and
 * are shown as written. Signatories get their title or function in several languages,
 * agreements the language their title is written in and a mark for those recorded afterwards,
 * and meetings can be made public.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const precise: Array<[string, string[]]> = [
    ["agreement", ["signed_on", "starts_on", "ends_on"]],
    ["agreement_signatory", ["signed_on"]],
    ["meeting", ["held_on"]],
    ["membership", ["since", "until"]],
    ["activity", ["starts_on", "ends_on"]],
  ];
  for (const [table, columns] of precise) {
    for (const column of columns) {
      await db.schema
        .alterTable(table)
        .addColumn(`${column}_precision`, "text", (c) => c.notNull().defaultTo("day"))
        .execute();
    }
  }
  await db.schema.alterTable("agreement").addColumn("language", "text").execute();
  await db.schema
    .alterTable("agreement")
    .addColumn("recorded_as_past", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable("agreement_signatory").addColumn("title", "text").execute();
  await db.schema
    .alterTable("agreement_signatory")
    .addColumn("titles", "text", (c) => c.notNull().defaultTo("[]"))
    .execute();
  await db.schema
    .alterTable("meeting")
    .addColumn("visibility", "text", (c) => c.notNull().defaultTo("internal"))
    .execute();
}
