import { type Actor, IMPORT_FIELDS, type ImportKind, type Page, type UiLanguage } from "@conventio/domain";
import type { CellValue } from "./spreadsheet-writers.js";

/**
 * How one list becomes a sheet: its header, a page of the list exactly as the caller may read it
 * (the list's own service, so its policy and filters), and the rows of a page.
 */
export interface ExportDefinition<Query, Item> {
  /** The sheet's name in a workbook. */
  sheet: string;
  header: readonly string[];
  page(actor: Actor, query: Query, lang: UiLanguage, cursor: string | undefined, limit: number): Promise<Page<Item>>;
  /** The page's rows, each cell in header order; extra columns are read for the whole page at once. */
  rows(items: readonly Item[]): Promise<CellValue[][]>;
}

/** A column's value for one record, given what was read for its page. */
export type Getter<Item, Extra> = (item: Item, extra: Extra) => CellValue;

/**
 * The columns of a kind the import reads: its field names, in the import's order, so an exported
 * sheet imports again unchanged. A field without a getter is written empty (a unit test checks
 * that none is missing).
 */
export function importColumns<Item, Extra>(kind: ImportKind, getters: Record<string, Getter<Item, Extra>>) {
  const header = IMPORT_FIELDS[kind].map((f) => f.name);
  return {
    header,
    getters,
    row: (item: Item, extra: Extra): CellValue[] => header.map((name) => getters[name]?.(item, extra) ?? null),
  };
}

/** Groups rows by a key, keeping their order. */
export function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}
