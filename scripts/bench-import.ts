/**
 * Spreadsheet import at scale: 100,000 organisations written as CSV and as an Excel workbook,
 * each imported through the import path (upload, reading, mapping, checks, one transaction
 * through the organisation service), beside a raw prepared insert of the same rows into a bare
 * table. Prints rows/s for each and the share of the raw rate the import reaches.
 */
import { createReadStream, createWriteStream } from "node:fs";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { SYSTEM_ACTOR, type Services } from "@conventio/server";
import { stringify } from "csv-stringify";
import ExcelJS from "exceljs";

export interface ImportBench {
  services: Services;
  engine: "sqlite" | "postgres";
  dir: string;
  /** The SQLite file of the bench, or the PostgreSQL URL and schema. */
  sqliteFile: string;
  pgUrl: string;
  schema: string;
  rows: number;
  line: (label: string, value: string) => void;
}

const HEADERS = ["name", "kind", "countryCode", "city", "website", "pic"] as const;
const COUNTRIES = ["FR", "SE", "DE", "IT", "ES", "JP", "GR", "PL", "NL", "BE"];

/** A made-up but plausible partner; the PIC makes each row match itself on a second import. */
function row(i: number, offset: number): string[] {
  const n = i + offset;
  const country = COUNTRIES[n % COUNTRIES.length] ?? "FR";
  return [
    `Institut d'études ${n} de ${country}`,
    "university",
    country,
    `Ville ${n % 997}`,
    `https://inst-${n}.example.org`,
    String(900_000_000 + n),
  ];
}

async function writeCsv(path: string, rows: number, offset: number): Promise<void> {
  async function* lines() {
    yield [...HEADERS];
    for (let i = 0; i < rows; i++) yield row(i, offset);
  }
  await pipeline(lines(), stringify(), createWriteStream(path));
}

async function writeXlsx(path: string, rows: number, offset: number): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
  const sheet = workbook.addWorksheet("Organisations");
  sheet.addRow([...HEADERS]).commit();
  for (let i = 0; i < rows; i++) sheet.addRow(row(i, offset)).commit();
  await workbook.commit();
}

/** The same rows into a bare table with one prepared statement in one transaction. */
async function rawInsertSeconds(b: ImportBench, offset: number): Promise<number> {
  const t0 = performance.now();
  if (b.engine === "sqlite") {
    const { default: SQLite } = await import("better-sqlite3");
    const raw = new SQLite(b.sqliteFile);
    raw.pragma("journal_mode = WAL");
    raw.pragma("synchronous = FULL");
    raw.exec(
      "create table if not exists bench_raw_import (name text, kind text, country_code text, city text, website text, pic text primary key)",
    );
    const stmt = raw.prepare("insert into bench_raw_import values (?, ?, ?, ?, ?, ?)");
    raw.transaction(() => {
      for (let i = 0; i < b.rows; i++) stmt.run(...row(i, offset));
    })();
    raw.close();
  } else {
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: b.pgUrl, options: `-c search_path=${b.schema}` });
    await client.connect();
    await client.query(
      "create table if not exists bench_raw_import (name text, kind text, country_code text, city text, website text, pic text primary key)",
    );
    await client.query("begin");
    for (let i = 0; i < b.rows; i++) {
      await client.query({
        name: "raw-import",
        text: "insert into bench_raw_import values ($1, $2, $3, $4, $5, $6)",
        values: row(i, offset),
      });
    }
    await client.query("commit");
    await client.end();
  }
  return (performance.now() - t0) / 1000;
}

/** Upload, then apply with the mapping guessed from the headers; seconds from upload to commit. */
async function importSeconds(
  b: ImportBench,
  path: string,
  name: string,
): Promise<{ seconds: number; created: number }> {
  const t0 = performance.now();
  const preview = await b.services.imports.upload(SYSTEM_ACTOR, "organisations", name, createReadStream(path));
  const report = await b.services.imports.apply(SYSTEM_ACTOR, preview.uploadId, preview.mapping);
  const seconds = (performance.now() - t0) / 1000;
  b.services.imports.discard(SYSTEM_ACTOR, preview.uploadId);
  return { seconds, created: report.counts.created };
}

export async function benchImport(b: ImportBench): Promise<void> {
  const rate = (n: number, s: number) => `${Math.round(n / s)} rows/s (${n} rows, ${s.toFixed(1)} s)`;
  const formats = [
    { name: "CSV", file: join(b.dir, "import-bench.csv"), offset: 0, write: writeCsv },
    { name: "XLSX", file: join(b.dir, "import-bench.xlsx"), offset: b.rows, write: writeXlsx },
  ] as const;
  for (const f of formats) {
    await f.write(f.file, b.rows, f.offset);
    const raw = await rawInsertSeconds(b, f.offset);
    const imported = await importSeconds(b, f.file, `organisations.${f.name.toLowerCase()}`);
    b.line(`import of ${f.name} through the import path`, rate(imported.created, imported.seconds));
    b.line(`raw prepared insert, same ${f.name} rows`, rate(b.rows, raw));
    b.line(
      `  ${f.name} import as a share of the raw rate`,
      `${((100 * (imported.created / imported.seconds)) / (b.rows / raw)).toFixed(1)} %`,
    );
  }
}
