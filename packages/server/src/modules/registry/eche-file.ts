import { createReadStream } from "node:fs";
import { normaliseErasmusCode, normaliseIdentifier } from "@conventio/domain";
import { CsvError, parse } from "csv-parse";
import { AppError } from "#shared/app-error.js";

/** One data row of a CSV file, with the line it starts on (the header is line 1). */
export interface CsvRow {
  line: number;
  row: Record<string, string>;
}

/** Headers as the Commission and spreadsheets write them ("Erasmus Code", "erasmus_code") in one form. */
function headerKey(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");
}

/**
 * Reads a comma-separated file with a header row into rows keyed by the folded headers, refusing
 * a file without the columns it must have.
 */
export async function readCsvRows(path: string, required: readonly string[], name = path): Promise<CsvRow[]> {
  const rows: CsvRow[] = [];
  const parser = createReadStream(path).pipe(
    parse({
      bom: true,
      columns: (headers: string[]) => headers.map(headerKey),
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      info: true,
    }),
  );
  try {
    for await (const { info, record } of parser as AsyncIterable<{
      info: { lines: number };
      record: Record<string, string>;
    }>) {
      if (rows.length === 0) {
        const missing = required.find((c) => !(c in record));
        if (missing) {
          throw new AppError("validation_failed", "The file {{path}} has no {{column}} column.", {
            params: { path: name, column: missing },
          });
        }
      }
      rows.push({ line: info.lines, row: record });
    }
  } catch (err) {
    if (err instanceof CsvError) {
      throw new AppError("bad_request", "Line {{line}} of {{path}} is not valid CSV.", {
        params: { line: (err as CsvError & { lines?: number }).lines ?? 0, path: name },
      });
    }
    throw err;
  }
  return rows;
}

/** The charter list's columns an import cannot do without. */
export const ECHE_COLUMNS = ["erasmus_code", "legal_name"] as const;

/** Reads the European Commission's list of Erasmus charter holders. */
export function readEcheFile(path: string, name = path): Promise<CsvRow[]> {
  return readCsvRows(path, ECHE_COLUMNS, name);
}

/** Which ROR record a charter holder is; a match by the holder's own website outranks one by a parent site. */
export interface CrosswalkMatch {
  rorId: string;
  /** 0 for a match on the holder's own website host (or a crosswalk that does not say), 1 otherwise. */
  rank: number;
}

export type Crosswalk = ReadonlyMap<string, CrosswalkMatch>;

/**
 * Reads a crosswalk of Erasmus codes to ROR ids (columns erasmus_code and ror_id, and optionally
 * match_method); unusable lines are ignored.
 */
export async function readCrosswalk(path: string, name = path): Promise<Crosswalk> {
  const out = new Map<string, CrosswalkMatch>();
  for (const { row } of await readCsvRows(path, ["erasmus_code", "ror_id"], name)) {
    const code = normaliseErasmusCode(row.erasmus_code ?? "");
    const ror = normaliseIdentifier("ror", row.ror_id ?? "");
    const method = row.match_method?.trim().toLowerCase();
    const rank = !method || method === "exact_host" ? 0 : 1;
    if (code.ok && ror.ok && !out.has(code.value)) out.set(code.value, { rorId: ror.value, rank });
  }
  return out;
}
