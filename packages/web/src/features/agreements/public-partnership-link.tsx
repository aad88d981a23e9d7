import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { api } from "../../lib/api";
import { AnchorLink } from "../../ui/links";

/**
 * Links to a partnership's public page only when the agreement is public; otherwise it shows
 * `fallback` (or nothing), so that an internal agreement is never named or linked on public pages.
 */
export function PublicPartnershipLink({
  agreementId,
  children,
  fallback = null,
}: {
  agreementId: string;
  children: (title: string) => ReactNode;
  fallback?: ReactNode;
}) {
  const query = useQuery({
    queryKey: ["public", "agreement", agreementId],
    queryFn: () => api.portal.agreement(agreementId),
    retry: false,
    staleTime: 60_000,
  });
  if (!query.data) return <>{fallback}</>;
  return (
    <AnchorLink to="/partnerships/$agreementId" params={{ agreementId }}>
      {children(query.data.title)}
    </AnchorLink>
  );
}
