import type { OrganisationKind } from "@conventio/domain";

/**
 * ROR's organisation types in Conventio's kinds, in the order a record with several types is
 * decided: the first type of this list that the record carries gives its kind.
 *
 * - education → university ("university or school");
 * - company → company, before funder: a firm that also funds research is still a firm;
 * - government → government, and funder → government too, which Conventio describes as
 *   "government body or funder" (a foundation that funds research is a funder first);
 * - facility, healthcare, archive, nonprofit and other → unit when ROR names a parent (a
 *   laboratory of a university, a university hospital, an institute of a research council),
 *   since Conventio calls those organisational units; otherwise other, as Conventio has no kind
 *   for research facilities, hospitals, archives or associations.
 */
export const ROR_KIND_PRIORITY: ReadonlyArray<readonly [rorType: string, kind: OrganisationKind]> = [
  ["education", "university"],
  ["company", "company"],
  ["government", "government"],
  ["funder", "government"],
];

/** The kind of a ROR record from its types, and whether ROR names a parent organisation. */
export function kindOfRor(types: readonly string[], hasParent: boolean): OrganisationKind {
  const lower = types.map((t) => t.toLowerCase());
  for (const [type, kind] of ROR_KIND_PRIORITY) if (lower.includes(type)) return kind;
  return hasParent ? "unit" : "other";
}
