import { createWriteStream } from "node:fs";
import type { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { EXPORT_FORMATS, EXPORT_KINDS, EXPORT_QUERIES, type ExportFormat, type ExportKind } from "@conventio/domain";
import { SYSTEM_ACTOR } from "@conventio/server";
import { Argument, type Command, Option } from "commander";
import { withServices } from "../context.js";

/** Command-line options and the list filter each one sets. */
const FILTERS = {
  q: "search words",
  kind: "kind of record",
  status: "status",
  country: "country code (ISO 3166-1)",
  partner: "id of a partner organisation",
  organisation: "id of an organisation (people)",
  network: "id of a network or programme (organisations)",
  agreement: "id of an agreement (activities, events)",
  theme: "theme (agreements)",
  expiringWithinDays: "agreements ending within this many days",
  from: "events ending after this instant",
  to: "events starting before this instant",
  entity: "kind of record (audit)",
  entityId: "id of a record (audit)",
} as const;

type Filters = Partial<Record<keyof typeof FILTERS, string>>;

const optionName = (key: string) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** The filters given, checked against the list's own query schema; null after saying what is wrong. */
function filtersOf(kind: ExportKind, opts: Filters): Record<string, unknown> | null {
  const schema = EXPORT_QUERIES[kind];
  const given = Object.fromEntries(Object.entries(opts).filter(([key, v]) => key in FILTERS && v !== undefined));
  const foreign = Object.keys(given).filter((key) => !(key in schema.shape));
  if (foreign.length) {
    console.error(`${foreign.map(optionName).join(", ")} does not filter ${kind}.`);
    return null;
  }
  const parsed = schema.safeParse(given);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) console.error(`${optionName(issue.path.join("."))}: ${issue.message}`);
  return null;
}

/** Spreadsheets of every list, with the list's filters, streamed to a file or to standard output. */
export function registerExportCommands(program: Command): void {
  const command = program
    .command("export")
    .description("Write a list as CSV or as an Excel workbook, with the list's filters, under the import's headers")
    .addArgument(new Argument("<kind>", "the list").choices(EXPORT_KINDS))
    .addOption(new Option("--format <format>", "csv or xlsx; xlsx when --out ends in .xlsx").choices(EXPORT_FORMATS))
    .option("--out <file>", "write to this file instead of standard output");
  for (const [key, description] of Object.entries(FILTERS)) command.option(`${optionName(key)} <value>`, description);
  command.action((kind: ExportKind, opts: Filters & { format?: ExportFormat; out?: string }) =>
    withServices(async ({ exports }) => {
      const format: ExportFormat = opts.format ?? (opts.out?.toLowerCase().endsWith(".xlsx") ? "xlsx" : "csv");
      if (format === "xlsx" && !opts.out && process.stdout.isTTY) {
        console.error("A workbook is binary: give --out FILE.xlsx or redirect the output.");
        process.exitCode = 1;
        return;
      }
      const query = filtersOf(kind, opts);
      if (!query) {
        process.exitCode = 1;
        return;
      }
      // Progress goes to standard error, and only when the rows go to a file, so piped output stays clean.
      const tell = opts.out && process.stderr.isTTY;
      const opened = await exports.openExport(SYSTEM_ACTOR, kind, format, query as never, "en", (rows) => {
        if (tell) process.stderr.write(`\r${rows} rows written`);
      });
      const target: Writable = opts.out ? createWriteStream(opts.out) : process.stdout;
      try {
        await pipeline(opened.stream, target);
      } catch (err) {
        // A reader that stops early (`| head`) closes the pipe: that ends the export, it is no failure.
        if ((err as NodeJS.ErrnoException).code !== "EPIPE") throw err;
        opened.stream.destroy();
        return;
      }
      if (opts.out) {
        if (tell) process.stderr.write("\n");
        console.error(`Wrote ${opts.out}.`);
      }
    }),
  );
}
