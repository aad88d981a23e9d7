import { useQuery } from "@tanstack/react-query";
import { createRoute } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { PartnershipView } from "../features/portal/partnership-view";
import { api } from "../lib/api";
import { Loading } from "../ui/loading";
import { ProblemAlert } from "../ui/problem-alert";
import { rootRoute } from "./root";

/** The public page of a partnership, assembled by the server from what may be published only. */
function PartnershipPage() {
  const { i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? "en";
  const { agreementId } = partnershipRoute.useParams();
  const query = useQuery({
    queryKey: ["public", "partnership", agreementId, lang],
    queryFn: () => api.portal.partnership(agreementId, lang),
  });
  if (query.isError) return <ProblemAlert error={query.error} />;
  if (!query.data) return <Loading />;
  return <PartnershipView page={query.data} />;
}

export const partnershipRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/partnerships/$agreementId",
  component: PartnershipPage,
});
