import { z } from "zod";

/** What the header's search looks through, in the order its groups are shown. */
export const SEARCH_KINDS = ["organisation", "agreement", "person", "activity", "event", "news", "registry"] as const;
export const SearchKind = z.enum(SEARCH_KINDS);
export type SearchKind = z.infer<typeof SearchKind>;

/** One search across every staff list: words and prefixes, accents ignored. */
export const GlobalSearchQuery = z.object({
  q: z.string().trim().min(1).max(200).describe("Search as you type: words and prefixes, accents ignored"),
  limit: z.coerce.number().int().min(1).max(10).default(5).describe("Results per group"),
});
export type GlobalSearchQuery = z.infer<typeof GlobalSearchQuery>;

/** One record found, with what the reader needs to tell it from the others and where to open it. */
export const SearchHit = z.object({
  kind: SearchKind,
  id: z.string(),
  title: z.string().describe("The record's name or title, in the reader's language when it has one"),
  detail: z.string().nullable().describe("A short line: a city, a reference, an organisation, a place"),
  country: z.string().nullable().describe("ISO 3166-1 alpha-2 code, for the reader's language to name"),
  status: z.string().nullable().describe("The record's status as its own list names it (e.g. active, draft)"),
  date: z.string().nullable().describe("A date (YYYY-MM-DD, or an instant for events) worth showing"),
  href: z.string().describe("The staff app's address of the record"),
});
export type SearchHit = z.infer<typeof SearchHit>;

/** The best matches of one kind, best first; `kind` names the group even when it found nothing. */
export const SearchGroup = z.object({
  kind: SearchKind,
  items: z.array(SearchHit),
});
export type SearchGroup = z.infer<typeof SearchGroup>;

/** The answer to a global search: one group per kind the caller may list, in SEARCH_KINDS order. */
export const GlobalSearchResult = z.object({
  q: z.string(),
  groups: z.array(SearchGroup),
});
export type GlobalSearchResult = z.infer<typeof GlobalSearchResult>;
