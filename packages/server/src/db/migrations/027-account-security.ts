import type { Kysely } from "kysely";

/** Password resets, invitations, second factors and sign-in throttling. */
export async function up(_db: Kysely<unknown>): Promise<void> {}
