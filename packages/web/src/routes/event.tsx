import { Stack } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { createRoute } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { EventDetails } from "../features/events/event-details";
import { api } from "../lib/api";
import { useCan } from "../lib/session";
import { Breadcrumbs } from "../ui/breadcrumbs";
import { ButtonLink } from "../ui/links";
import { PageSkeleton } from "../ui/loading";
import { ProblemAlert } from "../ui/problem-alert";
import { rootRoute } from "./root";

/**
 * One event, for whoever may see it: a public event for anyone (the iCal feeds link here),
 * an internal one for staff; staff may preview it as the public reads it, editors change it.
 */
function EventPage() {
  const { t } = useTranslation();
  const canEdit = useCan("editor");
  const isStaff = useCan("viewer");
  const { eventId } = eventRoute.useParams();
  const query = useQuery({ queryKey: ["events", "detail", eventId], queryFn: () => api.events.get(eventId) });
  if (query.isError) return <ProblemAlert error={query.error} />;
  if (!query.data) return <PageSkeleton />;
  const e = query.data;
  return (
    <Stack gap="xs">
      {isStaff && <Breadcrumbs trail={[{ label: t("nav.events"), to: "/events" }]} current={e.title} />}
      <EventDetails
        event={e}
        actions={
          isStaff && (
            <>
              <ButtonLink to="/events/$eventId/preview" params={{ eventId: e.id }} variant="default">
                {t("portal.preview")}
              </ButtonLink>
              {canEdit && (
                <ButtonLink to="/events/$eventId/edit" params={{ eventId: e.id }} variant="default">
                  {t("common.edit")}
                </ButtonLink>
              )}
            </>
          )
        }
      />
    </Stack>
  );
}

export const eventRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/events/$eventId",
  component: EventPage,
});
