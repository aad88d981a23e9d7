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
