import { useQuery } from "@tanstack/react-query";
import { createRoute, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { OrganisationForm } from "../features/organisations/organisation-form";
import { organisationQuery } from "../features/organisations/organisation-queries";
import { Loading } from "../ui/loading";
import { PageHeader } from "../ui/page-header";
import { ProblemAlert } from "../ui/problem-alert";
import { editorsOnly } from "./editors-only";
import { internalRoute } from "./internal";

function EditOrganisationPage() {
  const { t } = useTranslation();
  const { organisationId } = organisationEditRoute.useParams();
  const navigate = useNavigate();
  const query = useQuery(organisationQuery(organisationId));
  const back = () => void navigate({ to: "/organisations/$organisationId", params: { organisationId } });
  if (query.isError) return <ProblemAlert error={query.error} />;
  if (!query.data) return <Loading />;
  return (
    <>
      <PageHeader title={t("organisations.editTitle", { name: query.data.name })} />
      <OrganisationForm initial={query.data} onSaved={back} onCancel={back} />
    </>
  );
}

export const organisationEditRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: "/organisations/$organisationId/edit",
  beforeLoad: editorsOnly,
  component: EditOrganisationPage,
});
