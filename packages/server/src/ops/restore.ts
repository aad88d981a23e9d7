import { createReadStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { createInterface } from "node:readline";
import * as tar from "tar";
import type { Database } from "#db/connection.js";
import { migrateToLatest } from "#db/migrate.js";
import { AppError } from "#shared/app-error.js";
import type { FileStoreSetting } from "#shared/file-store.js";
import { BackupManifest, hashFile, UPLOAD_PATH } from "./manifest.js";
import {
  alignPlans,
  type Mismatch,
  type OnProgress,
  prepareSchema,
  refreshSearch,
  requireEmptyInstallation,
  VerificationFailed,
} from "./ops-steps.js";
import { planTables, type TablePlan } from "./table-order.js";
import { digestTable, parseRowLine, TableWriter } from "./table-rows.js";
import { placeFiles, storeKindOf, storeOn } from "./upload-files.js";

export interface RestoreOptions {
  database: Database;
  dataDir: string;
  file: string;
  onProgress?: OnProgress;
  /** FILE_STORE: where the installation keeps its uploaded files (auto when not given). */
  fileStore?: FileStoreSetting;
}

export interface RestoreReport {
  /** Whether rows and files were written; false when the archive was refused before. */
  restored: boolean;
  manifest: BackupManifest | null;
  tables: Array<{ name: string; rows: number }>;
  files: number;
  /** Empty when every table and file matched the manifest. */
  mismatches: Mismatch[];
  /** Migrations applied after loading, when the archive came from an older schema. */
  upgradedWith: string[];
  missingFiles: string[];
}

const notABackup = () => AppError.field("validation_failed", "file", "This file is not a Conventio backup.");

/**
 * Fills an empty installation from an archive: checks every table and file against the manifest,
 * brings the database to the archive's schema, loads every table in dependency order in one
 * transaction, compares what was written with the manifest before committing, puts the files in
 * the file store and checks them again, then applies the migrations that came after the archive.
 * Files kept in the database are written in the same transaction as the rows and verified before
 * it commits; files kept on disk are put in place once it has.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreReport> {
  const { database, dataDir, file } = options;
  const progress = options.onProgress ?? (() => {});
  await requireEmptyInstallation(database);
  if (!existsSync(file)) {
    throw AppError.field("validation_failed", "file", "There is no file at {{file}}.", { file });
  }
  mkdirSync(dataDir, { recursive: true });
  const staging = mkdtempSync(join(dataDir, ".restore-"));
  const refused = (manifest: BackupManifest | null, mismatches: Mismatch[]): RestoreReport => ({
    restored: false,
    manifest,
    tables: [],
    files: 0,
    mismatches,
    upgradedWith: [],
    missingFiles: manifest?.missingFiles ?? [],
  });
  try {
    const unexpected = await extract(file, staging);
    const manifest = readManifest(staging);
    const archiveProblems = [...unexpected, ...(await checkArchive(staging, manifest, progress))];
    if (archiveProblems.length > 0) return refused(manifest, archiveProblems);

    await prepareSchema(database, manifest.schemaVersion);
    const aligned = alignPlans(await planTables(database.db, database.dialect), manifest.tables);
    if (aligned.mismatches.length > 0) return refused(manifest, aligned.mismatches);
    const { plans } = aligned;
    const expected = new Map(manifest.tables.map((t) => [t.name, t]));

    const total = manifest.tables.reduce((n, t) => n + t.rows, 0);
    const storeKind = storeKindOf(options.fileStore, database.dialect);
    // Files on disk are put in place after the commit; their differences are reported, not undone.
    let fileMismatches: Mismatch[] = [];
    try {
      await database.db.transaction().execute(async (trx) => {
        let done = 0;
        for (const plan of plans) {
          const writer = new TableWriter(trx, plan, keysOf(plan));
          for await (const line of linesOf(join(staging, `tables/${plan.name}.jsonl`))) {
            await writer.add(parseRowLine(plan, line));
            done += 1;
            if (done % 1000 === 0) progress({ step: "write", done, total, detail: plan.name });
          }
          await writer.finish();
          progress({ step: "write", done, total, detail: plan.name });
        }
        const mismatches: Mismatch[] = [];
        for (const [i, plan] of plans.entries()) {
          const digest = await digestTable(trx, database.dialect, plan);
          const want = expected.get(plan.name);
          if (want && (digest.rows !== want.rows || digest.sha256 !== want.sha256)) {
            mismatches.push({
              kind: "table",
              name: plan.name,
              expected: `${want.rows} rows, sha256 ${want.sha256}`,
              found: `${digest.rows} rows, sha256 ${digest.sha256}`,
            });
          }
          progress({ step: "verify", done: i + 1, total: plans.length, detail: plan.name });
        }
        if (storeKind === "database") {
          mismatches.push(
            ...(await placeFiles(storeOn(storeKind, dataDir, trx), trx, staging, manifest.files, progress)),
          );
        }
        if (mismatches.length > 0) throw new VerificationFailed(mismatches);
      });
    } catch (err) {
      if (err instanceof VerificationFailed) return refused(manifest, err.mismatches);
      throw err;
    }
    if (storeKind === "disk") {
      const files = storeOn(storeKind, dataDir, database.db);
      fileMismatches = await placeFiles(files, database.db, staging, manifest.files, progress);
    }
    const upgradedWith = await migrateToLatest(database.db);
    await refreshSearch(
      database,
      plans.map((p) => p.name),
    );
    return {
      restored: true,
      manifest,
      tables: manifest.tables.map((t) => ({ name: t.name, rows: t.rows })),
      files: manifest.files.length,
      mismatches: fileMismatches,
      upgradedWith,
      missingFiles: manifest.missingFiles,
    };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** The columns a row is found by when its links are written: the primary key. */
function keysOf(plan: TablePlan): string[] {
  return plan.orderBy;
}

/**
 * Unpacks the archive into the staging folder, taking only regular files named as a backup
 * names them (the manifest, table files, uploads); anything else is reported, never written.
 */
async function extract(file: string, staging: string): Promise<Mismatch[]> {
  const unexpected: Mismatch[] = [];
  const allowed = (path: string) =>
    path === "manifest.json" || /^tables\/[a-z_][a-z0-9_]*\.jsonl$/.test(path) || UPLOAD_PATH.test(path);
  try {
    await tar.x({
      file,
      cwd: staging,
      strict: true,
      noChmod: true,
      // Read a megabyte at a time: the default 16 MB reads let gunzip run far ahead of the disk.
      maxReadSize: 1 << 20,
      filter: (path, entry) => {
        const type = "type" in entry ? entry.type : "File";
        if (type === "Directory") return false;
        if (type === "File" && allowed(path)) return true;
        unexpected.push({ kind: "archive", name: path, expected: "no such entry", found: type });
        return false;
      },
    });
  } catch {
    throw notABackup();
  }
  return unexpected;
}

function readManifest(staging: string): BackupManifest {
  const path = join(staging, "manifest.json");
  if (!existsSync(path)) throw notABackup();
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch {
    throw notABackup();
  }
  const manifest = BackupManifest.safeParse(parsed);
  if (!manifest.success) throw notABackup();
  return manifest.data;
}

/** Compares every table file and upload in the staging folder with the manifest, before anything is written. */
async function checkArchive(staging: string, manifest: BackupManifest, progress: OnProgress): Promise<Mismatch[]> {
  const mismatches: Mismatch[] = [];
  const total = manifest.tables.length + manifest.files.length;
  let done = 0;
  for (const t of manifest.tables) {
    // The file's bytes are compared here; its rows are counted once they are written.
    const path = join(staging, t.file);
    const found = existsSync(path) ? await hashFile(path) : null;
    if (!found) mismatches.push({ kind: "table", name: t.name, expected: `${t.rows} rows`, found: "no file" });
    else if (found.sha256 !== t.sha256) {
      mismatches.push({ kind: "table", name: t.name, expected: `sha256 ${t.sha256}`, found: `sha256 ${found.sha256}` });
    }
    progress({ step: "check", done: ++done, total, detail: t.name });
  }
  const listed = new Set(manifest.files.map((f) => f.path));
  for (const f of manifest.files) {
    const path = join(staging, f.path);
    const found = existsSync(path) ? await hashFile(path) : null;
    if (!found) mismatches.push({ kind: "file", name: f.path, expected: f.sha256, found: "no file" });
    else if (found.sha256 !== f.sha256 || found.size !== f.size) {
      mismatches.push({ kind: "file", name: f.path, expected: f.sha256, found: found.sha256 });
    }
    progress({ step: "check", done: ++done, total, detail: f.path });
  }
  for (const path of filesUnder(staging, ["files", "pictures"])) {
    if (!listed.has(path))
      mismatches.push({ kind: "file", name: path, expected: "not in the manifest", found: "file" });
  }
  return mismatches;
}

/** Every file under the given folders of root, relative to root. */
function filesUnder(root: string, folders: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else out.push(relative(root, path));
    }
  };
  for (const f of folders) walk(join(root, f));
  return out;
}

/** The lines of a file, streamed. */
function linesOf(path: string): AsyncIterable<string> {
  return createInterface({ input: createReadStream(path, "utf8"), crlfDelay: Number.POSITIVE_INFINITY });
}
