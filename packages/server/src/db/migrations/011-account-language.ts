import type { Kysely } from "kysely";

/** The language an account reads Conventio in, so that its e-mails are written in it too. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("app_user")
    .addColumn("language", "text", (c) => c.notNull().defaultTo("en"))
    .execute();
}
