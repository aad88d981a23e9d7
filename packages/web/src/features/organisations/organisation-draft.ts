import type {
  IdentifierScheme,
  OrganisationKind,
  OrganisationRef,
  OrganisationView,
  Visibility,
} from "@conventio/domain";

/** A row the user can add or remove; the key keeps React's idea of the row stable while they do. */
export type Row<T> = T & { key: number };

/** The form's state: text as typed, numbers possibly half-typed. */
export interface OrganisationDraft {
  kind: OrganisationKind;
  name: string;
  names: Row<{ lang: string; value: string }>[];
  acronym: string;
  countryCode: string | null;
  city: string;
  lat: number | string;
  lng: number | string;
  website: string;
  description: string;
  parent: OrganisationRef | null;
  successor: OrganisationRef | null;
  visibility: Visibility;
  identifiers: Row<{ scheme: IdentifierScheme; value: string }>[];
}

let nextKey = 1;
export const newKey = () => nextKey++;

export function draftOf(view?: OrganisationView): OrganisationDraft {
  return {
    kind: view?.kind ?? "university",
    name: view?.name ?? "",
    names: (view?.names ?? []).map((n) => ({ ...n, key: newKey() })),
    acronym: view?.acronym ?? "",
    countryCode: view?.countryCode ?? null,
    city: view?.city ?? "",
    lat: view?.lat ?? "",
    lng: view?.lng ?? "",
    website: view?.website ?? "",
    description: view?.description ?? "",
    parent: view?.parent ?? null,
    successor: view?.successor ?? null,
    visibility: view?.visibility ?? "internal",
    identifiers: (view?.identifiers ?? []).map((i) => ({ ...i, key: newKey() })),
  };
}

const blank = (value: string) => (value.trim() === "" ? null : value);

/** A half-typed number ("-", "4.") is sent as typed, so the schema names it as invalid rather than dropping it. */
function numberOf(value: number | string): number | null {
  if (typeof value === "number") return value;
  if (value.trim() === "") return null;
  return Number(value);
}

/** The draft as the API's input (before the schema's own normalisation). */
export function inputOf(d: OrganisationDraft) {
  return {
    kind: d.kind,
    name: d.name,
    names: d.names.map(({ lang, value }) => ({ lang, value })),
    acronym: blank(d.acronym),
    countryCode: d.countryCode,
    city: blank(d.city),
    lat: numberOf(d.lat),
    lng: numberOf(d.lng),
    website: blank(d.website),
    description: blank(d.description),
    parentId: d.parent?.id ?? null,
    successorId: d.successor?.id ?? null,
    visibility: d.visibility,
    identifiers: d.identifiers.map(({ scheme, value }) => ({ scheme, value })),
  };
}
