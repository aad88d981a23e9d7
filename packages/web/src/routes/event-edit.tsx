import type { EventView } from "@conventio/domain";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { createRoute, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { EventForm } from "../features/events/event-form";
import { api } from "../lib/api";
import { DeleteButton } from "../ui/delete-button";
import { Loading } from "../ui/loading";
import { PageHeader } from "../ui/page-header";
import { ProblemAlert } from "../ui/problem-alert";
import { editorsOnly } from "./editors-only";
import { internalRoute } from "./internal";

function NewEventPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const back = () => void navigate({ to: "/events", search: { view: "list" } });
  // The new event opens on its own page: the list opens on coming events and might not show it.
  const open = (saved: EventView) => void navigate({ to: "/events/$eventId", params: { eventId: saved.id } });
  return (
    <>
      <PageHeader title={t("events.new")} />
      <EventForm onSaved={open} onCancel={back} />
    </>
  );
}

function EditEventPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { eventId } = eventEditRoute.useParams();
  const query = useQuery({ queryKey: ["events", "detail", eventId], queryFn: () => api.events.get(eventId) });
  if (query.isError) return <ProblemAlert error={query.error} />;
  if (!query.data) return <Loading />;
  const back = () => void navigate({ to: "/events", search: { view: "list" } });
  return (
    <>
      <PageHeader
        title={t("agreements.editTitle", { title: query.data.title })}
        actions={
          <DeleteButton
            title={t("events.deleteTitle", { title: query.data.title })}
            body={t("events.deleteBody")}
            onDelete={() => api.events.delete(eventId)}
            onDeleted={() => {
              void queryClient.invalidateQueries({ queryKey: ["events"] });
              back();
            }}
          />
        }
      />
      <EventForm initial={query.data} onSaved={back} onCancel={back} />
    </>
  );
}

export const eventNewRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: "/events/new",
  beforeLoad: editorsOnly,
  component: NewEventPage,
});

export const eventEditRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: "/events/$eventId/edit",
  beforeLoad: editorsOnly,
  component: EditEventPage,
});
