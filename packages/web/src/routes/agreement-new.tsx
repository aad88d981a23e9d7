import { createRoute, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { AgreementForm } from "../features/agreements/agreement-form";
import { PageHeader } from "../ui/page-header";
import { editorsOnly } from "./editors-only";
import { internalRoute } from "./internal";

function NewAgreementPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { past } = agreementNewRoute.useSearch();
  return (
    <>
      <PageHeader
        title={past ? t("agreements.past.title") : t("agreements.new")}
        subtitle={past ? t("agreements.past.explain") : t("agreements.form.newSubtitle")}
      />
      <AgreementForm
        key={past ? "past" : "new"}
        past={past === true}
        onSaved={(saved) => void navigate({ to: "/agreements/$agreementId", params: { agreementId: saved.id } })}
        onCancel={() => void navigate({ to: "/agreements" })}
      />
    </>
  );
}

export const agreementNewRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: "/agreements/new",
  beforeLoad: editorsOnly,
  /** `?past=true` records an agreement signed before, as it stands. */
  validateSearch: (search: Record<string, unknown>): { past?: boolean } =>
    search.past === true || search.past === "true" ? { past: true } : {},
  component: NewAgreementPage,
});
