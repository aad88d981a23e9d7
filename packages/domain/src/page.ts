import { z } from "zod";

export const PAGE_LIMIT_DEFAULT = 50;
export const PAGE_LIMIT_MAX = 200;

/** Query fields every list accepts: an opaque keyset cursor and a page size. */
export const PageQuery = z.object({
  cursor: z.string().max(500).optional().describe("Opaque cursor from the previous page's nextCursor"),
  limit: z.coerce.number().int().min(1).max(PAGE_LIMIT_MAX).default(PAGE_LIMIT_DEFAULT),
});

/** The direction of a list's sort; every sortable list takes it beside its `sort`. */
export const SortOrder = z.enum(["asc", "desc"]).describe("Ascending (the default) or descending");
export type SortOrder = z.infer<typeof SortOrder>;

/** The one page envelope of every list. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe("Pass as cursor to read the next page; null on the last page"),
  });
}
export type Page<T> = { items: T[]; nextCursor: string | null };
