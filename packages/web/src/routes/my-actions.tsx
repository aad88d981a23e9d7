import { useQuery } from "@tanstack/react-query";
import { createRoute } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { MyApprovals } from "../features/circuits/my-approvals";
import { ActionTable } from "../features/governance/action-items";
import { api } from "../lib/api";
import { TableSkeleton } from "../ui/loading";
import { PageHeader } from "../ui/page-header";
import { ProblemAlert } from "../ui/problem-alert";
import { internalRoute } from "./internal";

function MyActionsPage() {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: ["me", "actions"], queryFn: api.me.actions });
  return (
    <>
      <PageHeader title={t("myActions.title")} subtitle={t("myActions.subtitle")} />
      {query.isError && <ProblemAlert error={query.error} />}
      {query.data ? <ActionTable items={query.data.items} showAgreement /> : !query.isError && <TableSkeleton />}
      <MyApprovals />
    </>
  );
}

export const myActionsRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: "/my/actions",
  component: MyActionsPage,
});
