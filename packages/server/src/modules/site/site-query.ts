import type { SitePaging } from "@conventio/domain";

/** A public page's query: what the address says, one value per name. */
export type SiteQuery = Partial<Record<string, string>>;

/** A query value as a filter reads it: trimmed, without control characters, cut to `max`. */
export function text(value: string | undefined, max: number): string {
  if (!value) return "";
  const kept = [...value].filter((ch) => {
    const code = ch.codePointAt(0) ?? 0;
    return code >= 32 && code !== 127;
  });
  return kept.join("").trim().slice(0, max);
}

/** "?a=1&b=2" of the set values, in name order; "" when none is set. */
export function queryString(values: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(values).sort()) {
    const value = values[key];
    if (value) params.set(key, value);
  }
  const result = params.toString();
  return result ? `?${result}` : "";
}

/** Links to the next page (the filters and the next cursor) and back to the first (the filters alone). */
export function pagingOf(
  base: string,
  filters: Record<string, string>,
  cursor: string | undefined,
  next: string | null,
): SitePaging {
  return {
    next: next ? `${base}${queryString({ ...filters, cursor: next })}` : null,
    first: cursor ? `${base}${queryString(filters)}` : null,
  };
}
