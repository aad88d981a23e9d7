import { Anchor, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { createRoute } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useFormatAudiences, useFormatEventTime } from "../features/events/event-format";
import { RecordPictures } from "../features/pictures/record-pictures";
import { api } from "../lib/api";
import { useCan } from "../lib/session";
import { Facts } from "../ui/facts";
import { AnchorLink, ButtonLink } from "../ui/links";
import { Loading } from "../ui/loading";
import { PageHeader } from "../ui/page-header";
import { ProblemAlert } from "../ui/problem-alert";
import { Section } from "../ui/section";
import { rootRoute } from "./root";

/**
 * One event, for whoever may see it: a public event for anyone (the iCal feeds link here),
 * an internal one for staff; editors get a way to change it.
 */
function EventPage() {
  const { t } = useTranslation();
  const formatTime = useFormatEventTime();
  const formatAudiences = useFormatAudiences();
  const canEdit = useCan("editor");
  const isStaff = useCan("viewer");
  const { eventId } = eventRoute.useParams();
  const query = useQuery({ queryKey: ["events", "detail", eventId], queryFn: () => api.events.get(eventId) });
  if (query.isError) return <ProblemAlert error={query.error} />;
  if (!query.data) return <Loading />;
  const e = query.data;
  const deadline = e.registrationDeadline
    ? formatTime({ startsAt: e.registrationDeadline, endsAt: null, timeZone: e.timeZone })
    : null;
  const registrationUrl = e.registrationUrl ? new URL(e.registrationUrl) : null;
  return (
    <Stack gap="lg">
      <PageHeader
        title={e.title}
        subtitle={formatTime(e)}
        actions={
          canEdit && (
            <ButtonLink to="/events/$eventId/edit" params={{ eventId: e.id }} variant="default">
              {t("common.edit")}
            </ButtonLink>
          )
        }
      />
      <Section title={t("events.details")}>
        <Facts
          items={[
            [t("events.fields.place"), e.place],
            [t("events.fields.audiences"), formatAudiences(e.audiences)],
            [
              t("events.fields.registrationUrl"),
              registrationUrl && (
                <Anchor href={registrationUrl.href}>{t("events.registerAt", { host: registrationUrl.host })}</Anchor>
              ),
            ],
            [t("events.fields.registrationDeadline"), deadline],
            [
              t("events.contact"),
              (e.contactName || e.contactEmail || e.contactPhone) && (
                <Stack gap={0}>
                  {e.contactName && <Text span>{e.contactName}</Text>}
                  {e.contactEmail && <Anchor href={`mailto:${e.contactEmail}`}>{e.contactEmail}</Anchor>}
                  {e.contactPhone && (
                    <Anchor href={`tel:${e.contactPhone.replace(/[^\d+]/g, "")}`}>{e.contactPhone}</Anchor>
                  )}
                </Stack>
              ),
            ],
            [
              t("events.fields.agreement"),
              e.agreement &&
                (isStaff ? (
                  <AnchorLink to="/agreements/$agreementId" params={{ agreementId: e.agreement.id }}>
                    {e.agreement.title}
                  </AnchorLink>
                ) : (
                  <AnchorLink to="/partnerships/$agreementId" params={{ agreementId: e.agreement.id }}>
                    {e.agreement.title}
                  </AnchorLink>
                )),
            ],
            [t("activities.fields.axis"), e.axis?.title],
          ]}
        />
        {e.description && (
          <Text mt="md" style={{ whiteSpace: "pre-line" }}>
            {e.description}
          </Text>
        )}
      </Section>
      <RecordPictures owner={{ kind: "event", id: e.id }} />
    </Stack>
  );
}

export const eventRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/events/$eventId",
  component: EventPage,
});
