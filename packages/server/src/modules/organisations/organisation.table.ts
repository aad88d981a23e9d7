import type { OrganisationKind, Visibility } from "@conventio/domain";
import type { Generated } from "kysely";

export interface OrganisationTable {
  id: string;
  kind: OrganisationKind;
  name: string;
  sort_name: string; // folded name: the keyset and ordering key
  names: string; // JSON [{lang, value}]
  acronym: string | null;
  country_code: string | null;
  city: string | null;
  city_folded: string | null;
  lat: number | null;
  lng: number | null;
  website: string | null;
  website_host: string | null;
  description: string | null;
  parent_id: string | null;
  successor_id: string | null;
  visibility: Visibility;
  created_at: string;
  updated_at: string;
}

export interface OrganisationIdentifierTable {
  organisation_id: string;
  scheme: string;
  value: string;
  unique_value: string | null; // equal to value for schemes that identify one organisation; unique index
}

export interface MembershipTable {
  id: string;
  network_id: string;
  member_id: string;
  since: string | null;
  until: string | null;
  since_precision: Generated<"day" | "month" | "year">;
  until_precision: Generated<"day" | "month" | "year">;
  created_at: string;
}
