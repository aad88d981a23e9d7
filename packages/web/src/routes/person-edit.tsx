import { useQuery } from "@tanstack/react-query";
import { createRoute, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { PersonForm } from "../features/people/person-form";
import { personQuery } from "../features/people/person-queries";
import { Loading } from "../ui/loading";
import { PageHeader } from "../ui/page-header";
import { ProblemAlert } from "../ui/problem-alert";
import { editorsOnly } from "./editors-only";
import { internalRoute } from "./internal";

function EditPersonPage() {
  const { t } = useTranslation();
  const { personId } = personEditRoute.useParams();
  const navigate = useNavigate();
  const query = useQuery(personQuery(personId));
  const back = () => void navigate({ to: "/people/$personId", params: { personId } });
  if (query.isError) return <ProblemAlert error={query.error} />;
  if (!query.data) return <Loading />;
  return (
    <>
      <PageHeader title={t("people.editTitle", { name: `${query.data.givenName} ${query.data.familyName}` })} />
      <PersonForm initial={query.data} onSaved={back} onCancel={back} />
    </>
  );
}

export const personEditRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: "/people/$personId/edit",
  beforeLoad: editorsOnly,
  component: EditPersonPage,
});
