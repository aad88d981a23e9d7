import { z } from "zod";

/** The lists a person can keep named views of. */
export const SAVED_VIEW_LISTS = ["agreements", "organisations", "people", "activities"] as const;
export const SavedViewList = z.enum(SAVED_VIEW_LISTS);
export type SavedViewList = z.infer<typeof SavedViewList>;

/** How many views one person keeps for one list. */
export const SAVED_VIEWS_PER_LIST = 50;

/**
 * A list's address parameters as saved: its filters and sort, each a short text, number or
 * yes/no. What they mean is the list's own business; a view opens them as its address would.
 */
export const SavedViewSearch = z
  .record(
    z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,39}$/, { message: "A parameter's name is letters and digits." }),
    z.union([z.string().max(500), z.number().finite(), z.boolean()]),
  )
  .refine((search) => Object.keys(search).length <= 30, { message: "A view holds at most 30 parameters." });
export type SavedViewSearch = z.infer<typeof SavedViewSearch>;

/** Saves the current filters and sort of a list under a name; a name in use is replaced. */
export const SavedViewInput = z.strictObject({
  list: SavedViewList,
  name: z.string().trim().min(1).max(80).describe("What the person calls this view"),
  search: SavedViewSearch,
});
export type SavedViewInput = z.infer<typeof SavedViewInput>;

export const SavedViewQuery = z.object({ list: SavedViewList });

export const SavedView = z.object({
  id: z.string(),
  list: SavedViewList,
  name: z.string(),
  search: SavedViewSearch,
  updatedAt: z.string(),
});
export type SavedView = z.infer<typeof SavedView>;
