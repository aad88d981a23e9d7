import { readFileSync } from "node:fs";
import type { ImportFormat } from "@conventio/domain";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { hasControlCharacter } from "#http/edge-guard.js";
import { AppError } from "#shared/app-error.js";

/** One data row of a sheet: its number as the sheet shows it (the header is row 1) and its cells. */
export interface SheetRow {
  row: number;
  cells: Array<string | null>;
}

/** A sheet as read: headers, data rows, and how a CSV file was read. */
export interface Sheet {
  columns: string[];
  rows: SheetRow[];
  encoding: "utf-8" | "windows-1252" | null;
  delimiter: string | null;
}

/** More rows than an office keeps in one list; past it the file is refused rather than read slowly. */
export const MAX_ROWS = 100_000;

const DELIMITERS = [",", ";", "\t"] as const;

/** UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), else Windows-1252 as Excel writes CSV on Windows. */
function decode(bytes: Buffer): { text: string; encoding: "utf-8" | "windows-1252" } {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(body), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(body), encoding: "windows-1252" };
  }
}

/** The delimiter used most often in the header line, quoted text aside; a comma when none appears. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best: string = ",";
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

/** Headers as the mapping names them: trimmed, an empty one named by its position, repeats numbered. */
function headersOf(raw: ReadonlyArray<string | null>): string[] {
  const seen = new Map<string, number>();
  return raw.map((cell, i) => {
    const base = (cell ?? "").replace(/\s+/g, " ").trim() || `Column ${i + 1}`;
    if (hasControlCharacter(base)) {
      throw AppError.field("validation_failed", "file", "The header of column {{column}} holds control characters.", {
        column: i + 1,
      });
    }
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

function tooMany(): AppError {
  return AppError.field("payload_too_large", "file", "A sheet holds at most {{max}} rows.", { max: MAX_ROWS });
}

function readCsv(path: string): Sheet {
  const { text, encoding } = decode(readFileSync(path));
  const delimiter = detectDelimiter(text);
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
  } catch {
    throw AppError.field("validation_failed", "file", "This CSV file cannot be read; check its quotes.");
  }
  const [header, ...body] = records;
  if (!header) throw AppError.field("validation_failed", "file", "The file is empty.");
  if (body.length > MAX_ROWS) throw tooMany();
  return {
    columns: headersOf(header),
    rows: body.map((cells, i) => ({ row: i + 2, cells })),
    encoding,
    delimiter,
  };
}

/** A cell's value as text: rich text joined, formulas by their result, dates as ISO dates, errors as written. */
export function cellValueText(value: ExcelJS.CellValue): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.slice(0, 16);
  }
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("error" in value) return String(value.error);
    if ("result" in value) return cellValueText((value.result ?? null) as ExcelJS.CellValue);
    if ("text" in value) return typeof value.text === "string" ? value.text : cellValueText(value.text);
    return null;
  }
  return String(value);
}

async function readXlsx(path: string): Promise<Sheet> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  });
  let header: Array<string | null> | null = null;
  const rows: SheetRow[] = [];
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = (row.values as ExcelJS.CellValue[]).slice(1).map(cellValueText);
        if (header === null) {
          if (values.every((v) => v === null || v.trim() === "")) continue;
          header = values;
          continue;
        }
        rows.push({ row: row.number, cells: values });
        if (rows.length > MAX_ROWS) throw tooMany();
      }
      break; // The first sheet only.
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw AppError.field("unsupported_media_type", "file", "This file is not a readable XLSX workbook.");
  }
  if (!header) throw AppError.field("validation_failed", "file", "The file is empty.");
  return { columns: headersOf(header), rows, encoding: null, delimiter: null };
}

/** Reads a stored upload into its header and data rows. */
export async function readSheet(path: string, format: ImportFormat): Promise<Sheet> {
  return format === "csv" ? readCsv(path) : readXlsx(path);
}
