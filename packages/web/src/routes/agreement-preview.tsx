import { Alert, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { createRoute } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { PartnershipView } from "../features/portal/partnership-view";
import { api } from "../lib/api";
import { ButtonLink } from "../ui/links";
import { Loading } from "../ui/loading";
import { ProblemAlert } from "../ui/problem-alert";
import { rootRoute } from "./root";

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
      <Alert color={published ? "blue" : "yellow"} title={t("portal.previewTitle")}>
        <Text size="sm">{published ? t("portal.previewPublic") : t("portal.previewInternal")}</Text>
        {hidden.length > 0 && <Text size="sm">{t("portal.keptInternal", { fields: hidden.join(", ") })}</Text>}
        <ButtonLink to="/agreements/$agreementId" params={{ agreementId }} variant="default" size="xs" mt="xs">
          {t("portal.backToRecord")}
        </ButtonLink>
      </Alert>
      <PartnershipView page={preview.data} />
    </Stack>
  );
}

export const agreementPreviewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/agreements/$agreementId/preview",
  component: AgreementPreviewPage,
});
