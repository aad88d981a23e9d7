import {
  countryFromEcCode,
  type IdentifierScheme,
  isCountryCode,
  normaliseErasmusCode,
  normaliseIdentifier,
  type OrganisationKind,
} from "@conventio/domain";

/**
 * A registry candidate in Conventio's words, from a ROR record (schema v2 as published,
 * or the flattened form of the bundled files) or from a row of the Erasmus charter list.
 */
export interface RegistryCandidate {
  id: string;
  name: string;
  names: Array<{ lang: string; value: string }>;
  acronym: string | null;
  kind: OrganisationKind;
  countryCode: string | null;
  city: string | null;
  lat: number | null;
  lng: number | null;
  website: string | null;
  rorId: string | null;
  erasmusCode: string | null;
  pic: string | null;
  oid: string | null;
  identifiers: Array<{ scheme: IdentifierScheme; value: string }>;
  source: string;
  status: string;
}

type RorName = { value?: unknown; lang?: unknown; types?: unknown };
type RorLocation = {
  city?: unknown;
  country_code?: unknown;
  lat?: unknown;
  lng?: unknown;
  geonames_details?: { name?: unknown; country_code?: unknown; lat?: unknown; lng?: unknown };
};

const str = (v: unknown): string | null => (typeof v === "string" && v.trim() ? v.trim() : null);
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** ROR's organisation types, most specific first, in Conventio's kinds. */
function kindOf(types: string[]): OrganisationKind {
  if (types.includes("education")) return "university";
  if (types.includes("government") || types.includes("funder")) return "government";
  if (types.includes("company")) return "company";
  return "other";
}

function externalIds(raw: unknown): Array<{ scheme: IdentifierScheme; value: string }> {
  const out: Array<{ scheme: IdentifierScheme; value: string }> = [];
  const add = (type: string, preferred: unknown, all: unknown) => {
    const scheme = (["isni", "wikidata", "grid"] as const).find((s) => s === type.toLowerCase());
    if (!scheme) return;
    const value = str(preferred) ?? (Array.isArray(all) ? str(all[0]) : null);
    if (!value) return;
    const n = normaliseIdentifier(scheme, value);
    if (n.ok) out.push({ scheme, value: n.value });
  };
  if (Array.isArray(raw)) {
    for (const e of raw as Array<{ type?: unknown; preferred?: unknown; all?: unknown }>) {
      if (typeof e.type === "string") add(e.type, e.preferred, e.all);
    }
  } else if (raw && typeof raw === "object") {
    for (const [type, e] of Object.entries(raw as Record<string, { preferred?: unknown; all?: unknown }>)) {
      add(type, e?.preferred, e?.all);
    }
  }
  return out;
}

/** Maps one ROR record; returns null for records without an id or a name. */
export function candidateFromRor(record: Record<string, unknown>): RegistryCandidate | null {
  const rorId = normaliseIdentifier("ror", String(record.id ?? ""));
  if (!rorId.ok) return null;
  const names = (Array.isArray(record.names) ? (record.names as RorName[]) : []).filter((n) => str(n.value));
  const typesOf = (n: RorName) => (Array.isArray(n.types) ? (n.types as string[]) : []);
  const display =
    names.find((n) => typesOf(n).includes("ror_display")) ?? names.find((n) => typesOf(n).includes("label"));
  const name = str(record.name) ?? str(display?.value);
  if (!name) return null;
  const location = (Array.isArray(record.locations) ? (record.locations as RorLocation[]) : [])[0];
  const geo = location?.geonames_details;
  const country = str(record.country_code) ?? str(location?.country_code) ?? str(geo?.country_code);
  const links = Array.isArray(record.links) ? (record.links as Array<{ type?: unknown; value?: unknown }>) : [];
  const website = str(links.find((l) => l.type === "website")?.value);
  const types = Array.isArray(record.types) ? (record.types as string[]) : [];
  return {
    id: rorId.value,
    name,
    names: names
      .filter((n) => typesOf(n).includes("label") && str(n.lang) && n.value !== name)
      .map((n) => ({ lang: String(n.lang), value: String(n.value) })),
    acronym: str(names.find((n) => typesOf(n).includes("acronym"))?.value),
    kind: kindOf(types),
    countryCode: country && isCountryCode(country.toUpperCase()) ? country.toUpperCase() : null,
    city: str(record.city) ?? str(location?.city) ?? str(geo?.name),
    lat: num(record.lat) ?? num(location?.lat) ?? num(geo?.lat),
    lng: num(record.lng) ?? num(location?.lng) ?? num(geo?.lng),
    website,
    rorId: rorId.value,
    erasmusCode: null,
    pic: null,
    oid: null,
    identifiers: externalIds(record.external_ids),
    source: "ror",
    status: str(record.status) ?? "active",
  };
}

/** Aliases are searchable too: "Kyutech" is an alias of the Kyushu Institute of Technology. */
export function aliasesOfRor(record: Record<string, unknown>): string[] {
  const names = Array.isArray(record.names) ? (record.names as RorName[]) : [];
  return names.map((n) => str(n.value)).filter((v): v is string => v !== null);
}

/** Maps one row of the European Commission's list of Erasmus charter holders. */
export function candidateFromEche(row: Record<string, string>): RegistryCandidate | null {
  const code = normaliseErasmusCode(row.erasmus_code_raw || row.erasmus_code || "");
  const name = str(row.legal_name);
  if (!code.ok || !name) return null;
  const pic = normaliseIdentifier("pic", row.pic ?? "");
  const oid = normaliseIdentifier("oid", row.oid ?? "");
  const country = countryFromEcCode(row.country_code ?? "");
  return {
    id: `eche:${code.value.replace(/ /g, "_")}`,
    name,
    names: [],
    acronym: null,
    kind: "university",
    countryCode: isCountryCode(country) ? country : null,
    city: str(row.city),
    lat: null,
    lng: null,
    website: str(row.website_url),
    rorId: null,
    erasmusCode: code.value,
    pic: pic.ok ? pic.value : null,
    oid: oid.ok ? oid.value : null,
    identifiers: [],
    source: "eche",
    status: "active",
  };
}
