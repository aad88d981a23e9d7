import type { Actor, ImportRowOutcome } from "@conventio/domain";
import { type Kysely, sql } from "kysely";
import type { DB } from "#db/schema.js";
import { classify } from "#http/problem.js";
import type { RowReader } from "./import-row.js";
import type { Writers } from "./import-writers.js";

/** A row read without error, and the input it gave. */
export interface RowEntry<T> {
  value: T;
  r: RowReader;
}

/** Told how many rows are written so far; lets the event loop answer progress polls. */
export type WriteProgress = (done: number) => Promise<void>;

/**
 * What an import of one kind does with a row: `read` turns its cells into the input the kind's
 * service takes (errors stay on the reader), `write` matches it against what is stored and
 * creates, updates or leaves it, inside the import's transaction.
 */
export interface KindImporter<T> {
  read(r: RowReader): T | null;
  /** Writes one row; rows are written in file order. */
  write?(value: T, w: Writers, actor: Actor, r: RowReader): Promise<ImportRowOutcome | null>;
  /**
   * Writes every row at once, for kinds whose rows can be matched in memory and written in bulk;
   * rows refused (with their errors on the reader) are left out of the answer.
   */
  writeAll?(
    entries: ReadonlyArray<RowEntry<T>>,
    w: Writers,
    actor: Actor,
    progress: WriteProgress,
  ): Promise<Map<RowReader, ImportRowOutcome>>;
  /** The import field a service's error names by its input path (e.g. identifiers.1.value → pic). */
  fieldOf(path: string, value: T): string;
  /** The field an error naming no field is put on. */
  fallback: string;
}

/** Only what the row gives: fields whose cells are empty leave the stored value as it is. */
export function changed<T extends object>(patch: T, differs: Partial<Record<keyof T, boolean>>): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(patch) as Array<keyof T>) if (differs[key]) out[key] = patch[key];
  return out;
}

/** Two sets of strings hold the same values, order aside. */
export function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a);
  return sa.size === new Set(b).size && b.every((v) => sa.has(v));
}

/**
 * Runs one row's writes behind a savepoint: a rule the services enforce puts its error on the
 * row and undoes the row's writes only, so the next rows are still checked. Other errors stop the import.
 */
export async function guarded<T>(
  db: Kysely<DB>,
  importer: KindImporter<T>,
  value: T,
  r: RowReader,
  work: () => Promise<ImportRowOutcome | null>,
): Promise<ImportRowOutcome | null> {
  await sql`savepoint import_row`.execute(db);
  let written: ImportRowOutcome | null = null;
  try {
    written = await work();
  } catch (err) {
    const refusal = classify(err);
    if (refusal.code === "internal") throw err;
    r.addAppError(refusal, (path) => importer.fieldOf(path, value), importer.fallback);
  }
  if (written && r.errors.length === 0) {
    await sql`release savepoint import_row`.execute(db);
    return written;
  }
  await sql`rollback to savepoint import_row`.execute(db);
  await sql`release savepoint import_row`.execute(db);
  return null;
}
