import { queryOptions } from "@tanstack/react-query";
import { isApiError } from "../../lib/api";
import { ewp, iias } from "../../lib/api/ewp";

export const ewpKeys = {
  all: ["ewp"] as const,
  iia: (agreementId: string) => ["ewp", "iia", agreementId] as const,
  draft: (agreementId: string) => ["ewp", "iia-draft", agreementId] as const,
  institutions: ["ewp", "institutions"] as const,
  exchange: (agreementId: string) => ["ewp", "exchange", agreementId] as const,
  node: ["ewp", "node"] as const,
};

/** The agreement's IIA, or null while it has none (the server answers 404 then). */
export const iiaQuery = (agreementId: string) =>
  queryOptions({
    queryKey: ewpKeys.iia(agreementId),
    queryFn: async () => {
      try {
        return await iias.get(agreementId);
      } catch (error) {
        if (isApiError(error, "not_found")) return null;
        throw error;
      }
    },
  });

export const iiaDraftQuery = (agreementId: string) =>
  queryOptions({ queryKey: ewpKeys.draft(agreementId), queryFn: () => iias.draft(agreementId), staleTime: 0 });

export const institutionsQuery = queryOptions({ queryKey: ewpKeys.institutions, queryFn: ewp.institutions });

/** Where the agreement's IIA stands with the partner's node; null while it has no IIA. */
export const iiaExchangeQuery = (agreementId: string) =>
  queryOptions({
    queryKey: ewpKeys.exchange(agreementId),
    queryFn: async () => {
      try {
        return await iias.exchange(agreementId);
      } catch (error) {
        if (isApiError(error, "not_found")) return null;
        throw error;
      }
    },
  });

export const nodeStatusQuery = queryOptions({ queryKey: ewpKeys.node, queryFn: ewp.node });
