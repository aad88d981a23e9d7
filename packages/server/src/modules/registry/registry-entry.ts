import { hostOf, type RegistryStatus, searchTokens } from "@conventio/domain";
import type { Selectable } from "kysely";
import type { EcheFacts } from "./eche-row.js";
import type { RegistryEntryTable } from "./registry.table.js";
import type { IndexedCandidate, RegistryCandidate, RorRelationship } from "./ror-record.js";

/** A registry row as written: every column given. */
export type EntryRow = Omit<Selectable<RegistryEntryTable>, never>;

/** What one import says of an entry: ROR's record, the charter list's row (null: no longer), or nothing (kept). */
export interface EntryChange {
  id: string;
  ror?: IndexedCandidate;
  eche?: EcheFacts | null;
}

const json = (v: unknown) => JSON.stringify(v);

function firstOf(relationships: readonly RorRelationship[], type: RorRelationship["type"]): string | null {
  return relationships.find((r) => r.type === type)?.id ?? null;
}

/** The words search ranks by: the folded name, one space between words. */
export function matchNameOf(name: string): string {
  return searchTokens(name).join(" ");
}

/**
 * Merges what the sources say into the entry's row. Fields are owned by source: a ROR record
 * sets the description and never the Erasmus code, PIC or OID; a charter row sets those, and the
 * description only of an entry no ROR record stands for. A source the change does not mention is
 * kept as the existing row has it, so refreshing one source never loses the other.
 */
export function mergeEntry(existing: EntryRow | undefined, change: EntryChange): EntryRow {
  const { ror } = change;
  const hasRor = ror !== undefined || (existing !== undefined && existing.source !== "eche");
  const eche =
    change.eche !== undefined
      ? change.eche
      : existing?.eche_record
        ? (JSON.parse(existing.eche_record) as EcheFacts)
        : null;
  const codes = {
    erasmus_code: eche?.erasmusCode ?? null,
    pic: eche?.pic ?? null,
    oid: eche?.oid ?? null,
    eche_record: eche ? json(eche) : null,
    source: hasRor && eche ? "ror+eche" : hasRor ? "ror" : "eche",
  };
  if (ror) {
    const relationships = ror.relationships ?? [];
    return {
      id: change.id,
      name: ror.name,
      names: json(ror.names),
      acronym: ror.acronym,
      kind: ror.kind,
      country_code: ror.countryCode,
      city: ror.city,
      lat: ror.lat,
      lng: ror.lng,
      website: ror.website,
      ror_id: ror.rorId ?? change.id,
      identifiers: json(ror.identifiers),
      status: ror.status,
      relationships: json(relationships),
      // A parent or successor named only from the other side stays until a record says otherwise.
      parent_ror_id: firstOf(relationships, "parent") ?? existing?.parent_ror_id ?? null,
      successor_ror_id: firstOf(relationships, "successor") ?? existing?.successor_ror_id ?? null,
      aliases: json(ror.aliases ?? []),
      match_name: matchNameOf(ror.name),
      ...codes,
    };
  }
  if (hasRor && existing) return { ...existing, ...codes };
  if (!eche) throw new Error(`Registry entry ${change.id} would have no source`);
  return {
    id: change.id,
    name: eche.name,
    names: "[]",
    acronym: null,
    kind: "university",
    country_code: eche.countryCode,
    city: eche.city,
    lat: null,
    lng: null,
    website: eche.website,
    ror_id: null,
    identifiers: "[]",
    status: "active",
    relationships: "[]",
    parent_ror_id: null,
    successor_ror_id: null,
    aliases: "[]",
    match_name: matchNameOf(eche.name),
    ...codes,
  };
}

/** Columns an import compares; the parent and successor are derived afterwards, over the whole file. */
const COMPARED = [
  "name",
  "names",
  "acronym",
  "kind",
  "country_code",
  "city",
  "lat",
  "lng",
  "website",
  "ror_id",
  "erasmus_code",
  "pic",
  "oid",
  "identifiers",
  "source",
  "status",
  "relationships",
  "aliases",
  "match_name",
  "eche_record",
] as const satisfies ReadonlyArray<keyof EntryRow>;

/** True when writing `next` would change nothing a source said. */
export function sameEntry(a: EntryRow, b: EntryRow): boolean {
  return COMPARED.every((k) => (a[k] ?? null) === (b[k] ?? null));
}

/** What the entry is found by in search. */
export function searchPartsOf(row: EntryRow): Array<string | null> {
  return [
    row.name,
    ...(JSON.parse(row.names) as Array<{ value: string }>).map((n) => n.value),
    ...(JSON.parse(row.aliases) as string[]),
    row.acronym,
    row.city,
    hostOf(row.website),
    row.erasmus_code,
    row.pic,
  ];
}

/** The change a bundled or loaded candidate stands for: its ROR part, its charter part, or both. */
export function changeOfCandidate(c: IndexedCandidate): EntryChange {
  const fromRor = c.rorId !== null && c.source !== "eche";
  const eche: EcheFacts | null =
    c.eche ??
    (c.erasmusCode
      ? {
          erasmusCode: c.erasmusCode,
          pic: c.pic,
          oid: c.oid,
          name: c.name,
          countryCode: c.countryCode,
          city: c.city,
          website: c.website,
        }
      : null);
  return { id: c.id, ...(fromRor ? { ror: c } : {}), ...(eche ? { eche } : {}) };
}

/** A registry row as the candidate adoption and bulk import work from. */
export function candidateOfEntry(row: EntryRow): RegistryCandidate & { parentRorId: string | null } {
  return {
    id: row.id,
    name: row.name,
    names: JSON.parse(row.names) as RegistryCandidate["names"],
    acronym: row.acronym,
    kind: row.kind,
    countryCode: row.country_code,
    city: row.city,
    lat: row.lat,
    lng: row.lng,
    website: row.website,
    rorId: row.ror_id,
    erasmusCode: row.erasmus_code,
    pic: row.pic,
    oid: row.oid,
    identifiers: JSON.parse(row.identifiers) as RegistryCandidate["identifiers"],
    source: row.source,
    status: row.status as RegistryStatus,
    relationships: JSON.parse(row.relationships) as RorRelationship[],
    parentRorId: row.parent_ror_id,
  };
}
