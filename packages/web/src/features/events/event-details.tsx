import type { EventView } from "@conventio/domain";
import { Anchor, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useCan } from "../../lib/session";
import { Facts } from "../../ui/facts";
import { AnchorLink } from "../../ui/links";
import { PageHeader } from "../../ui/page-header";
import { Section } from "../../ui/section";
import { PublicPictures } from "../pictures/public-pictures";
import { RecordPictures } from "../pictures/record-pictures";
import { Shown } from "../portal/shown";
import { useFormatAudiences, useFormatEventTime } from "./event-format";

/**
 * An event's page. `asPublic` renders it as an anonymous reader gets it whoever is signed in:
 * the public partnership page for its agreement and only the pictures the public sees.
 */
export function EventDetails({
  event: e,
  actions,
  asPublic = false,
}: {
  event: EventView;
  actions?: ReactNode;
  asPublic?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? "en";
  const formatTime = useFormatEventTime();
  const formatAudiences = useFormatAudiences();
  const isStaff = useCan("viewer") && !asPublic;
  const deadline = e.registrationDeadline
    ? formatTime({ startsAt: e.registrationDeadline, endsAt: null, timeZone: e.timeZone })
    : null;
  const registrationUrl = e.registrationUrl ? new URL(e.registrationUrl) : null;
  return (
    <Stack gap="lg">
      <PageHeader title={e.title} subtitle={formatTime(e)} actions={actions} />
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
                    <Shown value={{ text: e.agreement.title, lang: e.agreement.lang }} />
                  </AnchorLink>
                ) : (
                  <Anchor href={`/${language.slice(0, 2)}/partnerships/${e.agreement.id}`}>
                    <Shown value={{ text: e.agreement.title, lang: e.agreement.lang }} />
                  </Anchor>
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
      {asPublic ? (
        <PublicPictures owner={{ kind: "event", id: e.id }} />
      ) : (
        <RecordPictures owner={{ kind: "event", id: e.id }} />
      )}
    </Stack>
  );
}
