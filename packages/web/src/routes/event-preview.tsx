import { Stack } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { createRoute } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { PreviewBanner } from "../features/portal/preview-banner";
import { PublicPageFrame } from "../features/portal/public-page-frame";
import { api } from "../lib/api";
import { ButtonLink } from "../ui/links";
import { Loading } from "../ui/loading";
import { ProblemAlert } from "../ui/problem-alert";
import { internalRoute } from "./internal";

/** An event's page exactly as an anonymous reader gets it, or would once the event is public. */
function EventPreviewPage() {
  const { t } = useTranslation();
  const { eventId } = eventPreviewRoute.useParams();
  const preview = useQuery({
    queryKey: ["events", "preview", eventId],
    queryFn: () => api.portal.eventPreview(eventId),
  });
  const staff = useQuery({ queryKey: ["events", "detail", eventId], queryFn: () => api.events.get(eventId) });
  if (preview.isError) return <ProblemAlert error={preview.error} />;
  if (staff.isError) return <ProblemAlert error={staff.error} />;
  if (!preview.data || !staff.data) return <Loading />;
  const published = preview.data.visibility === "public";
  const notes = [
    ...(staff.data.agreement && !preview.data.agreement ? [t("publicPreview.eventAgreementHidden")] : []),
    ...(published ? [] : [t("publicPreview.eventPictures")]),
  ];
  return (
    <Stack gap="md">
      <PreviewBanner
        published={published}
        statement={published ? t("publicPreview.eventPublic") : t("publicPreview.eventInternal")}
        notes={notes}
        back={
          <ButtonLink to="/events/$eventId" params={{ eventId }} variant="default" size="xs" mt="xs">
            {t("publicPreview.backToEvent")}
          </ButtonLink>
        }
      />
      <PublicPageFrame path={`/events/${eventId}`} title={t("portal.previewTitle")} />
    </Stack>
  );
}

export const eventPreviewRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: "/events/$eventId/preview",
  component: EventPreviewPage,
});
