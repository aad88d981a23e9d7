import { createReadStream, readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { ColumnMapping, IMPORT_KINDS, type ImportKind, type ImportReport } from "@conventio/domain";
import { SYSTEM_ACTOR } from "@conventio/server";
import { Argument, type Command } from "commander";
import { withServices } from "../context.js";
import { progressBar } from "../progress.js";

interface ImportOptions {
  mapping?: string;
  dryRun?: boolean;
  saveMapping?: string;
}

/** A mapping file: field name → source column header (or null). */
function readMapping(file: string): ColumnMapping {
  const parsed = ColumnMapping.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (parsed.success) return parsed.data;
  throw new Error(`${file} is not a mapping: an object of field names and column headers (or null).`);
}

/** Every row's outcome, every error with its row, column and value, then the counts. */
function printReport(report: ImportReport): void {
  for (const r of report.rows) {
    const id = r.id ? ` ${r.id}` : "";
    console.log(`row ${r.row}\t${r.action}\t${r.label}${id}`);
    for (const n of r.notes) console.log(`\t\t${n.message}`);
  }
  for (const e of report.errors) {
    console.error(`row ${e.row}, column ${e.column}, value ${JSON.stringify(e.value ?? "")}: ${e.message}`);
  }
  const c = report.counts;
  const verb = report.applied ? "Imported" : report.errors.length > 0 ? "Nothing imported" : "Dry run, nothing written";
  console.log(
    `${verb}: ${report.rowCount} rows — ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${c.skipped} skipped, ${c.errors} with errors.`,
  );
}

/** Spreadsheet imports: a CSV or XLSX file of one kind of record, checked and written in one go. */
export function registerImportCommands(program: Command): void {
  program
    .command("import")
    .description(
      "Import a CSV or XLSX sheet: every row is checked, then all are written in one transaction, or none when a row has an error",
    )
    .addArgument(new Argument("<kind>", "what the sheet holds").choices(IMPORT_KINDS))
    .argument("<file>", "the sheet: .csv (comma, semicolon or tab; UTF-8 or Windows-1252) or .xlsx (first sheet)")
    .option("--mapping <file>", "a JSON file mapping fields to column headers; else the saved or guessed one")
    .option("--dry-run", "show what would be created, updated or left unchanged, and write nothing")
    .option("--save-mapping <file>", "write the mapping used to this JSON file")
    .action((kind: ImportKind, file: string, opts: ImportOptions) =>
      withServices(async ({ imports }) => {
        const given = opts.mapping ? readMapping(opts.mapping) : undefined;
        const preview = await imports.upload(SYSTEM_ACTOR, kind, basename(file), createReadStream(file));
        try {
          const mapping = given ?? preview.mapping;
          const used = Object.entries(mapping).filter(([, column]) => column);
          console.error(
            `${preview.rowCount} rows; ${preview.mappingSource === "saved" && !given ? "saved" : given ? "given" : "guessed"} mapping: ${used.map(([f, c]) => `${f} ← ${c}`).join(", ")}`,
          );
          if (opts.saveMapping) writeFileSync(opts.saveMapping, `${JSON.stringify(mapping, null, 2)}\n`);
          const bar = progressBar(opts.dryRun ? "Checking" : "Importing", preview.rowCount);
          const step = opts.dryRun ? imports.dryRun : imports.apply;
          let report: ImportReport;
          try {
            report = await step(SYSTEM_ACTOR, preview.uploadId, mapping, (p) => bar.update(p.done, p.phase));
          } finally {
            bar.stop();
          }
          printReport(report);
          if (report.errors.length > 0) process.exitCode = 1;
        } finally {
          imports.discard(SYSTEM_ACTOR, preview.uploadId);
        }
      }),
    );
}
