import type { GlobalSearchResult } from "@conventio/domain";
import { get, queryString } from "./core";

/** One search across every staff list, a few best matches per kind. */
export const search = {
  everything: (q: string, limit = 5) => get<GlobalSearchResult>(`/api/search${queryString({ q, limit })}`),
};
