import type { OrganisationDetail } from "@conventio/domain";
import { SimpleGrid, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { useFormatPeriod } from "../../lib/format";
import { AnchorLink, ButtonLink } from "../../ui/links";
import { Loading } from "../../ui/loading";
import { ProblemAlert } from "../../ui/problem-alert";
import { Section } from "../../ui/section";
import { StatusBadge } from "../agreements/agreement-labels";
import { useFormatEventTime } from "../events/event-format";
import { Shown } from "../portal/shown";

/** How many of each kind of record an organisation's page lists before linking to the full list. */
export const SHORT_LIST = 5;

/** A few records, or a word that there are none, and a link to the full list when there are more. */
function ShortList<T extends { id: string }>({
  title,
  actions,
  query,
  empty,
  more,
  item,
}: {
  title: string;
  actions?: ReactNode;
  query: { isError: boolean; error: unknown; data?: { items: T[]; nextCursor: string | null } | undefined };
  empty: string;
  more: ReactNode;
  item: (record: T) => ReactNode;
}) {
  const items = query.data?.items ?? [];
  return (
    <Section title={title} actions={actions}>
      {query.isError ? (
        <ProblemAlert error={query.error} />
      ) : !query.data ? (
        <Loading />
      ) : items.length === 0 ? (
        <Text c="dimmed">{empty}</Text>
      ) : (
        <Stack gap="xs">
          <Stack gap={4} component="ul" className="plain-list">
            {items.slice(0, SHORT_LIST).map((r) => (
              <li key={r.id}>{item(r)}</li>
            ))}
          </Stack>
          {(items.length > SHORT_LIST || query.data.nextCursor !== null) && more}
        </Stack>
      )}
    </Section>
  );
}

/** The agreements, activities and coming events an organisation takes part in, and its people. */
export function OrganisationRecords({
  organisation: o,
  canEdit,
}: {
  organisation: OrganisationDetail;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const period = useFormatPeriod();
  const eventTime = useFormatEventTime();
  const agreements = useQuery({
    queryKey: ["agreements", "list", { partner: o.id }, SHORT_LIST],
    queryFn: () => api.agreements.list({ partner: o.id, limit: SHORT_LIST }),
  });
  const activities = useQuery({
    queryKey: ["activities", "list", { partner: o.id }, SHORT_LIST],
    queryFn: () => api.activities.list({ partner: o.id, limit: SHORT_LIST }),
  });
  const from = new Date(new Date().setHours(0, 0, 0, 0)).toISOString();
  const events = useQuery({
    queryKey: ["events", "partner", o.id, SHORT_LIST],
    queryFn: () => api.events.list({ partner: o.id, from, limit: SHORT_LIST }),
  });
  const people = { isError: false, error: null, data: { items: o.people, nextCursor: null } };
  const personItem = (p: OrganisationDetail["people"][number]) => (
    <>
      <AnchorLink to="/people/$personId" params={{ personId: p.id }}>
        {p.name}
      </AnchorLink>
      {p.title && (
        <Text span size="sm" c="dimmed">
          {" "}
          · {p.title}
        </Text>
      )}
    </>
  );
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <ShortList
        title={t("organisations.records.agreements")}
        query={agreements}
        empty={t("organisations.records.noAgreements")}
        more={
          <AnchorLink to="/agreements" search={{ partner: o.id }} size="sm">
            {t("organisations.records.allAgreements")}
          </AnchorLink>
        }
        item={(a) => (
          <>
            <AnchorLink to="/agreements/$agreementId" params={{ agreementId: a.id }}>
              {a.reference} · <Shown value={a.shown} />
            </AnchorLink>{" "}
            <StatusBadge status={a.status} />
          </>
        )}
      />
      <ShortList
        title={t("organisations.records.activities")}
        query={activities}
        empty={t("organisations.records.noActivities")}
        more={
          <AnchorLink to="/activities" search={{ partner: o.id }} size="sm">
            {t("organisations.records.allActivities")}
          </AnchorLink>
        }
        item={(a) => (
          <>
            <AnchorLink to="/activities/$activityId" params={{ activityId: a.id }}>
              {a.title}
            </AnchorLink>{" "}
            <Text span size="sm" c="dimmed">
              {period(a.startsOn, a.endsOn)}
            </Text>
          </>
        )}
      />
      <ShortList
        title={t("organisations.records.events")}
        query={events}
        empty={t("organisations.records.noEvents")}
        more={
          <AnchorLink to="/events" search={{ view: "list", partner: o.id }} size="sm">
            {t("organisations.records.allEvents")}
          </AnchorLink>
        }
        item={(e) => (
          <>
            <AnchorLink to="/events/$eventId" params={{ eventId: e.id }}>
              {e.title}
            </AnchorLink>{" "}
            <Text span size="sm" c="dimmed">
              {eventTime(e)}
            </Text>
          </>
        )}
      />
      <ShortList
        title={t("organisations.detail.people")}
        actions={
          canEdit && (
            <ButtonLink to="/people/new" search={{ organisation: o.id }} variant="default" size="xs">
              {t("people.new")}
            </ButtonLink>
          )
        }
        query={people}
        empty={t("organisations.detail.noPeople")}
        more={
          // The people list has no filter by organisation: the others unfold here.
          <details>
            <summary>{t("organisations.records.allPeople", { count: o.people.length })}</summary>
            <Stack gap={4} component="ul" className="plain-list" mt={4}>
              {o.people.slice(SHORT_LIST).map((p) => (
                <li key={p.id}>{personItem(p)}</li>
              ))}
            </Stack>
          </details>
        }
        item={personItem}
      />
    </SimpleGrid>
  );
}
