import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { isApiError } from "./api";

let sessionLost: () => void = () => {};

/** Called when the server says the session is gone (expired, or signed out elsewhere). */
export function onSessionLost(handler: () => void): void {
  sessionLost = handler;
}

function noticeUnauthenticated(error: unknown) {
  if (isApiError(error, "unauthenticated")) sessionLost();
}

/** One client for the whole app; a failed call is retried only when the network, not the request, failed. */
export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: noticeUnauthenticated }),
  mutationCache: new MutationCache({ onError: noticeUnauthenticated }),
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: false,
      retry: (count, error) => count < 2 && isApiError(error) && error.status === 0,
    },
    mutations: { retry: false },
  },
});
