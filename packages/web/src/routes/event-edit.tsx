import { useQuery } from "@tanstack/react-query";
import { createRoute, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { EventForm } from "../features/events/event-form";
import { api } from "../lib/api";
import { Loading } from "../ui/loading";
import { PageHeader } from "../ui/page-header";
import { ProblemAlert } from "../ui/problem-alert";
import { internalRoute } from "./internal";

function NewEventPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const back = () => void navigate({ to: "/events", search: { view: "list" } });
  return (
    <>
      <PageHeader title={t("events.new")} />
      <EventForm onSaved={back} onCancel={back} />
    </>
  );
}

function EditEventPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { eventId } = eventEditRoute.useParams();
  const query = useQuery({ queryKey: ["events", "detail", eventId], queryFn: () => api.events.get(eventId) });
  if (query.isError) return <ProblemAlert error={query.error} />;
  if (!query.data) return <Loading />;
  const back = () => void navigate({ to: "/events", search: { view: "list" } });
  return (
    <>
      <PageHeader title={t("agreements.editTitle", { title: query.data.title })} />
      <EventForm initial={query.data} onSaved={back} onCancel={back} />
    </>
  );
}

export const eventNewRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: "/events/new",
  component: NewEventPage,
});

export const eventEditRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: "/events/$eventId/edit",
  component: EditEventPage,
});
