import { foldText, type PersonSort } from "@conventio/domain";
import type { Keyset } from "#http/pagination.js";

interface Sortable {
  id: string;
  sort_name: string;
  sort_title: string;
}

/** The key people sort by name: the folded family name, then the given name. */
export function sortName(given: string, family: string): string {
  return foldText(`${family} ${given}`);
}

/**
 * The key people sort by position or title: the folded title ("~" for none, so those without come
 * last), a space, then the name key. The title's own spaces are written "!", so that the space
 * after it sorts below every character it holds and a shorter title comes before a longer one it
 * begins ("coordinator" before "coordinator of the network"). Cursors carry no control characters,
 * so a tab cannot serve.
 */
export function sortTitle(title: string | null, sortNameKey: string): string {
  const folded = title ? foldText(title).trim().replace(/\s+/g, "!") : "";
  return `${folded || "~"} ${sortNameKey}`;
}

/** Each sort of the person list as the stored column it orders by; migrations 001 and 035 index (column, id). */
const COLUMNS: Record<PersonSort, keyof Sortable & `sort_${string}`> = {
  name: "sort_name",
  title: "sort_title",
};

/** The column a person list orders by, as `p.sort_name` or `p.sort_title`. */
export function personSortColumn(sort: PersonSort | undefined): `p.${(typeof COLUMNS)[PersonSort]}` {
  return `p.${COLUMNS[sort ?? "name"]}`;
}

/** The cursor position after this row in this sort. */
export function personKeyset(sort: PersonSort | undefined, row: Sortable): Keyset {
  return { key: row[COLUMNS[sort ?? "name"]], id: row.id };
}
