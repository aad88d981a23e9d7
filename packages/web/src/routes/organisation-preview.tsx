import { Stack } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { createRoute } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { organisationQuery } from "../features/organisations/organisation-queries";
import { PreviewBanner } from "../features/portal/preview-banner";
import { PublicPageFrame } from "../features/portal/public-page-frame";
import { ButtonLink } from "../ui/links";
import { Loading } from "../ui/loading";
import { ProblemAlert } from "../ui/problem-alert";
import { internalRoute } from "./internal";

/** A partner's public page as the public reads it, or would once the organisation is made public. */
function OrganisationPreviewPage() {
  const { t } = useTranslation();
  const { organisationId } = organisationPreviewRoute.useParams();
  const organisation = useQuery(organisationQuery(organisationId));
  if (organisation.isError) return <ProblemAlert error={organisation.error} />;
  if (!organisation.data) return <Loading />;
  const published = organisation.data.visibility === "public";
  return (
    <Stack gap="md">
      <PreviewBanner
        published={published}
        statement={published ? t("publicPreview.organisationPublic") : t("publicPreview.organisationInternal")}
        notes={[t("publicPreview.organisationKept"), t("publicPreview.organisationLinks")]}
        back={
          <ButtonLink
            to="/organisations/$organisationId"
            params={{ organisationId }}
            variant="default"
            size="xs"
            mt="xs"
          >
            {t("publicPreview.backToOrganisation")}
          </ButtonLink>
        }
      />
      <PublicPageFrame path={`/partners/${organisationId}`} title={t("portal.previewTitle")} />
    </Stack>
  );
}

export const organisationPreviewRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: "/organisations/$organisationId/preview",
  component: OrganisationPreviewPage,
});
