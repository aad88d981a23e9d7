/**
 * Spreadsheet import at scale: 100,000 organisations written as CSV and as an Excel workbook,
 * each imported through the import path (upload, reading, mapping, checks, one transaction
 * through the organisation service), beside a raw prepared insert of the same rows into a bare
 * table, and beside prepared inserts of the rows it becomes into the very tables the import fills.
 * Prints rows/s for each and the share of each raw rate the import reaches.
 */

import { randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { foldText, searchDocument } from "@conventio/domain";
import { connect, migrateToLatest, type Services, SYSTEM_ACTOR } from "@conventio/server";
import { stringify } from "csv-stringify";
import ExcelJS from "exceljs";
import { sql } from "kysely";

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

const ORGANISATION_COLUMNS = [
  "id",
  "kind",
  "name",
  "sort_name",
  "names",
  "acronym",
  "country_code",
  "city",
  "city_folded",
  "lat",
  "lng",
  "website",
  "website_host",
  "description",
  "parent_id",
  "successor_id",
  "visibility",
  "created_at",
  "updated_at",
] as const;

/** The rows a spreadsheet row becomes in the tables an import fills: the organisation, its PIC, its search document, its audit entry. */
function tableRows(i: number, offset: number) {
  const [name = "", kind = "", country = "", city = "", website = "", pic = ""] = row(i, offset);
  const id = randomUUID();
  const now = new Date().toISOString();
  const host = new URL(website).hostname;
  const organisation = [
    id,
    kind,
    name,
    foldText(name),
    "[]",
    null,
    country,
    city,
    foldText(city),
    null,
    null,
    website,
    host,
    null,
    null,
    null,
    "internal",
    now,
    now,
  ];
  return {
    organisation,
    identifier: [id, "pic", pic, pic],
    search: ["organisation", id, searchDocument([name, city, host, pic])],
    audit: [randomUUID(), now, null, "organisation.create", "organisation", id, JSON.stringify({ name, pic })],
  };
}

const RAW_TABLE_SQL = {
  organisation: (p: (n: number) => string) =>
    `insert into organisation (${ORGANISATION_COLUMNS.join(", ")}) values (${ORGANISATION_COLUMNS.map((_, n) => p(n)).join(", ")})`,
  identifier: (p: (n: number) => string) =>
    `insert into organisation_identifier (organisation_id, scheme, value, unique_value) values (${[0, 1, 2, 3].map(p).join(", ")})`,
  search: (p: (n: number) => string) =>
    `insert into search_document (entity, entity_id, body) values (${[0, 1, 2].map(p).join(", ")})`,
  audit: (p: (n: number) => string) =>
    `insert into audit_event (id, at, actor_id, action, entity, entity_id, changes) values (${[0, 1, 2, 3, 4, 5, 6].map(p).join(", ")})`,
} as const;

/**
 * The same rows written with one prepared insert per table row into an empty copy of the schema,
 * indexes and search triggers included: what the database itself needs for the import's writes.
 */
async function rawTablesSeconds(b: ImportBench, offset: number): Promise<number> {
  const scratch = `${b.schema}_raw_${offset}`;
  const file = join(b.dir, `raw-tables-${offset}.db`);
  const database = b.engine === "postgres" ? connect({ url: b.pgUrl, schema: scratch }) : connect({ sqliteFile: file });
  if (b.engine === "postgres") await sql`create schema ${sql.id(scratch)}`.execute(database.db);
  await migrateToLatest(database.db);
  await database.destroy();
  const t0 = performance.now();
  if (b.engine === "sqlite") {
    const { default: SQLite } = await import("better-sqlite3");
    const raw = new SQLite(file);
    raw.pragma("journal_mode = WAL");
    raw.pragma("synchronous = FULL");
    const stmts = Object.fromEntries(
      Object.entries(RAW_TABLE_SQL).map(([k, text]) => [k, raw.prepare(text(() => "?"))]),
    ) as Record<keyof typeof RAW_TABLE_SQL, ReturnType<typeof raw.prepare<unknown[]>>>;
    raw.transaction(() => {
      for (let i = 0; i < b.rows; i++) {
        const t = tableRows(i, offset);
        for (const k of Object.keys(RAW_TABLE_SQL) as Array<keyof typeof RAW_TABLE_SQL>) stmts[k].run(t[k]);
      }
    })();
    raw.close();
  } else {
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: b.pgUrl, options: `-c search_path=${scratch}` });
    await client.connect();
    await client.query("begin");
    for (let i = 0; i < b.rows; i++) {
      const t = tableRows(i, offset);
      for (const k of Object.keys(RAW_TABLE_SQL) as Array<keyof typeof RAW_TABLE_SQL>) {
        await client.query({ name: `raw-${k}`, text: RAW_TABLE_SQL[k]((n) => `$${n + 1}`), values: t[k] });
      }
    }
    await client.query("commit");
    await client.query(`drop schema "${scratch}" cascade`);
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
    const rawTables = await rawTablesSeconds(b, f.offset);
    const imported = await importSeconds(b, f.file, `organisations.${f.name.toLowerCase()}`);
    const share = (seconds: number) =>
      `${((100 * (imported.created / imported.seconds)) / (b.rows / seconds)).toFixed(1)} %`;
    b.line(`import of ${f.name} through the import path`, rate(imported.created, imported.seconds));
    b.line(`raw prepared insert, same ${f.name} rows`, rate(b.rows, raw));
    b.line(`  ${f.name} import as a share of the raw rate`, `${share(raw)} (goal: at least 33 %)`);
    b.line(`raw prepared inserts into the import's tables`, rate(b.rows, rawTables));
    b.line(`  ${f.name} import as a share of that rate`, share(rawTables));
  }
}

/** Run alone: `npx tsx scripts/bench-import.ts [--engine sqlite|postgres] [--rows 100000]`. */
async function main(): Promise<void> {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { parseArgs } = await import("node:util");
  const { createLogger, createServices, loadConfig } = await import("@conventio/server");
  const { values } = parseArgs({
    options: { engine: { type: "string", default: "sqlite" }, rows: { type: "string", default: "100000" } },
  });
  const engine = values.engine === "postgres" ? "postgres" : "sqlite";
  const pgUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  const dir = mkdtempSync(join(tmpdir(), "conventio-bench-import-"));
  const config = loadConfig({ NODE_ENV: "production", DATA_DIR: dir, LOG_LEVEL: "silent", PORT: "0" });
  const schema = `bench_import_${Date.now()}`;
  if (engine === "postgres") {
    const admin = connect({ url: pgUrl });
    await sql`create schema ${sql.id(schema)}`.execute(admin.db);
    await admin.destroy();
  }
  const sqliteFile = join(dir, "bench.db");
  const database = engine === "postgres" ? connect({ url: pgUrl, schema }) : connect({ sqliteFile });
  await migrateToLatest(database.db);
  const services = createServices(database, config, createLogger(config));
  const line = (label: string, value: string) => console.log(`${label.padEnd(44)} ${value}`);
  console.log(`Conventio import benchmark — ${engine}, ${new Date().toISOString()}`);
  await benchImport({ services, engine, dir, sqliteFile, pgUrl, schema, rows: Number(values.rows), line });
  await database.destroy();
  if (engine === "postgres") {
    const admin = connect({ url: pgUrl });
    await sql`drop schema ${sql.id(schema)} cascade`.execute(admin.db);
    await admin.destroy();
  }
}

if (process.argv[1]?.endsWith("bench-import.ts")) await main();
