import {
  type LocalisedName,
  type OrganisationKind,
  type OrganisationRef,
  type OrganisationSummary,
  type OrganisationView,
  type ShownText,
  shownOrganisationName,
  type UiLanguage,
} from "@conventio/domain";
import type { IdentifierRow, OrganisationListRow, OrganisationRow } from "./organisation.repository.js";

/** The columns a reference to an organisation is made from; `names` is the stored JSON list. */
export interface OrganisationRefRow {
  id: string;
  name: string;
  names: string;
  kind: OrganisationKind;
}

/** An organisation's name in the reader's language, from its stored name and JSON list of names. */
export function shownName(row: { name: string; names: string }, lang: UiLanguage): ShownText {
  return shownOrganisationName({ name: row.name, names: JSON.parse(row.names) as LocalisedName[] }, lang);
}

export function presentRef(row: OrganisationRefRow, lang: UiLanguage): OrganisationRef {
  return { id: row.id, name: row.name, shown: shownName(row, lang), kind: row.kind };
}

/** A reference from the columns of an outer join: null when the row joined nothing. */
export function presentJoinedRef(
  row: { id: string | null; name: string | null; names: string | null; kind: OrganisationKind | null },
  lang: UiLanguage,
): OrganisationRef | null {
  const { id, name, names, kind } = row;
  return id && name && names && kind ? presentRef({ id, name, names, kind }, lang) : null;
}

export function presentSummary(row: OrganisationListRow, lang: UiLanguage): OrganisationSummary {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    shown: shownName(row, lang),
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
  lang: UiLanguage,
): OrganisationView {
  return {
    ...presentSummary(row, lang),
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
