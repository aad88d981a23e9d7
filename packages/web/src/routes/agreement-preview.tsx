import { Stack } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { createRoute } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { PreviewBanner } from "../features/portal/preview-banner";
import { PublicPageFrame } from "../features/portal/public-page-frame";
import { api } from "../lib/api";
import { ButtonLink } from "../ui/links";
import { Loading } from "../ui/loading";
import { ProblemAlert } from "../ui/problem-alert";
import { internalRoute } from "./internal";

/** An agreement's public page as the public will read it, shown to staff before or after publishing. */
function AgreementPreviewPage() {
  const { t } = useTranslation();
  const { agreementId } = agreementPreviewRoute.useParams();
  const agreement = useQuery({
    queryKey: ["agreements", "detail", agreementId],
    queryFn: () => api.agreements.get(agreementId),
  });
  if (agreement.isError) return <ProblemAlert error={agreement.error} />;
  if (!agreement.data) return <Loading />;
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
      <PublicPageFrame path={`/partnerships/${agreementId}`} title={t("portal.previewTitle")} />
    </Stack>
  );
}

export const agreementPreviewRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: "/agreements/$agreementId/preview",
  component: AgreementPreviewPage,
});
