import { existsSync } from "node:fs";
import { join } from "node:path";
import {
  AppError,
  type Config,
  chooseFileStore,
  connect,
  copyDatabase,
  createBackup,
  type Database,
  loadConfig,
  type Mismatch,
  migrateToLatest,
  moveFilesToDatabase,
  type OnProgress,
  type OpsProgress,
  restoreBackup,
} from "@conventio/server";
import type { Command } from "commander";
import { progressBar } from "../progress.js";

/** Backups, restores, the move to PostgreSQL and the move of uploaded files into the database. */
export function registerOperateCommands(program: Command): void {
  program
    .command("backup <file>")
    .description(
      "Write one archive (.tar.gz) of the database, the uploaded files and a manifest of checksums; safe while the server runs",
    )
    .action((file: string) =>
      withDatabase(async (config, database) => {
        const progress = stepBars();
        const r = await createBackup({
          database,
          dataDir: config.dataDir,
          file,
          fileStore: config.FILE_STORE,
          onProgress: progress.report,
        }).finally(progress.stop);
        const rows = r.manifest.tables.reduce((n, t) => n + t.rows, 0);
        console.log(
          `Backup written to ${r.file} (${megabytes(r.bytes)}): ${r.manifest.tables.length} tables, ${rows} rows, ` +
            `${r.manifest.files.length} files, schema ${r.manifest.schemaVersion}.`,
        );
        for (const path of r.manifest.missingFiles) {
          console.error(`Warning: ${path} is named in the database but was not in the file store.`);
        }
      }, "backup"),
    );

  program
    .command("restore <file>")
    .description(
      "Fill an empty installation (this DATA_DIR and DATABASE_URL) from a backup, then check every table and file against its manifest",
    )
    .action((file: string) =>
      withDatabase(async (config, database) => {
        const progress = stepBars();
        const r = await restoreBackup({
          database,
          dataDir: config.dataDir,
          file,
          fileStore: config.FILE_STORE,
          onProgress: progress.report,
        }).finally(progress.stop);
        const m = r.manifest;
        if (r.restored && m) {
          const rows = r.tables.reduce((n, t) => n + t.rows, 0);
          console.log(
            `Restored ${r.tables.length} tables (${rows} rows) and ${r.files} files into ${database.where}, ` +
              `from a ${m.engine} backup of ${m.createdAt} (schema ${m.schemaVersion}).`,
          );
          if (r.upgradedWith.length > 0) console.log(`Then brought up to date: ${r.upgradedWith.join(", ")}.`);
        }
        for (const path of r.missingFiles)
          console.error(`Warning: ${path} was already missing when the backup was taken.`);
        reportMismatches(r.mismatches, r.restored ? "after restoring" : "nothing was restored");
      }, null),
    );

  program
    .command("copy")
    .description(
      "Copy this installation's database and uploaded files to an empty PostgreSQL database, verifying every table and file; with FILE_STORE=disk the files stay in DATA_DIR",
    )
    .requiredOption("--to <url>", "the PostgreSQL database, postgres://user:password@host:port/database")
    .action((opts: { to: string }) => {
      if (!/^postgres(ql)?:\/\//.test(opts.to)) {
        console.error(
          "Give the target as a postgres:// address, for example postgres://conventio@localhost/conventio.",
        );
        process.exitCode = 2;
        return;
      }
      return withDatabase(async (config, source) => {
        const target = connect({ url: opts.to });
        try {
          const progress = stepBars();
          const r = await copyDatabase({
            source,
            target,
            scratchDir: config.dataDir,
            fileStore: config.FILE_STORE,
            onProgress: progress.report,
          }).finally(progress.stop);
          if (r.mismatches.length === 0) {
            const rows = r.tables.reduce((n, t) => n + t.rows, 0);
            console.log(
              `Copied ${r.tables.length} tables (${rows} rows) to ${target.where}, each one counted and compared row by row.`,
            );
            const run = `set DATABASE_URL=${withoutPassword(opts.to)} to run Conventio on PostgreSQL.`;
            if (config.FILE_STORE === "disk") {
              console.log(
                `Uploaded files were not copied: they stay in ${config.dataDir}. Keep DATA_DIR as it is and ${run}`,
              );
            } else {
              console.log(
                `Copied ${r.files} uploaded files into the database, each one compared byte for byte; ${run}`,
              );
            }
          }
          for (const path of r.missingFiles) {
            console.error(`Warning: ${path} is named in the database but was not in the file store.`);
          }
          reportMismatches(r.mismatches, "nothing was copied");
        } finally {
          await target.destroy();
        }
      }, "copy");
    });

  registerMoveFiles(program);
}

/** Moves the uploaded files from DATA_DIR into the database (decision 029). */
function registerMoveFiles(program: Command): void {
  program
    .command("move-files")
    .description(
      "Move the uploaded files from DATA_DIR into the database, where every server process reaches them; safe while the server runs, and to run again",
    )
    .action(() =>
      withDatabase(async (config, database) => {
        if (chooseFileStore(config.FILE_STORE, database.dialect) !== "database") {
          console.error(
            `This installation keeps its files on disk (FILE_STORE=${config.FILE_STORE} on ${database.dialect}); ` +
              "set FILE_STORE=database (or leave it at auto on PostgreSQL) to keep them in the database.",
          );
          process.exitCode = 2;
          return;
        }
        await migrateToLatest(database.db);
        const progress = stepBars();
        const r = await moveFilesToDatabase({ database, dataDir: config.dataDir, onProgress: progress.report }).finally(
          progress.stop,
        );
        console.log(
          `Moved ${r.moved} files into the database, each one read back and compared (${r.present} were there already). ` +
            `Their copies in ${config.dataDir} can be removed once you have checked the installation.`,
        );
        for (const path of r.missing)
          console.error(`Warning: ${path} is named in the database but was not in ${config.dataDir}.`);
        reportMismatches(r.mismatches, "those files were not moved");
      }, null),
    );
}

/**
 * Opens the configured database without migrating it: a backup or a copy takes it as it is, a
 * restore prepares it. A backup or a copy of an SQLite installation refuses a missing file rather
 * than create an empty one.
 */
async function withDatabase(
  run: (config: Config, database: Database) => Promise<void>,
  existing: "backup" | "copy" | null,
): Promise<void> {
  const config = loadConfig();
  const sqliteFile = join(config.dataDir, "conventio.db");
  const onPostgres = /^postgres(ql)?:\/\//.test(config.DATABASE_URL ?? "");
  if (existing && !onPostgres && !existsSync(sqliteFile)) {
    throw existing === "backup"
      ? new AppError("conflict", "This installation has no database yet; there is nothing to back up.")
      : new AppError("conflict", "This installation has no database yet; there is nothing to copy.");
  }
  const database = connect({ url: config.DATABASE_URL, sqliteFile });
  try {
    await run(config, database);
  } finally {
    await database.destroy();
  }
}

function reportMismatches(mismatches: Mismatch[], outcome: string): void {
  if (mismatches.length === 0) return;
  console.error(`${mismatches.length} differences found; ${outcome}:`);
  for (const m of mismatches) console.error(`  ${m.kind} ${m.name}: expected ${m.expected}, found ${m.found}`);
  process.exitCode = 1;
}

const STEP_LABELS: Record<OpsProgress["step"], string> = {
  read: "Reading tables",
  files: "Uploaded files",
  archive: "Writing the archive",
  check: "Checking the archive",
  write: "Writing tables",
  verify: "Verifying tables",
};

/** One progress bar per step of the work, each with the step's own total. */
function stepBars(): { report: OnProgress; stop: () => void } {
  let current: { step: OpsProgress["step"]; bar: ReturnType<typeof progressBar> } | null = null;
  return {
    report(p) {
      if (current?.step !== p.step) {
        current?.bar.stop();
        current = { step: p.step, bar: progressBar(STEP_LABELS[p.step], p.total) };
      }
      current.bar.update(p.done, p.detail);
    },
    stop() {
      current?.bar.stop();
      current = null;
    },
  };
}

const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

function withoutPassword(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = "…";
  return u.toString();
}
