import { type Kysely, sql } from "kysely";
import type { Dialect } from "#db/connection.js";
import type { DB } from "#db/schema.js";

/** How one table is read, written and compared by backups and copies. */
export interface TablePlan {
  name: string;
  /** The columns carried between installations, in the table's order. */
  columns: string[];
  /** Text columns, compared byte by byte on PostgreSQL (collation "C") as SQLite does. */
  textColumns: string[];
  /** The order rows are read in: the primary key, so a dump of the same rows is the same bytes on both engines. */
  orderBy: string[];
  /** Columns that point at rows of the same table: written in a second pass, once every row exists. */
  deferred: string[];
  /** Tables this one refers to, written before it. */
  dependsOn: string[];
}

/**
 * Columns that belong to the engine rather than to the data. A search document's number is the
 * rowid FTS5 indexes on SQLite and a bigserial on PostgreSQL: the target numbers the documents it
 * is given, and each engine indexes them as they arrive (decision 018).
 */
const ENGINE_KEYS: Readonly<Record<string, { drop: string; orderBy: string[] }>> = {
  search_document: { drop: "id", orderBy: ["entity", "entity_id"] },
};

interface ColumnInfo {
  table: string;
  name: string;
  text: boolean;
  notNull: boolean;
  generated: boolean;
  /** Position in the primary key, from 1; 0 when not part of it. */
  pk: number;
}

interface ForeignKey {
  table: string;
  column: string;
  references: string;
}

/** The data tables of a database, in an order where every table comes after those it refers to. */
export async function planTables(db: Kysely<DB>, dialect: Dialect): Promise<TablePlan[]> {
  const { columns, foreignKeys } = dialect === "postgres" ? await postgresCatalog(db) : await sqliteCatalog(db);
  const byTable = new Map<string, ColumnInfo[]>();
  for (const c of columns) byTable.set(c.table, [...(byTable.get(c.table) ?? []), c]);
  const plans = [...byTable.entries()].map(([name, cols]): TablePlan => {
    const engine = ENGINE_KEYS[name];
    const kept = cols.filter((c) => !c.generated && c.name !== engine?.drop);
    const keys = cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
    const fks = foreignKeys.filter((f) => f.table === name);
    const deferred = fks.filter((f) => f.references === name).map((f) => f.column);
    for (const column of deferred) {
      if (kept.find((c) => c.name === column)?.notNull) {
        throw new Error(`Table ${name} refers to itself through ${column}, which cannot be empty.`);
      }
    }
    return {
      name,
      columns: kept.map((c) => c.name),
      textColumns: kept.filter((c) => c.text).map((c) => c.name),
      orderBy: engine?.orderBy ?? (keys.length > 0 ? keys.map((c) => c.name) : kept.map((c) => c.name)),
      deferred,
      dependsOn: [...new Set(fks.map((f) => f.references).filter((t) => t !== name))].sort(),
    };
  });
  return inDependencyOrder(plans);
}

/**
 * Kahn's order, alphabetical among the tables that are ready, so every run and both engines
 * agree. A cycle between tables could not be loaded in one pass and is reported.
 */
export function inDependencyOrder(plans: TablePlan[]): TablePlan[] {
  const pending = new Map(plans.map((p) => [p.name, p]));
  const done = new Set<string>();
  const out: TablePlan[] = [];
  while (pending.size > 0) {
    const ready = [...pending.values()]
      .filter((p) => p.dependsOn.every((d) => done.has(d) || !pending.has(d)))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (ready.length === 0) {
      throw new Error(`These tables refer to each other in a cycle: ${[...pending.keys()].sort().join(", ")}.`);
    }
    for (const p of ready) {
      out.push(p);
      done.add(p.name);
      pending.delete(p.name);
    }
  }
  return out;
}

/**
 * Kysely's bookkeeping and the engine's own tables are not data. Neither is the file store's
 * table: it holds uploaded files, which backups and copies carry as files (uploads.ts), not rows.
 */
const isDataTable = (name: string) =>
  !name.startsWith("kysely_") && !name.startsWith("sqlite_") && name !== "stored_file";

async function sqliteCatalog(db: Kysely<DB>): Promise<{ columns: ColumnInfo[]; foreignKeys: ForeignKey[] }> {
  // Virtual tables (FTS5) and their shadow tables are derived from search_document.
  const tables = (
    await sql<{ name: string }>`select name from pragma_table_list where schema = 'main' and type = 'table'`.execute(db)
  ).rows
    .map((r) => r.name)
    .filter(isDataTable);
  const columns: ColumnInfo[] = [];
  const foreignKeys: ForeignKey[] = [];
  for (const table of tables) {
    const info = await sql<{ name: string; type: string; notnull: number; pk: number; hidden: number }>`
      select name, type, "notnull", pk, hidden from pragma_table_xinfo(${table}) order by cid`.execute(db);
    for (const c of info.rows) {
      columns.push({
        table,
        name: c.name,
        text: c.type.toLowerCase() === "text",
        notNull: c.notnull === 1,
        generated: c.hidden !== 0,
        pk: c.pk,
      });
    }
    const fks = await sql<{ table: string; from: string }>`
      select "table", "from" from pragma_foreign_key_list(${table})`.execute(db);
    for (const f of fks.rows) foreignKeys.push({ table, column: f.from, references: f.table });
  }
  return { columns, foreignKeys };
}

async function postgresCatalog(db: Kysely<DB>): Promise<{ columns: ColumnInfo[]; foreignKeys: ForeignKey[] }> {
  const cols = await sql<{
    table: string;
    name: string;
    type: string;
    not_null: boolean;
    generated: boolean;
    pk: number | null;
  }>`
    select c.relname as "table", a.attname as "name", t.typname as "type", a.attnotnull as not_null,
      a.attgenerated <> '' as generated,
      (select k.ord::int from pg_constraint con, unnest(con.conkey) with ordinality as k(attnum, ord)
        where con.conrelid = c.oid and con.contype = 'p' and k.attnum = a.attnum) as pk
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    join pg_type t on t.oid = a.atttypid
    where n.nspname = current_schema() and c.relkind in ('r', 'p')
    order by c.relname, a.attnum`.execute(db);
  const fks = await sql<{ table: string; column: string; references: string }>`
    select c.relname as "table", a.attname as "column", r.relname as "references"
    from pg_constraint con
    join pg_class c on c.oid = con.conrelid
    join pg_namespace n on n.oid = c.relnamespace
    join pg_class r on r.oid = con.confrelid
    cross join unnest(con.conkey) as k(attnum)
    join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum
    where con.contype = 'f' and n.nspname = current_schema()`.execute(db);
  return {
    columns: cols.rows
      .filter((c) => isDataTable(c.table))
      .map((c) => ({
        table: c.table,
        name: c.name,
        text: c.type === "text",
        notNull: c.not_null,
        generated: c.generated,
        pk: c.pk ?? 0,
      })),
    foreignKeys: fks.rows.filter((f) => isDataTable(f.table)),
  };
}
