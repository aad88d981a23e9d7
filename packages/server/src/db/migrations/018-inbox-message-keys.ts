import type { Kysely } from "kysely";

/**
 * Inbox messages keep their subject as a catalogue key with the values for its placeholders, so
 * the reader sees it in their language. Older rows have neither and are shown as written.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("inbox_message").addColumn("subject_key", "text").execute();
  await db.schema.alterTable("inbox_message").addColumn("subject_params", "text").execute();
}
