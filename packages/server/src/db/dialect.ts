import { type Kysely, PostgresAdapter } from "kysely";
import type { Dialect } from "./connection.js";

/** Which engine a Kysely instance talks to; migrations branch on it where SQL differs. */
export function dialectOf(db: Kysely<unknown>): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}
