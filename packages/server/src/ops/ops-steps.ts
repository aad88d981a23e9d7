import { type Kysely, sql } from "kysely";
import type { Database, Dialect } from "#db/connection.js";
import { MIGRATION_NAMES, migrateTo } from "#db/migrate.js";
import type { DB } from "#db/schema.js";
import { AppError } from "#shared/app-error.js";
import { schemaVersionOf } from "./snapshot.js";
import { planTables, type TablePlan } from "./table-order.js";
import { countRows } from "./table-rows.js";

/** Where a long operation stands, for a progress bar. */
export interface OpsProgress {
  step: "read" | "files" | "archive" | "check" | "write" | "verify";
  done: number;
  total: number;
  detail: string;
}
export type OnProgress = (progress: OpsProgress) => void;

/** Something that is not what the archive or the source said it would be. */
export interface Mismatch {
  kind: "table" | "file" | "archive";
  name: string;
  expected: string;
  found: string;
}

/** Thrown inside the writing transaction so that a load that does not verify leaves nothing behind. */
export class VerificationFailed extends Error {
  constructor(readonly mismatches: Mismatch[]) {
    super("The written rows differ from their source.");
  }
}

/** The data tables that hold rows, to refuse filling an installation that is not empty. */
export async function tablesWithRows(db: Kysely<DB>, dialect: Dialect): Promise<string[]> {
  const out: string[] = [];
  for (const plan of await planTables(db, dialect)) {
    if ((await countRows(db, plan.name)) > 0) out.push(plan.name);
  }
  return out;
}

/** Refuses a restore into an installation that holds anything. */
export async function requireEmptyInstallation(target: Database): Promise<void> {
  const full = await tablesWithRows(target.db, target.dialect);
  if (full.length === 0) return;
  throw new AppError(
    "conflict",
    "This installation already holds data (in {{tables}}); a backup is restored into an empty installation only.",
    { params: { tables: full.slice(0, 5).join(", ") } },
  );
}

/** Refuses a copy into a database that holds anything. */
export async function requireEmptyTarget(target: Database): Promise<void> {
  const full = await tablesWithRows(target.db, target.dialect);
  if (full.length === 0) return;
  throw new AppError(
    "conflict",
    "The target database already holds data (in {{tables}}); an installation is copied into an empty database only.",
    { params: { tables: full.slice(0, 5).join(", ") } },
  );
}

/**
 * Brings an empty database to the schema its incoming rows were written in. A version this code
 * does not know comes from a newer Conventio; a target already past that version cannot go back.
 */
export async function prepareSchema(target: Database, version: string): Promise<void> {
  const wanted = MIGRATION_NAMES.indexOf(version);
  if (wanted < 0) {
    throw new AppError(
      "validation_failed",
      "These rows were written by a newer Conventio (schema {{version}}); upgrade Conventio first.",
      { params: { version } },
    );
  }
  const current = await schemaVersionOf(target.db);
  if (current && MIGRATION_NAMES.indexOf(current) > wanted) {
    throw new AppError(
      "conflict",
      "The target database is at schema {{current}}, newer than {{version}}; use a database that has not been set up yet.",
      { params: { current, version } },
    );
  }
  await migrateTo(target.db, version);
}

/**
 * The target's tables, each with the columns in the order the rows arrived in, or the
 * differences when the two sides do not have the same tables and columns.
 */
export function alignPlans(
  target: TablePlan[],
  incoming: ReadonlyArray<{ name: string; columns: string[] }>,
): { plans: TablePlan[]; mismatches: Mismatch[] } {
  const byName = new Map(incoming.map((t) => [t.name, t]));
  const mismatches: Mismatch[] = [];
  const plans: TablePlan[] = [];
  for (const plan of target) {
    const source = byName.get(plan.name);
    if (!source) {
      mismatches.push({ kind: "table", name: plan.name, expected: "present", found: "absent" });
      continue;
    }
    const same = [...source.columns].sort().join(",") === [...plan.columns].sort().join(",");
    if (!same) {
      mismatches.push({
        kind: "table",
        name: plan.name,
        expected: `columns ${plan.columns.join(", ")}`,
        found: `columns ${source.columns.join(", ")}`,
      });
      continue;
    }
    plans.push({ ...plan, columns: source.columns });
  }
  const known = new Set(target.map((p) => p.name));
  for (const t of incoming) {
    if (!known.has(t.name)) mismatches.push({ kind: "table", name: t.name, expected: "absent", found: "present" });
  }
  return { plans, mismatches };
}

/**
 * Search documents arrive with the rows, and each engine indexes them as they are inserted (FTS5
 * by its triggers, the tsvector as a generated column). What is left is housekeeping: FTS5 merges
 * the segments a bulk load leaves and checks its index against the documents; PostgreSQL learns
 * the new tables' statistics for its plans.
 */
export async function refreshSearch(target: Database, tables: ReadonlyArray<string>): Promise<void> {
  if (target.dialect === "sqlite") {
    await sql`insert into search_fts(search_fts) values ('optimize')`.execute(target.db);
    await sql`insert into search_fts(search_fts, rank) values ('integrity-check', 1)`.execute(target.db);
  } else {
    for (const table of tables) await sql`analyze ${sql.table(table)}`.execute(target.db);
  }
}
