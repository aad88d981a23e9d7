import { type ActivitySort, defaultActivityOrder, type SortOrder } from "@conventio/domain";
import type { Keyset } from "#http/pagination.js";

interface Sortable {
  id: string;
  sort_key: string;
  sort_title: string;
}

/** Each sort of the activity list as the stored column it orders by; migrations 006 and 036 index (column, id). */
const COLUMNS: Record<ActivitySort, "sort_key" | "sort_title"> = {
  date: "sort_key",
  title: "sort_title",
};

/** The column an activity list orders by, as `a.sort_key` or `a.sort_title`. */
export function activitySortColumn(sort: ActivitySort | undefined): `a.${(typeof COLUMNS)[ActivitySort]}` {
  return `a.${COLUMNS[sort ?? "date"]}`;
}

/** The direction the list reads in: the one asked for, or the sort's own (latest dates, first titles). */
export function activityDirection(sort: ActivitySort | undefined, order: SortOrder | undefined): SortOrder {
  return order ?? defaultActivityOrder(sort);
}

/** The cursor position after this row in this sort. */
export function activityKeyset(sort: ActivitySort | undefined, row: Sortable): Keyset {
  return { key: row[COLUMNS[sort ?? "date"]], id: row.id };
}
