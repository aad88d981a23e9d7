import { Stack } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { createRoute } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { PartnershipView } from "../features/portal/partnership-view";
import { PreviewBanner } from "../features/portal/preview-banner";
import { api } from "../lib/api";
import { ButtonLink } from "../ui/links";
import { Loading } from "../ui/loading";
import { ProblemAlert } from "../ui/problem-alert";
import { internalRoute } from "./internal";

/** An agreement's public page as the public will read it, shown to staff before or after publishing. */
function AgreementPreviewPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? "en";
  const { agreementId } = agreementPreviewRoute.useParams();
  const preview = useQuery({
    queryKey: ["agreements", "preview", agreementId, lang],
    queryFn: () => api.portal.partnershipPreview(agreementId, lang),
  });
  const agreement = useQuery({
    queryKey: ["agreements", "detail", agreementId],
    queryFn: () => api.agreements.get(agreementId),
  });
  if (preview.isError) return <ProblemAlert error={preview.error} />;
  if (!preview.data || !agreement.data) return <Loading />;
  const published = agreement.data.visibility === "public";
  const hidden = agreement.data.internalFields.map((f) => t(`guardedFields.${f}`));
  return (
    <Stack gap="md">
      <PreviewBanner
        published={published}
        statement={published ? t("portal.previewPublic") : t("portal.previewInternal")}
        notes={hidden.length > 0 ? [t("portal.keptInternal", { fields: hidden.join(", ") })] : []}
        back={
          <ButtonLink to="/agreements/$agreementId" params={{ agreementId }} variant="default" size="xs" mt="xs">
            {t("portal.backToRecord")}
          </ButtonLink>
        }
      />
      <PartnershipView page={preview.data} />
    </Stack>
  );
}

export const agreementPreviewRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: "/agreements/$agreementId/preview",
  component: AgreementPreviewPage,
});
