import type { OrganisationKind } from "@conventio/domain";

/** The bundled reference registry (ROR, Erasmus charter holders): candidates, not partners. */
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
  source: string;
}
