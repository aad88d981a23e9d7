import { Anchor } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";

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
  const { i18n } = useTranslation();
  const query = useQuery({
    queryKey: ["public", "agreement", agreementId],
    queryFn: () => api.portal.agreement(agreementId),
    retry: false,
    staleTime: 60_000,
  });
  if (!query.data) return <>{fallback}</>;
  return (
    <Anchor href={`/${(i18n.resolvedLanguage ?? "en").slice(0, 2)}/partnerships/${agreementId}`}>
      {children(query.data.title)}
    </Anchor>
  );
}
