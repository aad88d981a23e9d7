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

/** A post's page exactly as an anonymous reader gets it, or would once the post is published. */
function NewsPreviewPage() {
  const { t } = useTranslation();
  const { postId } = newsPreviewRoute.useParams();
  const preview = useQuery({ queryKey: ["news", "preview", postId], queryFn: () => api.portal.newsPreview(postId) });
  const staff = useQuery({ queryKey: ["news", "detail", postId], queryFn: () => api.news.get(postId) });
  if (preview.isError) return <ProblemAlert error={preview.error} />;
  if (staff.isError) return <ProblemAlert error={staff.error} />;
  if (!preview.data || !staff.data) return <Loading />;
  const published = preview.data.status === "published";
  const notes = [
    ...(staff.data.agreement && !preview.data.agreement ? [t("publicPreview.newsAgreementHidden")] : []),
    ...(published ? [] : [t("publicPreview.newsPictures")]),
  ];
  return (
    <Stack gap="md">
      <PreviewBanner
        published={published}
        statement={published ? t("publicPreview.newsPublished") : t("publicPreview.newsDraft")}
        notes={notes}
        back={
          <ButtonLink to="/news/$postId" params={{ postId }} variant="default" size="xs" mt="xs">
            {t("publicPreview.backToPost")}
          </ButtonLink>
        }
      />
      <PublicPageFrame path={`/news/${postId}`} title={t("portal.previewTitle")} />
    </Stack>
  );
}

export const newsPreviewRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: "/news/$postId/preview",
  component: NewsPreviewPage,
});
