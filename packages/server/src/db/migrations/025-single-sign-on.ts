import type { Kysely } from "kysely";

/** Single sign-on through OpenID Connect. */
export async function up(_db: Kysely<unknown>): Promise<void> {}
