import { createRoute, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { OrganisationForm } from "../features/organisations/organisation-form";
import { PageHeader } from "../ui/page-header";
import { editorsOnly } from "./editors-only";
import { internalRoute } from "./internal";

function NewOrganisationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={t("organisations.new")} subtitle={t("organisations.form.newSubtitle")} />
      <OrganisationForm
        onSaved={(saved) =>
          void navigate({ to: "/organisations/$organisationId", params: { organisationId: saved.id } })
        }
        onCancel={() => void navigate({ to: "/organisations" })}
      />
    </>
  );
}

export const organisationNewRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: "/organisations/new",
  beforeLoad: editorsOnly,
  component: NewOrganisationPage,
});
