import { useQuery } from "@tanstack/react-query";
import { createRoute, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { AgreementForm } from "../features/agreements/agreement-form";
import { agreementQuery } from "../features/agreements/agreement-queries";
import { Loading } from "../ui/loading";
import { PageHeader } from "../ui/page-header";
import { ProblemAlert } from "../ui/problem-alert";
import { editorsOnly } from "./editors-only";
import { internalRoute } from "./internal";

function EditAgreementPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { agreementId } = agreementEditRoute.useParams();
  const query = useQuery(agreementQuery(agreementId));
  if (query.isError) return <ProblemAlert error={query.error} />;
  if (!query.data) return <Loading />;
  const back = () => void navigate({ to: "/agreements/$agreementId", params: { agreementId } });
  return (
    <>
      <PageHeader title={t("agreements.editTitle", { title: query.data.title })} />
      <AgreementForm initial={query.data} onSaved={back} onCancel={back} />
    </>
  );
}

export const agreementEditRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: "/agreements/$agreementId/edit",
  beforeLoad: editorsOnly,
  component: EditAgreementPage,
});
