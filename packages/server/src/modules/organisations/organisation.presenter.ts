import type { LocalisedName, OrganisationRef, OrganisationSummary, OrganisationView } from "@conventio/domain";
import type { IdentifierRow, OrganisationListRow, OrganisationRow } from "./organisation.repository.js";

export function presentSummary(row: OrganisationListRow): OrganisationSummary {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    acronym: row.acronym,
    countryCode: row.country_code,
    city: row.city,
    visibility: row.visibility,
  };
}

export function presentOrganisation(
  row: OrganisationRow,
  identifiers: IdentifierRow[],
  refs: Map<string, OrganisationRef>,
): OrganisationView {
  return {
    ...presentSummary(row),
    names: JSON.parse(row.names) as LocalisedName[],
    lat: row.lat,
    lng: row.lng,
    website: row.website,
    description: row.description,
    parent: (row.parent_id && refs.get(row.parent_id)) || null,
    successor: (row.successor_id && refs.get(row.successor_id)) || null,
    identifiers,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
