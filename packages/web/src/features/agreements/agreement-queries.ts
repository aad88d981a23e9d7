import { queryOptions } from "@tanstack/react-query";
import { type AgreementFilters, api } from "../../lib/api";
import { useLanguage } from "../../lib/countries";
import { useKeysetList } from "../../lib/use-keyset-list";

export const agreementKeys = {
  all: ["agreements"] as const,
  /** Titles and names come in the reader's language: another language is another list. */
  list: (filters: AgreementFilters, lang: string) => ["agreements", "list", filters, lang] as const,
  detail: (id: string) => ["agreements", "detail", id] as const,
  bodies: (id: string) => ["agreements", "bodies", id] as const,
  actions: (id: string) => ["agreements", "actions", id] as const,
  indicators: (id: string) => ["agreements", "indicators", id] as const,
};

export const agreementQuery = (id: string) =>
  queryOptions({ queryKey: agreementKeys.detail(id), queryFn: () => api.agreements.get(id) });

/** Fifty at a time, by keyset; the previous results stay on screen while filters change. */
export function useAgreementList(filters: AgreementFilters) {
  const lang = useLanguage();
  return useKeysetList(agreementKeys.list(filters, lang), (cursor) => api.agreements.list(filters, cursor, lang));
}
