import { type Kysely, sql } from "kysely";
import { reindexAllAgreements } from "#modules/agreements/agreement-search.js";
import { dialectOf } from "../dialect.js";
import type { DB } from "../schema.js";
import { createSearchIndex } from "../search-index.js";

/**
 * People give their consent to be named on public pages apart from their consent to show their
 * e-mail and phone. Those who already agreed to be a public contact agreed to be listed by name,
 * so they keep being named; everyone else is shown by role until they agree, and public search
 * documents are rebuilt without the names of signatories who are not named.
 *
 * On SQLite the full-text index switches to FTS5's secure-delete mode, so that a removed document
 * (an erased person's) leaves no trace in the index's pages, and is merged once so that entries
 * deleted before this version are dropped too.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("person")
    .addColumn("named_in_public", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update person set named_in_public = 1 where public_contact = 1`.execute(db);
  const dialect = dialectOf(db);
  if (dialect === "sqlite") {
    await sql`insert into search_fts(search_fts, rank) values ('secure-delete', 1)`.execute(db);
  }
  const typed = db as Kysely<DB>;
  const search = createSearchIndex(dialect);
  // PostgreSQL runs migrations in a transaction already; SQLite does not, and is far faster in one.
  if (typed.isTransaction) await reindexAllAgreements(typed, search);
  else await typed.transaction().execute((trx) => reindexAllAgreements(trx, search));
  if (dialect === "sqlite") await sql`insert into search_fts(search_fts) values ('optimize')`.execute(db);
}
