import { useQuery } from "@tanstack/react-query";
import { createRoute, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { NewsForm } from "../features/news/news-form";
import { api } from "../lib/api";
import { Loading } from "../ui/loading";
import { PageHeader } from "../ui/page-header";
import { ProblemAlert } from "../ui/problem-alert";
import { editorsOnly } from "./editors-only";
import { internalRoute } from "./internal";

function NewPostPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={t("news.new")} />
      <NewsForm
        onSaved={(saved) => void navigate({ to: "/news/$postId", params: { postId: saved.id } })}
        onCancel={() => void navigate({ to: "/news" })}
      />
    </>
  );
}

function EditPostPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { postId } = newsEditRoute.useParams();
  const query = useQuery({ queryKey: ["news", "detail", postId], queryFn: () => api.news.get(postId) });
  if (query.isError) return <ProblemAlert error={query.error} />;
  if (!query.data) return <Loading />;
  const back = () => void navigate({ to: "/news/$postId", params: { postId } });
  return (
    <>
      <PageHeader title={t("agreements.editTitle", { title: query.data.title })} />
      <NewsForm initial={query.data} onSaved={back} onCancel={back} />
    </>
  );
}

export const newsNewRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: "/news/new",
  beforeLoad: editorsOnly,
  component: NewPostPage,
});

export const newsEditRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: "/news/$postId/edit",
  beforeLoad: editorsOnly,
  component: EditPostPage,
});
