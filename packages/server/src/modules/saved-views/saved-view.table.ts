import type { SavedViewList } from "@conventio/domain";

/** A named view of a list, kept for the person who saved it. */
export interface SavedViewTable {
  id: string;
  user_id: string;
  list: SavedViewList;
  name: string;
  search: string; // JSON: the list's address parameters
  created_at: string;
  updated_at: string;
}

/** Saved views: the tables, by name. */
export interface SavedViewTables {
  saved_view: SavedViewTable;
}
