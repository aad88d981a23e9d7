import type { Page } from "@conventio/domain";
import { keepPreviousData, type QueryKey, useInfiniteQuery } from "@tanstack/react-query";

/**
 * A list the server pages by keyset: the next page is read when asked for, the pages read so far
 * are flattened into `items`, and (unless `keepPrevious` is off) the previous results stay on
 * screen while a filter changes.
 */
export function useKeysetList<T>(
  queryKey: QueryKey,
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
  { keepPrevious = true }: { keepPrevious?: boolean } = {},
) {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    ...(keepPrevious ? { placeholderData: keepPreviousData } : {}),
  });
  const items: T[] = query.data?.pages.flatMap((p) => p.items) ?? [];
  // Added to the result rather than spread into a copy: spreading would read every tracked
  // property and make the list re-render on changes it does not use.
  return Object.assign(query, { items });
}
