import { createRoute } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { AuditTable } from "../features/audit/audit-table";
import { api } from "../lib/api";
import { useKeysetList } from "../lib/use-keyset-list";
import { ExportMenu } from "../ui/export-menu";
import { LoadMore } from "../ui/load-more";
import { Loading } from "../ui/loading";
import { PageHeader } from "../ui/page-header";
import { ProblemAlert } from "../ui/problem-alert";
import { adminRoute } from "./admin";

function AuditPage() {
  const { t } = useTranslation();
  const log = useKeysetList(["audit"], (cursor) => api.audit.list(cursor), { keepPrevious: false });
  const events = log.items;
  return (
    <>
      <PageHeader title={t("audit.title")} subtitle={t("audit.subtitle")} actions={<ExportMenu kind="audit" />} />
      {log.isError && <ProblemAlert error={log.error} />}
      {log.isPending ? <Loading /> : <AuditTable events={events} />}
      <LoadMore list={log} />
    </>
  );
}

export const adminAuditRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/audit",
  component: AuditPage,
});
