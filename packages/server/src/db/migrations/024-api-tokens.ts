import type { Kysely } from "kysely";

/** Personal API tokens. */
export async function up(_db: Kysely<unknown>): Promise<void> {}
