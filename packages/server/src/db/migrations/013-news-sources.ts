import type { Kysely } from "kysely";

/**
 * A post that relays an article published elsewhere names its outlet, links to the original and
 * gives the original's date. One column per statement: SQLite adds a single column at a time.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("news_post").addColumn("source_outlet", "text").execute();
  await db.schema.alterTable("news_post").addColumn("source_url", "text").execute();
  await db.schema.alterTable("news_post").addColumn("source_published_on", "text").execute();
}
