import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import type { Database } from "#db/connection.js";
import { migrateToLatest } from "#db/migrate.js";
import { AppError } from "#shared/app-error.js";
import type { FileStoreSetting } from "#shared/file-store.js";
import {
  alignPlans,
  type Mismatch,
  type OnProgress,
  prepareSchema,
  refreshSearch,
  requireEmptyTarget,
  VerificationFailed,
} from "./ops-steps.js";
import { schemaVersionOf, withSnapshot } from "./snapshot.js";
import { planTables, type TablePlan } from "./table-order.js";
import { countRows, digestTable, readRows, rowLine, TableWriter } from "./table-rows.js";
import { carryFiles, storeKindOf, storeOn } from "./upload-files.js";
import { uploadsOf } from "./uploads.js";

export interface CopyOptions {
  /** The installation's database, read from one snapshot while it keeps running. */
  source: Database;
  /** An empty database, usually PostgreSQL. */
  target: Database;
  /** DATA_DIR: where SQLite's snapshot is written, and the disk store's folder. */
  scratchDir: string;
  onProgress?: OnProgress;
  /** FILE_STORE: where the source keeps its uploaded files, and where the target will (auto when not given). */
  fileStore?: FileStoreSetting;
}

export interface CopyReport {
  schemaVersion: string;
  tables: Array<{ name: string; rows: number }>;
  /** Empty when every table of the target matched its source, row for row. */
  mismatches: Mismatch[];
  /** Migrations applied to the target after the copy, when the source was behind this version. */
  upgradedWith: string[];
  /** Uploaded files written into the target's store; 0 when both keep them on disk in DATA_DIR. */
  files: number;
  /** Files the rows name that the source's store did not have. */
  missingFiles: string[];
}

/**
 * Moves an installation's rows to another database: the target is brought to the source's
 * schema, every table is copied in dependency order in one transaction, and each table is read
 * back and compared with its source (count and SHA-256 of its rows) before the transaction
 * commits. The uploaded files the rows name go with them into the target's file store (the
 * database's own table, with FILE_STORE auto or database), in the same transaction and checked the
 * same way; with FILE_STORE=disk they stay in DATA_DIR, which both installations then share.
 */
export async function copyDatabase(options: CopyOptions): Promise<CopyReport> {
  const { source, target } = options;
  const progress = options.onProgress ?? (() => {});
  const sourceStore = storeKindOf(options.fileStore, source.dialect);
  const targetStore = storeKindOf(options.fileStore, target.dialect);
  // Both on disk: the same DATA_DIR serves the target, and nothing is carried.
  const carry = sourceStore === "database" || targetStore === "database";
  if (source.dialect === target.dialect && source.where === target.where) {
    throw new AppError("conflict", "The target is this installation's own database.");
  }
  await requireEmptyTarget(target);
  mkdirSync(options.scratchDir, { recursive: true });
  return withSnapshot(source, options.scratchDir, async (db) => {
    const schemaVersion = await schemaVersionOf(db);
    if (!schemaVersion) {
      throw new AppError("conflict", "This installation has no database yet; there is nothing to copy.");
    }
    await prepareSchema(target, schemaVersion);
    const sources = await planTables(db, source.dialect);
    const aligned = alignPlans(await planTables(target.db, target.dialect), sources);
    if (aligned.mismatches.length > 0) {
      return { ...nothingCopied(schemaVersion), mismatches: aligned.mismatches };
    }
    const sourceOf = new Map(sources.map((p) => [p.name, p]));
    const counts = new Map<string, number>();
    for (const plan of sources) counts.set(plan.name, await countRows(db, plan.name));
    const total = [...counts.values()].reduce((a, b) => a + b, 0);

    const tables: CopyReport["tables"] = [];
    const uploads = new Set<string>();
    let missingFiles: string[] = [];
    try {
      await target.db.transaction().execute(async (trx) => {
        let done = 0;
        const copied = new Map<string, { rows: number; sha256: string }>();
        for (const plan of aligned.plans) {
          const from = sourceOf.get(plan.name) as TablePlan;
          const writer = new TableWriter(trx, plan, plan.orderBy);
          const hash = createHash("sha256");
          let rows = 0;
          for await (const batch of readRows(db, source.dialect, from)) {
            for (const row of batch) {
              hash.update(rowLine(plan, row));
              await writer.add(row);
              if (carry) for (const key of uploadsOf(plan.name, row)) uploads.add(key);
            }
            rows += batch.length;
            done += batch.length;
            progress({ step: "write", done, total, detail: plan.name });
          }
          await writer.finish();
          copied.set(plan.name, { rows, sha256: hash.digest("hex") });
        }
        // Read back once everything is written, the links within tables included.
        const mismatches: Mismatch[] = [];
        for (const [i, plan] of aligned.plans.entries()) {
          const want = copied.get(plan.name) ?? { rows: 0, sha256: "" };
          const written = await digestTable(trx, target.dialect, plan);
          if (written.rows !== want.rows || written.sha256 !== want.sha256) {
            mismatches.push({
              kind: "table",
              name: plan.name,
              expected: `${want.rows} rows, sha256 ${want.sha256}`,
              found: `${written.rows} rows, sha256 ${written.sha256}`,
            });
          }
          tables.push({ name: plan.name, rows: written.rows });
          progress({ step: "verify", done: i + 1, total: aligned.plans.length, detail: plan.name });
        }
        if (carry) {
          const carried = await carryFiles(
            storeOn(sourceStore, options.scratchDir, db),
            storeOn(targetStore, options.scratchDir, trx),
            trx,
            [...uploads].sort(),
            progress,
          );
          missingFiles = carried.missing;
          mismatches.push(...carried.mismatches);
        }
        if (mismatches.length > 0) throw new VerificationFailed(mismatches);
      });
    } catch (err) {
      if (err instanceof VerificationFailed) return { ...nothingCopied(schemaVersion), mismatches: err.mismatches };
      throw err;
    }
    const upgradedWith = await migrateToLatest(target.db);
    await refreshSearch(
      target,
      aligned.plans.map((p) => p.name),
    );
    return {
      schemaVersion,
      tables,
      mismatches: [],
      upgradedWith,
      files: uploads.size - missingFiles.length,
      missingFiles,
    };
  });
}

function nothingCopied(schemaVersion: string): Omit<CopyReport, "mismatches"> {
  return { schemaVersion, tables: [], upgradedWith: [], files: 0, missingFiles: [] };
}
