import type { Actor, ImportRowOutcome } from "@conventio/domain";
import type { RowReader } from "./import-row.js";
import type { Writers } from "./import-writers.js";

/**
 * What an import of one kind does with a row: `read` turns its cells into the input the kind's
 * service takes (errors stay on the reader), `write` matches it against what is stored and
 * creates, updates or leaves it, inside the import's transaction.
 */
export interface KindImporter<T> {
  read(r: RowReader): T | null;
  write(value: T, w: Writers, actor: Actor, r: RowReader): Promise<ImportRowOutcome | null>;
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
