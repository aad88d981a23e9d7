import {
  cellText,
  countryCodeOf,
  normaliseErasmusCode,
  normaliseIdentifier,
  type RegistrySkipReason,
} from "@conventio/domain";
import type { RegistryCandidate } from "./ror-record.js";

/** What the Erasmus charter list says of one holder. */
export interface EcheFacts {
  erasmusCode: string;
  pic: string | null;
  oid: string | null;
  name: string;
  countryCode: string | null;
  city: string | null;
  website: string | null;
}

export type EcheRow = { ok: true; facts: EcheFacts } | { ok: false; reason: RegistrySkipReason; key: string | null };

/**
 * Reads one row of the European Commission's list of Erasmus charter holders. Placeholders such
 * as #N/A read as no value and the EU's country codes (EL, UK) as ISO ones; a row without a usable
 * Erasmus code or name is refused with the reason.
 */
export function echeFactsOf(row: Record<string, unknown>): EcheRow {
  // The list's canonical column first: its raw twin sometimes writes the number with a leading zero.
  const rawCode = cellText(row.erasmus_code) ?? cellText(row.erasmus_code_raw);
  if (!rawCode) return { ok: false, reason: "no_erasmus_code", key: null };
  const code = normaliseErasmusCode(rawCode);
  if (!code.ok) return { ok: false, reason: "bad_erasmus_code", key: rawCode };
  const name = cellText(row.legal_name);
  if (!name) return { ok: false, reason: "no_name", key: code.value };
  const optional = (scheme: "pic" | "oid", value: unknown) => {
    const text = cellText(value);
    const n = text ? normaliseIdentifier(scheme, text) : null;
    return n?.ok ? n.value : null;
  };
  return {
    ok: true,
    facts: {
      erasmusCode: code.value,
      pic: optional("pic", row.pic),
      oid: optional("oid", row.oid),
      name,
      countryCode: countryCodeOf(row.country_code),
      city: cellText(row.city),
      website: cellText(row.website_url),
    },
  };
}

/** The registry id of a charter holder that no ROR record stands for. */
export function echeEntryId(erasmusCode: string): string {
  return `eche:${erasmusCode.replace(/ /g, "_")}`;
}

/** A charter holder as a registry candidate of its own. */
export function candidateFromEche(facts: EcheFacts): RegistryCandidate {
  return {
    id: echeEntryId(facts.erasmusCode),
    name: facts.name,
    names: [],
    acronym: null,
    kind: "university",
    countryCode: facts.countryCode,
    city: facts.city,
    lat: null,
    lng: null,
    website: facts.website,
    rorId: null,
    erasmusCode: facts.erasmusCode,
    pic: facts.pic,
    oid: facts.oid,
    identifiers: [],
    source: "eche",
    status: "active",
  };
}
