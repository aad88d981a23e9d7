import { z } from "zod";

/** Identifier schemes an organisation may carry. */
export const IDENTIFIER_SCHEMES = [
  "ror",
  "erasmus",
  "pic",
  "oid",
  "schac",
  "isni",
  "wikidata",
  "grid",
  "fundref",
  "orgref",
  "cnrs",
  "hesa",
  "ukprn",
  "ucas",
  "other",
] as const;
export const IdentifierScheme = z.enum(IDENTIFIER_SCHEMES);
export type IdentifierScheme = z.infer<typeof IdentifierScheme>;

/** Schemes whose values identify exactly one organisation. */
export const UNIQUE_SCHEMES: ReadonlySet<IdentifierScheme> = new Set(["ror", "erasmus", "pic", "oid", "schac"]);

export type Normalised = { ok: true; value: string } | { ok: false; reason: string };

const ok = (value: string): Normalised => ({ ok: true, value });
const fail = (reason: string): Normalised => ({ ok: false, reason });

/** Spaces of every kind (non-breaking, narrow, ideographic) become plain spaces. */
function plainSpaces(value: string): string {
  return value.replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000]/g, " ");
}

/**
 * Erasmus institution codes: a country prefix padded with spaces to three characters,
 * then the city and a number ("F  LILLE103", "E  SANTAND01", "SF HELSINK01").
 */
export function normaliseErasmusCode(raw: string): Normalised {
  const compact = plainSpaces(raw).trim().toUpperCase();
  const m = /^([A-Z]{1,3})\s*([A-Z][A-Z-]*?)\s*(\d{1,3})$/.exec(compact);
  if (!m) return fail("An Erasmus code is a country prefix, a city and a number, like F  LILLE103.");
  const [, prefix = "", city = "", num = ""] = m;
  if (prefix.length + city.length > 11) return fail("This Erasmus code is too long.");
  return ok(`${prefix.padEnd(3, " ")}${city}${num.padStart(2, "0")}`);
}

/** ROR ids keep their canonical URL form: https://ror.org/0xxxxxxNN. */
export function normaliseRor(raw: string): Normalised {
  const m = /^(?:https?:\/\/(?:www\.)?ror\.org\/)?(0[a-hj-km-np-tv-z0-9]{6}\d{2})$/i.exec(raw.trim());
  if (!m?.[1]) return fail("A ROR id looks like https://ror.org/02kzqn938.");
  return ok(`https://ror.org/${m[1].toLowerCase()}`);
}

/** PIC: the nine-digit EU participant identification code. */
export function normalisePic(raw: string): Normalised {
  const digits = plainSpaces(raw).replace(/\s+/g, "");
  return /^\d{9}$/.test(digits) ? ok(digits) : fail("A PIC has nine digits.");
}

/** OID: the EU organisation id, E followed by eight digits. */
export function normaliseOid(raw: string): Normalised {
  const v = plainSpaces(raw).replace(/\s+/g, "").toUpperCase();
  return /^E\d{8}$/.test(v) ? ok(v) : fail("An OID is E followed by eight digits.");
}

/** SCHAC: the home domain of the institution, lower case, no scheme or path. */
export function normaliseSchac(raw: string): Normalised {
  const host = hostOf(raw);
  return host && /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host)
    ? ok(host)
    : fail("A SCHAC code is a domain name, like univ-lille.fr.");
}

/** Brings an identifier to its canonical form, or explains why it cannot be one. */
export function normaliseIdentifier(scheme: IdentifierScheme, raw: string): Normalised {
  switch (scheme) {
    case "ror":
      return normaliseRor(raw);
    case "erasmus":
      return normaliseErasmusCode(raw);
    case "pic":
      return normalisePic(raw);
    case "oid":
      return normaliseOid(raw);
    case "schac":
      return normaliseSchac(raw);
    case "isni": {
      const v = raw.replace(/\s+/g, "").toUpperCase();
      return /^\d{15}[\dX]$/.test(v) ? ok(v.replace(/(.{4})(?=.)/g, "$1 ")) : fail("An ISNI has sixteen characters.");
    }
    case "wikidata": {
      const v = raw.trim().toUpperCase();
      return /^Q\d+$/.test(v) ? ok(v) : fail("A Wikidata id looks like Q1150245.");
    }
    case "grid":
    case "fundref":
    case "orgref":
    case "cnrs":
    case "hesa":
    case "ukprn":
    case "ucas":
    case "other": {
      const v = plainSpaces(raw).trim();
      return v.length > 0 ? ok(v) : fail("The identifier is empty.");
    }
  }
}

/** The host of a website address without "www.", or null when it has none. */
export function hostOf(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const trimmed = raw.trim();
  if (!trimmed) return null;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
    return url.hostname.toLowerCase().replace(/^www\d?\./, "") || null;
  } catch {
    return null;
  }
}

/** The European Commission writes some countries its own way (Greece EL, United Kingdom UK). */
export function countryFromEcCode(code: string): string {
  const upper = code.trim().toUpperCase();
  if (upper === "EL") return "GR";
  if (upper === "UK") return "GB";
  return upper;
}
