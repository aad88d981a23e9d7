import { mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, type SqliteDatabase, SqliteDialect } from "kysely";
import pg from "pg";
import type { DB } from "./schema.js";

export type Dialect = "sqlite" | "postgres";

export interface Database {
  db: Kysely<DB>;
  dialect: Dialect;
  /** Human-readable place of the data, for logs: a file path or a host/database. */
  where: string;
  destroy(): Promise<void>;
}

export interface ConnectOptions {
  /** postgres://… selects PostgreSQL; otherwise an SQLite file. */
  url?: string | undefined;
  /** SQLite file path, used when url is not a PostgreSQL address. */
  sqliteFile?: string;
  /** PostgreSQL schema to use (tests isolate each file in its own schema). */
  schema?: string;
}

/** Prepared statements kept per connection, most recently used first out of reach last. */
const STATEMENTS_KEPT = 256;

/**
 * The connection with its prepared statements kept by their SQL text: preparing a statement is a
 * large share of a short query's time, and bulk writes repeat the same long insert many times.
 * SQLite prepares a kept statement again by itself when the schema changes.
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const kept = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      const found = kept.get(text);
      if (found) {
        kept.delete(text);
        kept.set(text, found);
        return found;
      }
      const statement = sqlite.prepare(text);
      kept.set(text, statement);
      if (kept.size > STATEMENTS_KEPT) kept.delete(kept.keys().next().value as string);
      return statement;
    },
  };
}

/**
 * Opens the database: SQLite (WAL, synchronous=FULL, secure delete) by default, PostgreSQL for
 * postgres:// URLs.
 */
export function connect(options: ConnectOptions): Database {
  if (options.url && /^postgres(ql)?:\/\//.test(options.url)) return connectPostgres(options.url, options.schema);
  const file = options.sqliteFile ?? join("data", "conventio.db");
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("cache_size = -65536");
  // Deleted rows are overwritten with zeros rather than left in free space, so an erased person's
  // name does not stay readable in the file (their erasure also checkpoints the WAL).
  sqlite.pragma("secure_delete = ON");
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: "sqlite", where: file, destroy: () => db.destroy() };
}

/** The PostgreSQL pool behind each database handle, for the pool's gauges in /metrics. */
const pools = new WeakMap<Kysely<DB>, pg.Pool>();

/** How busy the PostgreSQL pool behind `db` is; undefined for SQLite, which has one connection. */
export function poolOf(db: Kysely<DB>): Pick<pg.Pool, "totalCount" | "idleCount" | "waitingCount"> | undefined {
  return pools.get(db);
}

function connectPostgres(url: string, schema?: string): Database {
  // Dates and timestamps are kept as ISO text columns, so pg's parsers are not involved.
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  pools.set(db, pool);
  const u = new URL(url);
  return {
    db,
    dialect: "postgres",
    where: `${u.hostname}:${u.port || 5432}${u.pathname}${schema ? ` (schema ${schema})` : ""}`,
    destroy: () => db.destroy(),
  };
}

/** Erases the database named by the configuration: the SQLite files, or every object of the PostgreSQL schema. */
export async function resetDatabase(options: { DATABASE_URL?: string | undefined; dataDir: string }): Promise<void> {
  if (options.DATABASE_URL && /^postgres(ql)?:\/\//.test(options.DATABASE_URL)) {
    const pool = new pg.Pool({ connectionString: options.DATABASE_URL, max: 1 });
    try {
      await pool.query("drop schema public cascade; create schema public");
    } finally {
      await pool.end();
    }
    return;
  }
  const file = join(options.dataDir, "conventio.db");
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
}
