import type { OrganisationKind } from "@conventio/domain";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api, type OrganisationFilters } from "../../lib/api";
import { useLanguage } from "../../lib/countries";
import { useKeysetList } from "../../lib/use-keyset-list";

export const organisationKeys = {
  all: ["organisations"] as const,
  /** Names come in the reader's language: another language is another list. */
  list: (filters: OrganisationFilters, lang: string) => ["organisations", "list", filters, lang] as const,
  detail: (id: string) => ["organisations", "detail", id] as const,
  search: (q: string, kinds: readonly OrganisationKind[], lang: string) =>
    ["organisations", "search", q, kinds, lang] as const,
};

export const organisationQuery = (id: string) =>
  queryOptions({ queryKey: organisationKeys.detail(id), queryFn: () => api.organisations.get(id) });

/** One page of fifty at a time; the previous results stay on screen while the next query runs. */
export function useOrganisationList(filters: OrganisationFilters) {
  const lang = useLanguage();
  return useKeysetList(organisationKeys.list(filters, lang), (cursor) =>
    api.organisations.list(filters, { cursor: cursor, limit: 50 }, lang),
  );
}

/** Networks and programmes, the organisations that have members. */
export function useNetworks() {
  return useQuery({
    queryKey: ["organisations", "networks"],
    queryFn: async () => {
      const [networks, programmes] = await Promise.all([
        api.organisations.list({ kind: "network" }, { limit: 200 }),
        api.organisations.list({ kind: "programme" }, { limit: 200 }),
      ]);
      return [...networks.items, ...programmes.items].sort((a, b) => a.name.localeCompare(b.name));
    },
    staleTime: 60_000,
  });
}

/** Search-as-you-type for pickers: ten matches, optionally of some kinds only. */
export function useOrganisationSearch(q: string, kinds: readonly OrganisationKind[] = []) {
  const lang = useLanguage();
  return useQuery({
    queryKey: organisationKeys.search(q, kinds, lang),
    queryFn: async () => {
      if (kinds.length === 0) return (await api.organisations.list({ q }, { limit: 10 }, lang)).items;
      const pages = await Promise.all(kinds.map((kind) => api.organisations.list({ q, kind }, { limit: 10 }, lang)));
      return pages.flatMap((p) => p.items).slice(0, 10);
    },
    placeholderData: keepPreviousData,
  });
}
