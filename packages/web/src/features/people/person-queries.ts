import { keepPreviousData, queryOptions, useInfiniteQuery } from "@tanstack/react-query";
import { api } from "../../lib/api";

export const personKeys = {
  all: ["people"] as const,
  detail: (id: string) => ["people", "detail", id] as const,
};

export const personQuery = (id: string) =>
  queryOptions({ queryKey: personKeys.detail(id), queryFn: () => api.people.get(id) });

export function usePeopleList(q: string | undefined) {
  return useInfiniteQuery({
    queryKey: ["people", "list", q ?? ""],
    queryFn: ({ pageParam }) => api.people.list({ q }, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}
