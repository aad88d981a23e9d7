import { useQuery } from "@tanstack/react-query";
import { createRoute, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { organisationQuery } from "../features/organisations/organisation-queries";
import { PersonForm } from "../features/people/person-form";
import { Loading } from "../ui/loading";
import { PageHeader } from "../ui/page-header";
import { editorsOnly } from "./editors-only";
import { internalRoute } from "./internal";

function NewPersonPage() {
  const { t } = useTranslation();
  const { organisation: organisationId } = personNewRoute.useSearch();
  const navigate = useNavigate();
  const organisation = useQuery({ ...organisationQuery(organisationId ?? ""), enabled: Boolean(organisationId) });
  if (organisationId && organisation.isPending) return <Loading />;
  const preset = organisation.data
    ? {
        id: organisation.data.id,
        name: organisation.data.name,
        shown: organisation.data.shown,
        kind: organisation.data.kind,
      }
    : null;
  return (
    <>
      <PageHeader title={t("people.new")} />
      <PersonForm
        organisation={preset}
        onSaved={(person) => void navigate({ to: "/people/$personId", params: { personId: person.id } })}
        onCancel={() => void navigate({ to: "/people" })}
      />
    </>
  );
}

export const personNewRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: "/people/new",
  beforeLoad: editorsOnly,
  validateSearch: (search: Record<string, unknown>): { organisation?: string } =>
    typeof search.organisation === "string" && search.organisation ? { organisation: search.organisation } : {},
  component: NewPersonPage,
});
