import { PassThrough, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { inertCell, MULTI_VALUE_SEPARATOR } from "@conventio/domain";
import { stringify } from "csv-stringify";
import ExcelJS from "exceljs";

/** What a column gives for one record: text, a number, a yes/no, several values, or nothing. */
export type CellValue = string | number | boolean | null | undefined | readonly string[];

/** A cell as written: text that cannot run as a formula, a number, or empty. */
export type Cell = string | number | null;

/**
 * One cell from a column's value. Several values share one cell joined with "; ", a switch is
 * "yes" or "no" as the import reads it; text that a
 * spreadsheet would run as a formula gets an apostrophe in front (see `inertCell`). Numbers stay
 * numbers: they came from Conventio, not from someone's typing.
 */
export function toCell(value: CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "string") return value === "" ? null : inertCell(value);
  return value.length ? inertCell(value.join(MULTI_VALUE_SEPARATOR)) : null;
}

/**
 * CSV in UTF-8 with a byte order mark, so Excel reads accents, and CRLF line ends (RFC 4180).
 * Rows are pulled one at a time as the reader takes them, so memory stays flat however long the
 * list is.
 */
export function csvStream(header: readonly string[], rows: AsyncIterable<Cell[]>): Readable {
  const out = new PassThrough();
  const csv = stringify({ bom: true, record_delimiter: "\r\n" });
  csv.write(header.map(inertCell));
  // csv-stringify writes null as an empty cell and numbers as JavaScript prints them.
  pipeline(rows, csv, out).catch((err: unknown) => out.destroy(err as Error));
  return out;
}

/**
 * An Excel workbook of one sheet, written row by row with ExcelJS's streaming writer: each row is
 * committed as soon as it is added, strings are written inline rather than gathered into a shared
 * table, and writing waits whenever the reader falls behind. Text cells stay text: a value is
 * never given to ExcelJS as a formula.
 */
export function xlsxStream(sheetName: string, header: readonly string[], rows: AsyncIterable<Cell[]>): Readable {
  const out = new PassThrough();
  writeWorkbook(out, sheetName, header, rows).catch((err: unknown) => out.destroy(err as Error));
  return out;
}

async function writeWorkbook(
  out: PassThrough,
  sheetName: string,
  header: readonly string[],
  rows: AsyncIterable<Cell[]>,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(header.map(inertCell)).commit();
  for await (const row of rows) {
    sheet.addRow(row).commit();
    const entry = zipEntryOf(sheet);
    if (entry && entry._writableState.length > MAX_UNCOMPRESSED_BACKLOG) await settled(entry, "drain", out);
    if (out.writableNeedDrain) await settled(out, "drain", out);
    if (out.destroyed) return;
  }
  sheet.commit();
  await workbook.commit();
}

/**
 * Sheet text waiting for the compressor, at most. ExcelJS hands the sheet to its zip without
 * heeding backpressure, so rows are written faster than they are compressed; without a bound the
 * whole uncompressed sheet would wait in memory (about 700 bytes a row of agreements).
 */
const MAX_UNCOMPRESSED_BACKLOG = 1024 * 1024;

/** The zip's input for the sheet (archiver's stream that ExcelJS pipes the sheet into), when it can be found. */
interface ZipEntry {
  _writableState: { length: number };
  once(event: "drain", listener: () => void): unknown;
  off(event: "drain", listener: () => void): unknown;
}
function zipEntryOf(sheet: ExcelJS.Worksheet): ZipEntry | null {
  const entry = (sheet as unknown as { stream?: { pipes?: unknown[] } }).stream?.pipes?.[0] as ZipEntry | undefined;
  return typeof entry?._writableState?.length === "number" ? entry : null;
}

/** Resolves once `stream` emits `event`, or once the download is gone (the reader left). */
function settled(stream: ZipEntry | PassThrough, event: "drain", out: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off(event, done);
      out.off("close", done);
      resolve();
    };
    stream.once(event, done);
    out.once("close", done);
  });
}
