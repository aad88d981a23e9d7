import type { Kysely } from "kysely";
import { reindexAllAgreements } from "#modules/agreements/agreement-search.js";
import { dialectOf } from "../dialect.js";
import type { DB } from "../schema.js";
import { createSearchIndex } from "../search-index.js";

/**
 * Public search gets documents of its own, holding only what public pages show, and staff
 * documents gain partners' acronyms and other names and signatories. Documents are folded by the
 * application, so the rebuild runs the application's indexing rather than SQL.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const typed = db as Kysely<DB>;
  const search = createSearchIndex(dialectOf(db));
  // PostgreSQL runs migrations in a transaction already; SQLite does not, and is far faster in one.
  if (typed.isTransaction) await reindexAllAgreements(typed, search);
  else await typed.transaction().execute((trx) => reindexAllAgreements(trx, search));
}
