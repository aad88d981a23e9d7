import type { SavedView, SavedViewInput, SavedViewList } from "@conventio/domain";
import { get, id, post, queryString, remove } from "./core";

/** The signed-in person's named views of the lists. */
export const savedViews = {
  list: (list: SavedViewList) => get<{ items: SavedView[] }>(`/api/saved-views${queryString({ list })}`),
  save: (input: SavedViewInput) => post<SavedView>("/api/saved-views", input),
  remove: (viewId: string) => remove(`/api/saved-views/${id(viewId)}`),
};
