import type { OrganisationKind, RegistryStatus } from "@conventio/domain";
import type { Generated } from "kysely";

/**
 * The bundled reference registry (ROR, Erasmus charter holders): candidates, not partners.
 * Each source owns its fields: ROR the description (names, kind, place, website, identifiers,
 * status, relationships), the charter list the Erasmus code, PIC and OID. An entry no ROR record
 * stands for is described by the charter list. `source` says which sources an entry holds.
 */
export interface RegistryEntryTable {
  id: string; // ror id when there is one, else "eche:" + erasmus code
  name: string;
  names: string; // JSON [{lang, value}]
  acronym: string | null;
  kind: OrganisationKind;
  country_code: string | null;
  city: string | null;
  lat: number | null;
  lng: number | null;
  website: string | null;
  ror_id: string | null;
  erasmus_code: string | null;
  pic: string | null;
  oid: string | null;
  identifiers: string; // JSON [{scheme, value}] beyond the columns above
  source: string; // "ror", "eche" or "ror+eche"
  status: Generated<RegistryStatus>;
  relationships: Generated<string>; // JSON [{type, id}]: the ROR record's own parents, children, successors, predecessors
  parent_ror_id: string | null; // its own first parent, else the record naming it as a child
  successor_ror_id: string | null; // its own first successor, else the record naming it as a predecessor
  aliases: Generated<string>; // JSON [string]: other names it is found by
  match_name: Generated<string>; // the name's folded words, joined by single spaces: search ranks on it
  eche_record: string | null; // JSON: what the charter list says of it, as last imported
}
