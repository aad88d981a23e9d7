import { useQuery } from "@tanstack/react-query";
import { createRoute, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { ActivityForm } from "../features/activities/activity-form";
import { api } from "../lib/api";
import { Loading } from "../ui/loading";
import { PageHeader } from "../ui/page-header";
import { ProblemAlert } from "../ui/problem-alert";
import { editorsOnly } from "./editors-only";
import { internalRoute } from "./internal";

function EditActivityPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { activityId } = activityEditRoute.useParams();
  const query = useQuery({
    queryKey: ["activities", "detail", activityId],
    queryFn: () => api.activities.get(activityId),
  });
  if (query.isError) return <ProblemAlert error={query.error} />;
  if (!query.data) return <Loading />;
  const back = () => void navigate({ to: "/activities/$activityId", params: { activityId } });
  return (
    <>
      <PageHeader title={t("agreements.editTitle", { title: query.data.title })} />
      <ActivityForm initial={query.data} onSaved={back} onCancel={back} />
    </>
  );
}

export const activityEditRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: "/activities/$activityId/edit",
  beforeLoad: editorsOnly,
  component: EditActivityPage,
});
