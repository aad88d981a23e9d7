import { createRoute, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { AgreementForm } from "../features/agreements/agreement-form";
import { PageHeader } from "../ui/page-header";
import { internalRoute } from "./internal";

function NewAgreementPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={t("agreements.new")} subtitle={t("agreements.form.newSubtitle")} />
      <AgreementForm
        onSaved={(saved) => void navigate({ to: "/agreements/$agreementId", params: { agreementId: saved.id } })}
        onCancel={() => void navigate({ to: "/agreements" })}
      />
    </>
  );
}

export const agreementNewRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: "/agreements/new",
  component: NewAgreementPage,
});
