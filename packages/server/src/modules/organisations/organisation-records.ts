import {
  bigramSimilarity,
  type CreateOrganisationInput,
  type DuplicateCandidate,
  fillMessage,
  foldText,
  hostOf,
  type MessageParams,
  nameBigrams,
} from "@conventio/domain";
import type { IdentifierRow, OrganisationRow } from "./organisation.repository.js";

/** Names at least this alike, in the same city, make a likely duplicate. */
export const SIMILAR_NAME = 0.82;

/** A likely duplicate, and why, as an English sentence and as a catalogue key with its values. */
export function duplicateCandidate(
  row: { id: string; name: string },
  reasonKey: string,
  reasonParams: MessageParams,
): DuplicateCandidate {
  return { id: row.id, name: row.name, reason: fillMessage(reasonKey, reasonParams), reasonKey, reasonParams };
}

/**
 * The likely duplicates of a draft among organisations that share its website's host or its
 * country and city: the same host, or a similar name in that city.
 */
export function duplicatesAmong(
  rows: Iterable<{ id: string; name: string; website_host: string | null }>,
  draft: { name: string; website: string | null; city: string | null },
): DuplicateCandidate[] {
  const host = hostOf(draft.website);
  const drafted = nameBigrams(draft.name);
  const out: DuplicateCandidate[] = [];
  for (const r of rows) {
    if (host && r.website_host === host) out.push(duplicateCandidate(r, "same website ({{host}})", { host }));
    else if (bigramSimilarity(nameBigrams(r.name), drafted) >= SIMILAR_NAME) {
      out.push(duplicateCandidate(r, "similar name in {{city}}", { city: draft.city ?? "" }));
    }
    if (out.length === 10) break;
  }
  return out;
}

/** The stored row of a new organisation. */
export function organisationRow(id: string, input: CreateOrganisationInput, now: string): OrganisationRow {
  return {
    id,
    kind: input.kind,
    name: input.name,
    sort_name: foldText(input.name),
    names: JSON.stringify(input.names),
    acronym: input.acronym || null,
    country_code: input.countryCode,
    city: input.city || null,
    city_folded: input.city ? foldText(input.city) : null,
    lat: input.lat,
    lng: input.lng,
    website: input.website,
    website_host: hostOf(input.website),
    description: input.description || null,
    parent_id: input.parentId,
    successor_id: input.successorId,
    visibility: input.visibility,
    created_at: now,
    updated_at: now,
  };
}

/** Everything the search index should find an organisation by. */
export function searchParts(row: OrganisationRow, identifiers: IdentifierRow[]): string[] {
  const names = (JSON.parse(row.names) as Array<{ value: string }>).map((n) => n.value);
  return [
    row.name,
    ...names,
    row.acronym ?? "",
    row.city ?? "",
    row.website_host ?? "",
    ...identifiers.map((i) => i.value),
  ];
}

/** What the audit log keeps of an organisation. */
export function snapshot(row: OrganisationRow, identifiers: IdentifierRow[]): Record<string, unknown> {
  const { sort_name: _s, city_folded: _c, website_host: _h, created_at: _a, updated_at: _u, ...rest } = row;
  return { ...rest, names: JSON.parse(row.names), identifiers: identifiers.map((i) => `${i.scheme}:${i.value}`) };
}
