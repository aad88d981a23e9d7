import { type Kysely, sql } from "kysely";

/**
 * The agreement list sorts by reference, status, start and end as well as by title: each sort
 * pages by keyset over (key, id), so each has an index in that order. Missing dates sort as the
 * same text the repository's sort expressions give them (see agreement-sort.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex("agreement_reference_sort").on("agreement").columns(["reference", "id"]).execute();
  await db.schema.createIndex("agreement_status_sort").on("agreement").columns(["status", "id"]).execute();
  await db.schema
    .createIndex("agreement_starts_sort")
    .on("agreement")
    .expression(sql`coalesce(starts_on, ''), id`)
    .execute();
  await db.schema
    .createIndex("agreement_ends_sort")
    .on("agreement")
    .expression(sql`coalesce(ends_on, '9999-12-31'), id`)
    .execute();
}
