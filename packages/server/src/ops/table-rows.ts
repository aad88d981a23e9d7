import { createHash } from "node:crypto";
import { type Kysely, sql } from "kysely";
import type { Dialect } from "#db/connection.js";
import type { DB } from "#db/schema.js";
import type { TablePlan } from "./table-order.js";

export type Row = Record<string, unknown>;

/** Rows read or written per statement. */
export const ROW_BATCH = 500;

/** Bound values per insert: well under SQLite's 32,766 and PostgreSQL's 65,535. */
const MAX_VALUES = 20_000;

/**
 * A value as both engines return it for Conventio's column types (decision 001): text, integers,
 * floating-point numbers or nothing. Anything else would not survive the trip to the other engine.
 */
function portable(table: string, column: string, value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return value;
  throw new Error(`Column ${table}.${column} holds a value of type ${typeof value} that cannot be carried over.`);
}

/** One row as one line of JSON, the columns in the table's order: the same rows give the same bytes on either engine. */
export function rowLine(plan: TablePlan, row: Row): string {
  const out: Record<string, string | number | null> = {};
  for (const c of plan.columns) out[c] = portable(plan.name, c, row[c]);
  return `${JSON.stringify(out)}\n`;
}

/** Reads a line written by rowLine, keeping only the plan's columns. */
export function parseRowLine(plan: TablePlan, line: string): Row {
  const parsed: unknown = JSON.parse(line);
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new Error(`A line of table ${plan.name} is not a row.`);
  }
  const source = parsed as Record<string, unknown>;
  const row: Row = {};
  for (const c of plan.columns) row[c] = portable(plan.name, c, source[c]);
  return row;
}

/** The table's plan as a query: its columns in key order, text compared byte by byte on both engines. */
function selectRows(db: Kysely<DB>, dialect: Dialect, plan: TablePlan) {
  const text = new Set(plan.textColumns);
  let query = db.selectFrom(sql`${sql.table(plan.name)}`.as("t")).select(plan.columns.map((c) => sql.ref(c).as(c)));
  for (const c of plan.orderBy) {
    // SQLite compares text as bytes (BINARY); PostgreSQL is told to do the same.
    query = query.orderBy(dialect === "postgres" && text.has(c) ? sql`${sql.ref(c)} collate "C"` : sql.ref(c));
  }
  return query;
}

/**
 * The rows of a table in key order, a batch at a time, never the whole table in memory. On
 * PostgreSQL through a cursor, so `db` must be a transaction (the snapshot's or the writer's); on
 * SQLite through the driver's row iterator.
 */
export async function* readRows(db: Kysely<DB>, dialect: Dialect, plan: TablePlan): AsyncGenerator<Row[]> {
  const query = selectRows(db, dialect, plan);
  if (dialect === "postgres") {
    if (!db.isTransaction) throw new Error("Reading a table on PostgreSQL needs a transaction.");
    const cursor = sql.id(`conventio_read_${plan.name}`);
    await sql`declare ${cursor} no scroll cursor for ${query}`.execute(db);
    try {
      for (;;) {
        const { rows } = await sql<Row>`fetch forward ${sql.lit(ROW_BATCH)} from ${cursor}`.execute(db);
        if (rows.length === 0) return;
        yield rows;
      }
    } finally {
      await sql`close ${cursor}`.execute(db);
    }
  }
  // SQLite: one statement, its rows pulled as they are consumed.
  let batch: Row[] = [];
  for await (const row of query.stream()) {
    batch.push(row as Row);
    if (batch.length >= ROW_BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** Counts every row of a table. */
export async function countRows(db: Kysely<DB>, table: string): Promise<number> {
  const r = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/** A table's rows and the SHA-256 of their lines, as a backup writes them. */
export interface TableDigest {
  rows: number;
  sha256: string;
}

/** Reads a table back in key order and hashes it line by line: equal digests mean equal rows, field by field. */
export async function digestTable(db: Kysely<DB>, dialect: Dialect, plan: TablePlan): Promise<TableDigest> {
  const hash = createHash("sha256");
  let rows = 0;
  for await (const batch of readRows(db, dialect, plan)) {
    for (const row of batch) hash.update(rowLine(plan, row));
    rows += batch.length;
  }
  return { rows, sha256: hash.digest("hex") };
}

/**
 * Writes rows of a table, the columns that point into the same table left empty; what they held
 * is returned for `linkRows`, once every row of the table exists. Only those keys and links are
 * kept, never the rows themselves.
 */
export class TableWriter {
  private pending: Row[] = [];
  private readonly links: Row[] = [];
  private readonly batch: number;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly plan: TablePlan,
    private readonly keys: string[],
  ) {
    this.batch = Math.max(1, Math.min(ROW_BATCH, Math.floor(MAX_VALUES / Math.max(plan.columns.length, 1))));
  }

  async add(row: Row): Promise<void> {
    if (this.plan.deferred.some((c) => row[c] !== null && row[c] !== undefined)) {
      const link: Row = {};
      for (const c of [...this.keys, ...this.plan.deferred]) link[c] = row[c];
      this.links.push(link);
    }
    this.pending.push(row);
    if (this.pending.length >= this.batch) await this.flush();
  }

  /** Writes what is left, then the links within the table. */
  async finish(): Promise<void> {
    await this.flush();
    const { plan, keys } = this;
    for (const link of this.links) {
      await sql`update ${sql.table(plan.name)}
        set ${sql.join(plan.deferred.map((c) => sql`${sql.ref(c)} = ${link[c]}`))}
        where ${sql.join(
          keys.map((k) => sql`${sql.ref(k)} = ${link[k]}`),
          sql` and `,
        )}`.execute(this.db);
    }
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const { plan } = this;
    const deferred = new Set(plan.deferred);
    const values = this.pending.map(
      (row) => sql`(${sql.join(plan.columns.map((c) => (deferred.has(c) ? null : (row[c] ?? null))))})`,
    );
    await sql`insert into ${sql.table(plan.name)} (${sql.join(plan.columns.map((c) => sql.ref(c)))})
      values ${sql.join(values)}`.execute(this.db);
    this.pending = [];
  }
}
