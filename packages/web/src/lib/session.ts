import { hasRole, type SessionView, type UserRole } from "@conventio/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, rememberCsrfToken } from "./api";
import { queryClient } from "./query-client";

/** The session is read once and kept; sign-in and sign-out replace it. */
export const sessionQuery = queryOptions({
  queryKey: ["session"],
  queryFn: async () => {
    const session = await api.session();
    rememberCsrfToken(session.csrfToken);
    return session;
  },
  staleTime: 60_000,
});

const ANONYMOUS: SessionView = { user: null, csrfToken: null, setupRequired: false };

export function useSession(): SessionView {
  return useQuery(sessionQuery).data ?? ANONYMOUS;
}

/** True when the signed-in user holds at least this role; the API enforces it anyway. */
export function useCan(role: UserRole): boolean {
  const { user } = useSession();
  return (
    user !== null && !user.disabled && hasRole({ kind: "user", id: user.id, name: user.name, role: user.role }, role)
  );
}

/** Stores a session the server just handed over (after sign-in or sign-out). */
export function storeSession(session: SessionView): void {
  rememberCsrfToken(session.csrfToken);
  queryClient.setQueryData(sessionQuery.queryKey, session);
}

export function readSession(): Promise<SessionView> {
  return queryClient.ensureQueryData(sessionQuery);
}
