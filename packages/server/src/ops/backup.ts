import { createHash } from "node:crypto";
import { once } from "node:events";
import {
  closeSync,
  createWriteStream,
  existsSync,
  fsyncSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, resolve } from "node:path";
import { finished } from "node:stream/promises";
import type { Kysely } from "kysely";
import * as tar from "tar";
import type { Database } from "#db/connection.js";
import type { DB } from "#db/schema.js";
import { AppError } from "#shared/app-error.js";
import type { FileStoreSetting } from "#shared/file-store.js";
import { type BackupManifest, conventioVersion, tableFile } from "./manifest.js";
import type { OnProgress } from "./ops-steps.js";
import { schemaVersionOf, withSnapshot } from "./snapshot.js";
import { planTables } from "./table-order.js";
import { countRows, readRows, rowLine } from "./table-rows.js";
import { stageFiles, storeKindOf, storeOn } from "./upload-files.js";
import { uploadsOf } from "./uploads.js";

export interface BackupOptions {
  database: Database;
  dataDir: string;
  /** The archive to write (.tar.gz); given an existing folder, a dated name inside it. */
  file: string;
  now?: Date;
  onProgress?: OnProgress;
  /** FILE_STORE: where the installation keeps its uploaded files (auto when not given). */
  fileStore?: FileStoreSetting;
}

export interface BackupResult {
  file: string;
  bytes: number;
  manifest: BackupManifest;
}

/**
 * Writes one archive of an installation while it runs: every table as JSON lines (read from one
 * snapshot, in dependency order), the uploaded files those rows name, and a manifest with the
 * schema version, the row counts and a SHA-256 of every table and file (decision 018). Files kept
 * in the database are read in the same snapshot as the rows; files on disk are linked after it.
 */
export async function createBackup(options: BackupOptions): Promise<BackupResult> {
  const { database, dataDir } = options;
  const now = options.now ?? new Date();
  const progress = options.onProgress ?? (() => {});
  const file = archivePath(options.file, now);
  mkdirSync(dataDir, { recursive: true });
  // Beside the uploads, so that they are linked rather than copied into the archive's folder.
  const staging = mkdtempSync(join(dataDir, ".backup-"));
  const part = `${file}.part`;
  try {
    mkdirSync(join(staging, "tables"));
    const uploads = new Set<string>();
    const storeKind = storeKindOf(options.fileStore, database.dialect);
    const stage = (db: Kysely<DB>) =>
      stageFiles(storeOn(storeKind, dataDir, db), dataDir, [...uploads].sort(), staging, progress);
    const { schemaVersion, tables, staged } = await withSnapshot(database, staging, async (db) => {
      const version = await schemaVersionOf(db);
      if (!version) {
        throw new AppError("conflict", "This installation has no database yet; there is nothing to back up.");
      }
      const plans = await planTables(db, database.dialect);
      const counts = new Map<string, number>();
      for (const plan of plans) counts.set(plan.name, await countRows(db, plan.name));
      const total = [...counts.values()].reduce((a, b) => a + b, 0);
      let done = 0;
      const written: BackupManifest["tables"] = [];
      for (const plan of plans) {
        const out = createWriteStream(join(staging, tableFile(plan.name)), { flags: "wx" });
        const hash = createHash("sha256");
        let rows = 0;
        for await (const batch of readRows(db, database.dialect, plan)) {
          const lines = batch.map((row) => rowLine(plan, row)).join("");
          for (const row of batch) for (const path of uploadsOf(plan.name, row)) uploads.add(path);
          hash.update(lines);
          if (!out.write(lines)) await once(out, "drain");
          rows += batch.length;
          done += batch.length;
          progress({ step: "read", done, total, detail: plan.name });
        }
        out.end();
        await finished(out);
        written.push({
          name: plan.name,
          file: tableFile(plan.name),
          columns: plan.columns,
          rows,
          sha256: hash.digest("hex"),
        });
      }
      return {
        schemaVersion: version,
        tables: written,
        staged: storeKind === "database" ? await stage(db) : null,
      };
    });
    const { files, missing: missingFiles } = staged ?? (await stage(database.db));

    const manifest: BackupManifest = {
      format: "conventio-backup",
      formatVersion: 1,
      conventioVersion: conventioVersion(),
      schemaVersion,
      engine: database.dialect,
      createdAt: now.toISOString(),
      tables,
      files,
      missingFiles,
    };
    writeFileSync(join(staging, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);

    // The manifest first, so that a reader learns what follows before it follows.
    const entries = ["manifest.json", ...tables.map((t) => t.file), ...files.map((f) => f.path)];
    let packed = 0;
    await tar.c(
      {
        gzip: true,
        file: part,
        cwd: staging,
        portable: true,
        maxReadSize: 1 << 20,
        onWriteEntry: () => {
          packed += 1;
          progress({ step: "archive", done: packed, total: entries.length, detail: "" });
        },
      },
      entries,
    );
    const fd = openSync(part, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(part, file);
    return { file, bytes: statSync(file).size, manifest };
  } finally {
    rmSync(staging, { recursive: true, force: true });
    rmSync(part, { force: true });
  }
}

/** The archive's path: the one given, or a dated name inside a folder (one ending in / is made); never an existing file. */
function archivePath(given: string, now: Date): string {
  let file = resolve(given);
  const folder = /[\\/]$/.test(given) || (existsSync(file) && statSync(file).isDirectory());
  if (folder) {
    mkdirSync(file, { recursive: true });
    const stamp = now.toISOString().replace(/\..*$/, "").replaceAll(":", "").replace("T", "-");
    file = join(file, `conventio-${stamp}.tar.gz`);
  }
  if (existsSync(file)) {
    throw AppError.field("conflict", "file", "{{file}} already exists; a backup never overwrites a file.", { file });
  }
  mkdirSync(dirname(file), { recursive: true });
  return file;
}
