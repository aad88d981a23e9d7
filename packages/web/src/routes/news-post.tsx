import { Stack } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { createRoute } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { NewsArticle } from "../features/news/news-article";
import { api } from "../lib/api";
import { useCan } from "../lib/session";
import { Breadcrumbs } from "../ui/breadcrumbs";
import { ButtonLink } from "../ui/links";
import { PageSkeleton } from "../ui/loading";
import { ProblemAlert } from "../ui/problem-alert";
import { rootRoute } from "./root";

/** A post as anyone reads it: published posts are public; staff also see drafts and may preview them as the public would. */
function NewsPostPage() {
  const { t } = useTranslation();
  const canEdit = useCan("editor");
  const isStaff = useCan("viewer");
  const { postId } = newsPostRoute.useParams();
  // A feed links each item to the version it carried: ?lang= picks it, when the post has it.
  const { lang: asked } = newsPostRoute.useSearch();
  const query = useQuery({ queryKey: ["news", "detail", postId], queryFn: () => api.news.get(postId) });
  if (query.isError) return <ProblemAlert error={query.error} />;
  if (!query.data) return <PageSkeleton />;
  const n = query.data;
  return (
    <Stack gap="xs">
      {isStaff && (
        <Breadcrumbs trail={[{ label: t("nav.news"), to: "/news" }]} current={n.title} currentLang={n.lang} />
      )}
      <NewsArticle
        post={n}
        asked={asked}
        actions={
          isStaff && (
            <>
              <ButtonLink to="/news/$postId/preview" params={{ postId: n.id }} variant="default">
                {t("portal.preview")}
              </ButtonLink>
              {canEdit && (
                <ButtonLink to="/news/$postId/edit" params={{ postId: n.id }}>
                  {t("common.edit")}
                </ButtonLink>
              )}
            </>
          )
        }
      />
    </Stack>
  );
}

export const newsPostRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/news/$postId",
  validateSearch: (search: Record<string, unknown>): { lang?: string } =>
    typeof search.lang === "string" && /^[a-z]{2,3}$/.test(search.lang) ? { lang: search.lang } : {},
  component: NewsPostPage,
});
