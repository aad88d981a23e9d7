import { foldText, type PersonSort } from "@conventio/domain";
import { storedKeySort } from "#http/pagination.js";

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

/** Each sort of the person list by the stored column it orders by; migrations 001 and 035 index (column, id). */
const SORTS = storedKeySort(
  "p",
  { name: "sort_name", title: "sort_title" } as const satisfies Record<PersonSort, string>,
  "name",
);

/** The column a person list orders by, as `p.sort_name` or `p.sort_title`. */
export const personSortColumn = SORTS.column;

/** The cursor position after this row in this sort. */
export const personKeyset = SORTS.keyset;
