import type { Kysely } from "kysely";
import type { Dialect } from "#db/connection.js";
import type { DB } from "#db/schema.js";
import type { SearchIndex } from "#db/search-index.js";
import type { Clock } from "./clock.js";
import type { Logger } from "./logger.js";

/** What services need from the outside world, passed explicitly. */
export interface Deps {
  db: Kysely<DB>;
  dialect: Dialect;
  search: SearchIndex;
  clock: Clock;
  log: Logger;
}

/** An ISO timestamp of the clock's now. */
export function nowIso(deps: Pick<Deps, "clock">): string {
  return deps.clock.now().toISOString();
}
