import type { Kysely } from "kysely";
import { reindexAllPublications } from "#modules/publication/publication-search.js";
import { dialectOf } from "../dialect.js";
import type { DB } from "../schema.js";
import { createSearchIndex } from "../search-index.js";

/**
 * Events and news join the search index, so the header's search finds them folded and by prefix
 * like every other record. Documents are folded by the application, so the backfill runs the
 * application's indexing rather than SQL.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const typed = db as Kysely<DB>;
  const search = createSearchIndex(dialectOf(db));
  // PostgreSQL runs migrations in a transaction already; SQLite does not, and is far faster in one.
  if (typed.isTransaction) await reindexAllPublications(typed, search);
  else await typed.transaction().execute((trx) => reindexAllPublications(trx, search));
}
