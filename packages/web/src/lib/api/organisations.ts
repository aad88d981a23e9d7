import type {
  AgreementStatus,
  CountryCount,
  CreateOrganisationInput,
  MembershipInput,
  MembershipView,
  OrganisationDetail,
  OrganisationKind,
  OrganisationSort,
  OrganisationSummary,
  OrganisationView,
  Page,
  Problem,
  RegistryEntryView,
  SortOrder,
  TimelineEvent,
  UpdateOrganisationInput,
} from "@conventio/domain";
import { get, id, patch, post, queryString, remove } from "./core";

export interface OrganisationFilters {
  q?: string | undefined;
  kind?: OrganisationKind | undefined;
  country?: string | undefined;
  network?: string | undefined;
  sort?: OrganisationSort | undefined;
  order?: SortOrder | undefined;
}

export type Candidate = NonNullable<Problem["candidates"]>[number];

export const organisations = {
  /** `lang`: the language names are shown in; without it, the server reads the language cookie. */
  list: (
    filters: OrganisationFilters,
    page: { cursor?: string | undefined; limit?: number } = {},
    lang?: string | undefined,
  ) => get<Page<OrganisationSummary>>(`/api/organisations${queryString({ ...filters, ...page, lang })}`),
  get: (orgId: string) => get<OrganisationDetail>(`/api/organisations/${id(orgId)}`),
  create: (input: CreateOrganisationInput) => post<OrganisationView>("/api/organisations", input),
  update: (orgId: string, input: UpdateOrganisationInput) =>
    patch<OrganisationView>(`/api/organisations/${id(orgId)}`, input),
  delete: (orgId: string) => remove(`/api/organisations/${id(orgId)}`),
  addMembership: (networkId: string, input: MembershipInput) =>
    post<MembershipView>(`/api/organisations/${id(networkId)}/memberships`, input),
  removeMembership: (networkId: string, membershipId: string) =>
    remove(`/api/organisations/${id(networkId)}/memberships/${id(membershipId)}`),
  suggestDuplicates: (draft: {
    name: string;
    website: string | null;
    countryCode: string | null;
    city: string | null;
  }) => post<{ candidates: Candidate[] }>("/api/organisations/duplicates", draft),
};

/** The partner map's filters: the partner's kind, the agreement's status, the responsible unit's id. */
export interface MapFilters {
  kind?: OrganisationKind | undefined;
  status?: AgreementStatus | undefined;
  unit?: string | undefined;
}

/** Partners per country, filtered; `countries` takes no argument, so it can be a query function as it is. */
function partnerCounts(filters: MapFilters) {
  const { kind, status, unit } = filters;
  return get<{ items: CountryCount[] }>(`/api/map/countries${queryString({ kind, status, unit })}`);
}

export const map = {
  countries: () => partnerCounts({}),
  partnerCounts,
};

export const registry = {
  search: (q: string, limit = 10) => get<{ items: RegistryEntryView[] }>(`/api/registry${queryString({ q, limit })}`),
  adopt: (entryId: string, confirmDuplicate = false) =>
    post<OrganisationView>(`/api/registry/${id(entryId)}/adopt`, confirmDuplicate ? { confirmDuplicate } : {}),
};

/** A partner's relationship on one time axis. */
export const timeline = (orgId: string) => get<{ items: TimelineEvent[] }>(`/api/organisations/${id(orgId)}/timeline`);
