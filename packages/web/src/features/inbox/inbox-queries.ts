import { infiniteQueryOptions } from "@tanstack/react-query";
import { api } from "../../lib/api";

/** My inbox, fifty messages a page; every page also says how many are unread in all. */
export const inboxQuery = infiniteQueryOptions({
  queryKey: ["me", "inbox"],
  queryFn: ({ pageParam }) => api.me.inbox(pageParam),
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (last) => last.nextCursor ?? undefined,
  staleTime: 30_000,
});
