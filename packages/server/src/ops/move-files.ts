import type { Database } from "#db/connection.js";
import { createFileStore } from "#shared/file-store.js";
import type { Mismatch, OnProgress } from "./ops-steps.js";
import { digestStored } from "./upload-files.js";
import { uploadsOf } from "./uploads.js";

export interface MoveFilesReport {
  /** Files written into the database and read back as they were on disk. */
  moved: number;
  /** Files the database already held: a move run again, or cut short, picks up where it stopped. */
  present: number;
  /** Files the rows name that DATA_DIR does not have. */
  missing: string[];
  /** Files that did not read back as they were on disk; none of them is kept in the database. */
  mismatches: Mismatch[];
}

/** The tables whose rows name uploaded files. */
const TABLES_WITH_FILES = ["document", "picture", "site_settings"] as const;

/**
 * Moves the uploaded files the rows name from DATA_DIR into the database's file store: for an
 * installation that kept its files on disk (on PostgreSQL before FILE_STORE, or with
 * FILE_STORE=disk) and now keeps them where every process reaches them (decision 029). Each file
 * is written in a statement of its own and read back before it counts as moved, so the move can
 * run while the server runs and can be run again. The files on disk are left in place.
 */
export async function moveFilesToDatabase(options: {
  database: Database;
  dataDir: string;
  onProgress?: OnProgress;
}): Promise<MoveFilesReport> {
  const { database, dataDir } = options;
  const progress = options.onProgress ?? (() => {});
  const disk = createFileStore("disk", { dataDir, db: database.db });
  const table = createFileStore("database", { dataDir, db: database.db });
  const keys = new Set<string>();
  for (const name of TABLES_WITH_FILES) {
    const rows = await database.db.selectFrom(name).selectAll().execute();
    for (const row of rows) for (const key of uploadsOf(name, row)) keys.add(key);
  }
  const report: MoveFilesReport = { moved: 0, present: 0, missing: [], mismatches: [] };
  const all = [...keys].sort();
  for (const [i, key] of all.entries()) {
    progress({ step: "files", done: i + 1, total: all.length, detail: key });
    if (await table.exists(key)) {
      report.present += 1;
      continue;
    }
    const onDisk = await digestStored(disk, key);
    const file = onDisk ? await disk.get(key) : null;
    if (!onDisk || !file) {
      report.missing.push(key);
      continue;
    }
    await table.put(key, file.stream);
    const stored = await digestStored(table, key);
    if (!stored || stored.sha256 !== onDisk.sha256 || stored.size !== onDisk.size) {
      await table.delete([key]);
      report.mismatches.push({ kind: "file", name: key, expected: onDisk.sha256, found: stored?.sha256 ?? "no file" });
      continue;
    }
    report.moved += 1;
  }
  return report;
}
