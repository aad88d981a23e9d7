import { queryOptions } from "@tanstack/react-query";
import { api } from "../../lib/api";
import { useKeysetList } from "../../lib/use-keyset-list";

export const personKeys = {
  all: ["people"] as const,
  detail: (id: string) => ["people", "detail", id] as const,
};

export const personQuery = (id: string) =>
  queryOptions({ queryKey: personKeys.detail(id), queryFn: () => api.people.get(id) });

export function usePeopleList(q: string | undefined) {
  return useKeysetList(["people", "list", q ?? ""], (cursor) => api.people.list({ q }, cursor));
}
