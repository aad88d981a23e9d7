import { isCountryCode } from "./countries.js";

/**
 * Values as spreadsheets and public lists write them, read into what Conventio stores. Offices'
 * files and the European Commission's lists write "not known" in many ways, and the EU writes a
 * few country codes its own way.
 */

/** Cells that mean "no value": empty, spreadsheet errors and the usual placeholders. */
const MISSING = new Set(["", "-", "--", "—", "n/a", "na", "#n/a", "#n/d", "#na", "null", "none", "#ref!", "#value!"]);

/** True when a cell holds no value, whatever placeholder stands in for it. */
export function isMissing(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  return MISSING.has(String(value).trim().toLowerCase());
}

/** The cell as trimmed text, or null when it holds no value. */
export function cellText(value: unknown): string | null {
  return isMissing(value) ? null : String(value).trim();
}

/** Codes the European Union uses where ISO 3166-1 has another (Greece is EL, the United Kingdom UK). */
const EU_COUNTRY_CODES: Readonly<Record<string, string>> = { EL: "GR", UK: "GB" };

/** An ISO 3166-1 alpha-2 code from a cell, EU spellings included; null when the cell holds none. */
export function countryCodeOf(value: unknown): string | null {
  const text = cellText(value)?.toUpperCase();
  if (!text) return null;
  const code = EU_COUNTRY_CODES[text] ?? text;
  return isCountryCode(code) ? code : null;
}
