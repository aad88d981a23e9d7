import type { SiteDocument } from "@conventio/domain";
import { createContext, useContext } from "react";

const SiteContext = createContext<SiteDocument | null>(null);

export const SiteProvider = SiteContext.Provider;

/** The document the page is made of: its language, brand, address and whether it is embedded. */
export function useSite(): SiteDocument {
  const doc = useContext(SiteContext);
  if (!doc) throw new Error("A site component was rendered outside the site.");
  return doc;
}

/** The address of a public page in the page's language (or another): "/fr/partnerships/…". */
export function sitePath(lang: string, path: string, query = ""): string {
  const rest = path === "/" ? "/" : path;
  return `/${lang}${rest}${query}`;
}

export function useHref(): (path: string, query?: Record<string, string | undefined>) => string {
  const { lang } = useSite();
  return (path, query) => sitePath(lang, path, toQuery(query));
}

/** "?country=SE&theme=…" from the set values, in a stable order; "" when none is set. */
export function toQuery(query: Record<string, string | undefined> | undefined): string {
  if (!query) return "";
  const params = new URLSearchParams();
  for (const key of Object.keys(query).sort()) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}
