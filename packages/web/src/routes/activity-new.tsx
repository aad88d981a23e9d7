import { useQuery } from "@tanstack/react-query";
import { createRoute, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { ActivityForm } from "../features/activities/activity-form";
import { agreementQuery } from "../features/agreements/agreement-queries";
import { Loading } from "../ui/loading";
import { PageHeader } from "../ui/page-header";
import { editorsOnly } from "./editors-only";
import { internalRoute } from "./internal";

function NewActivityPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { agreement } = activityNewRoute.useSearch();
  const preset = useQuery({ ...agreementQuery(agreement ?? ""), enabled: agreement !== undefined });
  if (agreement && !preset.data && !preset.isError) return <Loading />;
  return (
    <>
      <PageHeader title={t("activities.new")} />
      <ActivityForm
        agreement={preset.data ?? null}
        onSaved={(saved) => void navigate({ to: "/activities/$activityId", params: { activityId: saved.id } })}
        onCancel={() => void navigate({ to: "/activities" })}
      />
    </>
  );
}

export const activityNewRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: "/activities/new",
  beforeLoad: editorsOnly,
  validateSearch: (search: Record<string, unknown>): { agreement?: string } =>
    typeof search.agreement === "string" && search.agreement ? { agreement: search.agreement } : {},
  component: NewActivityPage,
});
