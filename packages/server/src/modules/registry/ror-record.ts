import {
  type IdentifierScheme,
  isCountryCode,
  normaliseIdentifier,
  type OrganisationKind,
  type RegistrySkipReason,
  type RegistryStatus,
} from "@conventio/domain";
import type { EcheFacts } from "./eche-row.js";
import { kindOfRor } from "./ror-kind.js";

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
  status: RegistryStatus;
  /** ROR's own relationships of the record: its parents, children, successors and predecessors. */
  relationships?: RorRelationship[];
}

export interface RorRelationship {
  type: "parent" | "child" | "successor" | "predecessor";
  id: string;
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

/** ROR's identifier systems Conventio has a scheme of the same name for; any other is kept as "other" with its name. */
const ROR_SCHEMES = ["isni", "wikidata", "grid", "fundref", "orgref", "cnrs", "hesa", "ukprn", "ucas"] as const;

/** Every external identifier of a record, the preferred value of each system first. */
function externalIds(raw: unknown): Array<{ scheme: IdentifierScheme; value: string }> {
  const out: Array<{ scheme: IdentifierScheme; value: string }> = [];
  const seen = new Set<string>();
  const add = (rawType: string, preferred: unknown, all: unknown) => {
    const type = rawType.toLowerCase();
    const values = [str(preferred), ...(Array.isArray(all) ? all.map(str) : [])].filter((v): v is string => !!v);
    for (const value of values) {
      const scheme = ROR_SCHEMES.find((s) => s === type);
      const n = scheme
        ? normaliseIdentifier(scheme, value)
        : normaliseIdentifier("other", `${type.toUpperCase()} ${value}`);
      if (!n.ok) continue;
      const id = { scheme: scheme ?? ("other" as const), value: n.value };
      if (seen.has(`${id.scheme}:${id.value}`)) continue;
      seen.add(`${id.scheme}:${id.value}`);
      out.push(id);
    }
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

const RELATIONSHIP_TYPES = new Set<string>(["parent", "child", "successor", "predecessor"]);

/** The record's own relationships Conventio uses (units and successors), ids normalised; "related" is left out. */
function relationshipsOf(raw: unknown): RorRelationship[] {
  if (!Array.isArray(raw)) return [];
  const out: RorRelationship[] = [];
  for (const r of raw as Array<{ type?: unknown; id?: unknown }>) {
    const type = str(r.type)?.toLowerCase();
    const id = normaliseIdentifier("ror", String(r.id ?? ""));
    if (type && RELATIONSHIP_TYPES.has(type) && id.ok)
      out.push({ type: type as RorRelationship["type"], id: id.value });
  }
  return out;
}

function statusOf(raw: unknown): RegistryStatus {
  const s = str(raw)?.toLowerCase();
  return s === "inactive" || s === "withdrawn" ? s : "active";
}

/** A candidate with every name it can be found by (aliases included) and, when merged, what the charter list says. */
export type IndexedCandidate = RegistryCandidate & { aliases?: string[]; eche?: EcheFacts | null };

export type RorRead =
  | { ok: true; candidate: IndexedCandidate }
  | { ok: false; reason: RegistrySkipReason; key: string | null };

/** Maps one ROR record; returns null for records without an id or a name. */
export function candidateFromRor(record: Record<string, unknown>): RegistryCandidate | null {
  const read = readRorRecord(record);
  return read.ok ? read.candidate : null;
}

/** Maps one ROR record with its aliases, or says why it cannot be used. */
export function readRorRecord(record: Record<string, unknown>): RorRead {
  const rawId = str(record.id);
  const rorId = normaliseIdentifier("ror", rawId ?? "");
  if (!rorId.ok) return { ok: false, reason: "no_ror_id", key: rawId };
  const names = (Array.isArray(record.names) ? (record.names as RorName[]) : []).filter((n) => str(n.value));
  const typesOf = (n: RorName) => (Array.isArray(n.types) ? (n.types as string[]) : []);
  const display =
    names.find((n) => typesOf(n).includes("ror_display")) ?? names.find((n) => typesOf(n).includes("label"));
  const name = str(record.name) ?? str(display?.value);
  if (!name) return { ok: false, reason: "no_name", key: rorId.value };
  const location = (Array.isArray(record.locations) ? (record.locations as RorLocation[]) : [])[0];
  const geo = location?.geonames_details;
  const country = str(record.country_code) ?? str(location?.country_code) ?? str(geo?.country_code);
  const links = Array.isArray(record.links) ? (record.links as Array<{ type?: unknown; value?: unknown }>) : [];
  const website = str(links.find((l) => l.type === "website")?.value);
  const types = Array.isArray(record.types) ? (record.types as unknown[]).filter((t) => typeof t === "string") : [];
  const relationships = relationshipsOf(record.relationships);
  const candidate: IndexedCandidate = {
    id: rorId.value,
    name,
    names: names
      .filter((n) => typesOf(n).includes("label") && str(n.lang) && n.value !== name)
      .map((n) => ({ lang: String(n.lang), value: String(n.value) })),
    acronym: str(names.find((n) => typesOf(n).includes("acronym"))?.value),
    kind: kindOfRor(
      types,
      relationships.some((r) => r.type === "parent"),
    ),
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
    status: statusOf(record.status),
    relationships,
    aliases: [...new Set(aliasesOfRor(record).filter((a) => a !== name))],
  };
  return { ok: true, candidate };
}

/** Aliases are searchable too: "Kyutech" is an alias of the Kyushu Institute of Technology. */
export function aliasesOfRor(record: Record<string, unknown>): string[] {
  const names = Array.isArray(record.names) ? (record.names as RorName[]) : [];
  return names.map((n) => str(n.value)).filter((v): v is string => v !== null);
}
