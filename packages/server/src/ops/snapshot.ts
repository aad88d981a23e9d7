import { rmSync } from "node:fs";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect, sql } from "kysely";
import type { Database } from "#db/connection.js";
import { dialectOf } from "#db/dialect.js";
import type { DB } from "#db/schema.js";
import { newId } from "#shared/ids.js";

/**
 * Runs `read` over one consistent state of the database while the server goes on writing.
 *
 * SQLite: `VACUUM INTO` from a connection of its own copies the database as one read transaction
 * (in WAL mode it does not hold writers back), and the copy is read at leisure. PostgreSQL: every
 * table is read in one REPEATABLE READ, READ ONLY transaction, which sees the database as it was
 * at its first statement.
 */
export async function withSnapshot<T>(
  database: Database,
  scratchDir: string,
  read: (db: Kysely<DB>) => Promise<T>,
): Promise<T> {
  if (database.dialect === "postgres") {
    return database.db.transaction().setIsolationLevel("repeatable read").setAccessMode("read only").execute(read);
  }
  const copy = join(scratchDir, `snapshot-${newId()}.db`);
  try {
    const file = await sqliteFileOf(database.db);
    if (file) {
      const source = new SQLite(file, { readonly: true, fileMustExist: true, timeout: 5000 });
      try {
        source.prepare("vacuum into ?").run(copy);
      } finally {
        source.close();
      }
    } else {
      // An in-memory database has no file another connection could open.
      await sql`vacuum into ${copy}`.execute(database.db);
    }
    const snapshot = new Kysely<DB>({
      dialect: new SqliteDialect({ database: new SQLite(copy, { readonly: true, fileMustExist: true }) }),
    });
    try {
      return await read(snapshot);
    } finally {
      await snapshot.destroy();
    }
  } finally {
    rmSync(copy, { force: true });
  }
}

/** The file of an SQLite database, or null for one in memory. */
async function sqliteFileOf(db: Kysely<DB>): Promise<string | null> {
  const r = await sql<{ name: string; file: string }>`select name, file from pragma_database_list`.execute(db);
  return r.rows.find((row) => row.name === "main")?.file || null;
}

/** The last migration applied to a database: the schema version its rows are written in; null before any. */
export async function schemaVersionOf(db: Kysely<DB>): Promise<string | null> {
  // Asked of the catalogue first: a failed statement would end a PostgreSQL transaction.
  const exists =
    dialectOf(db as Kysely<unknown>) === "postgres"
      ? (await sql<{ t: string | null }>`select to_regclass('kysely_migration')::text as t`.execute(db)).rows[0]?.t
      : (
          await sql<{
            t: string;
          }>`select name as t from sqlite_master where type = 'table' and name = 'kysely_migration'`.execute(db)
        ).rows[0]?.t;
  if (!exists) return null;
  const r = await sql<{ name: string }>`select name from kysely_migration order by name desc limit 1`.execute(db);
  return r.rows[0]?.name ?? null;
}
