import { type ActivitySort, defaultActivityOrder, type SortOrder } from "@conventio/domain";
import { storedKeySort } from "#http/pagination.js";

/** Each sort of the activity list by the stored column it orders by; migrations 006 and 036 index (column, id). */
const SORTS = storedKeySort(
  "a",
  { date: "sort_key", title: "sort_title" } as const satisfies Record<ActivitySort, string>,
  "date",
);

/** The column an activity list orders by, as `a.sort_key` or `a.sort_title`. */
export const activitySortColumn = SORTS.column;

/** The cursor position after this row in this sort. */
export const activityKeyset = SORTS.keyset;

/** The direction the list reads in: the one asked for, or the sort's own (latest dates, first titles). */
export function activityDirection(sort: ActivitySort | undefined, order: SortOrder | undefined): SortOrder {
  return order ?? defaultActivityOrder(sort);
}
