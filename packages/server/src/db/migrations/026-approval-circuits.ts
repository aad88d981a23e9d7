import type { Kysely } from "kysely";

/** Internal approval circuits before signature. */
export async function up(_db: Kysely<unknown>): Promise<void> {}
