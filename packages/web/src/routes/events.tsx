import type { EventView } from "@conventio/domain";
import {
  Anchor,
  Badge,
  Box,
  Button,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { createRoute, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useFormatAudiences, useFormatEventTime } from "../features/events/event-format";
import { PartnerFilter } from "../features/organisations/partner-filter";
import { api } from "../lib/api";
import { useLanguage } from "../lib/countries";
import { useCan } from "../lib/session";
import { dayIn } from "../lib/time-zone";
import { useKeysetList } from "../lib/use-keyset-list";
import { ExportMenu } from "../ui/export-menu";
import { AnchorLink, ButtonLink } from "../ui/links";
import { LoadMore } from "../ui/load-more";
import { TableSkeleton } from "../ui/loading";
import { PageHeader } from "../ui/page-header";
import { ProblemAlert } from "../ui/problem-alert";
import { ScrollTable } from "../ui/scroll-table";
import { TableHead } from "../ui/table-head";
import { internalRoute } from "./internal";

/** The month grid, the coming events (soonest first) or the past ones (latest first). */
type View = "month" | "list" | "past";
type Search = { view?: View; month?: string; partner?: string };

function monthStart(month: string): Date {
  return new Date(`${month}-01T00:00:00Z`);
}
function shiftMonth(month: string, by: number): string {
  const d = monthStart(month);
  d.setUTCMonth(d.getUTCMonth() + by);
  return d.toISOString().slice(0, 7);
}

/** Today in the reader's calendar, as YYYY-MM-DD. */
function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

function TodayBadge() {
  const { t } = useTranslation();
  return (
    <Badge size="xs" variant="filled" color="blue.9" tt="none" ms={4}>
      {t("events.today")}
    </Badge>
  );
}

function MonthGrid({ month, events }: { month: string; events: readonly EventView[] }) {
  const language = useLanguage();
  const today = localToday();
  const first = monthStart(month);
  const offset = (first.getUTCDay() + 6) % 7;
  const start = new Date(first.getTime() - offset * 86_400_000);
  const days = Array.from({ length: 42 }, (_, i) => new Date(start.getTime() + i * 86_400_000));
  const weekday = new Intl.DateTimeFormat(language, { weekday: "short", timeZone: "UTC" });
  const dayName = new Intl.DateTimeFormat(language, { dateStyle: "full", timeZone: "UTC" });
  return (
    <table className="month-grid">
      <thead>
        <tr>
          {days.slice(0, 7).map((d) => (
            <th key={d.toISOString()} scope="col" className="weekday">
              {weekday.format(d)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {[0, 1, 2, 3, 4, 5].map((week) => (
          <tr key={week}>
            {days.slice(week * 7, week * 7 + 7).map((d) => {
              const iso = d.toISOString().slice(0, 10);
              const those = events.filter((e) => dayIn(e.startsAt, e.timeZone) === iso);
              return (
                <td
                  key={iso}
                  className={`day${iso.slice(0, 7) === month ? "" : " outside"}${iso === today ? " today" : ""}`}
                  aria-current={iso === today ? "date" : undefined}
                >
                  <span aria-hidden="true">{d.getUTCDate()}</span>
                  <VisuallyHidden>{dayName.format(d)}</VisuallyHidden>
                  {iso === today && <TodayBadge />}
                  {those.map((e) => (
                    <AnchorLink key={e.id} to="/events/$eventId" params={{ eventId: e.id }} size="xs" display="block">
                      {e.title}
                    </AnchorLink>
                  ))}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function EventsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const formatTime = useFormatEventTime();
  const formatAudiences = useFormatAudiences();
  const canEdit = useCan("editor");
  const navigate = useNavigate({ from: "/events" });
  const search = eventsRoute.useSearch();
  // The page opens on what is coming (a link to a month opens its grid); the month grid is one click away.
  const view = search.view ?? (search.month ? "month" : "list");
  const month = search.month ?? new Date().toISOString().slice(0, 7);
  // The month grid reads its month with a week either side; the lists read from the start of today
  // onwards, or back from it, a page at a time.
  const startOfToday = new Date(new Date().setHours(0, 0, 0, 0)).toISOString();
  const period =
    view === "month"
      ? {
          from: new Date(monthStart(month).getTime() - 7 * 86_400_000).toISOString(),
          to: new Date(monthStart(shiftMonth(month, 1)).getTime() + 7 * 86_400_000).toISOString(),
        }
      : view === "past"
        ? { endsBefore: startOfToday, order: "desc" as const }
        : { from: startOfToday };
  // From an organisation's page: only the events of its agreements.
  const range = search.partner ? { ...period, partner: search.partner } : period;
  const query = useKeysetList(
    ["events", view, view === "month" ? month : null, search.partner ?? null],
    (cursor) => api.events.list(range, cursor),
    { keepPrevious: false },
  );
  const events = query.items;
  const today = localToday();
  const monthName = new Intl.DateTimeFormat(language, { month: "long", year: "numeric", timeZone: "UTC" }).format(
    monthStart(month),
  );
  return (
    <>
      <PageHeader
        title={t("events.title")}
        subtitle={t("events.subtitle")}
        actions={
          <>
            <Anchor href="/api/public/calendar.ics">{t("events.ical")}</Anchor>
            <ExportMenu kind="events" filters={range} />
            {canEdit && <ButtonLink to="/events/new">{t("events.new")}</ButtonLink>}
          </>
        }
      />
      <Group justify="space-between" mb="md">
        <SegmentedControl
          aria-label={t("events.view")}
          value={view}
          onChange={(v) => void navigate({ search: { ...search, view: v as View } })}
          data={[
            { value: "month", label: t("events.month") },
            { value: "list", label: t("events.list") },
            { value: "past", label: t("events.past") },
          ]}
        />
        {view === "month" && (
          <Group gap="xs">
            <Button
              variant="default"
              size="xs"
              onClick={() => void navigate({ search: { ...search, month: shiftMonth(month, -1) } })}
            >
              {t("events.previous")}
            </Button>
            <Title order={2} size="h4" aria-live="polite">
              {monthName}
            </Title>
            <Button
              variant="default"
              size="xs"
              onClick={() => void navigate({ search: { ...search, month: shiftMonth(month, 1) } })}
            >
              {t("events.next")}
            </Button>
          </Group>
        )}
      </Group>
      <Box component="search" maw={360} mb="md">
        <PartnerFilter
          label={t("agreements.filters.partner")}
          value={search.partner}
          onChange={(partner) => void navigate({ search: { ...search, partner: partner || undefined }, replace: true })}
        />
      </Box>
      {query.isError && <ProblemAlert error={query.error} />}
      {query.isPending ? (
        <TableSkeleton />
      ) : view === "month" ? (
        <MonthGrid month={month} events={events} />
      ) : events.length === 0 ? (
        <Text c="dimmed">{view === "past" ? t("events.nonePast") : t("events.none")}</Text>
      ) : (
        <ScrollTable minWidth={640} label={t("events.title")}>
          <Table striped verticalSpacing="xs">
            <TableHead
              columns={[
                t("events.fields.title"),
                t("events.fields.startsAt"),
                t("events.fields.place"),
                t("events.fields.audiences"),
                t("events.fields.agreement"),
              ]}
            />
            <Table.Tbody>
              {events.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>
                    <Stack gap={0}>
                      {canEdit ? (
                        <AnchorLink to="/events/$eventId" params={{ eventId: e.id }} fw={500}>
                          {e.title}
                        </AnchorLink>
                      ) : (
                        <Text fw={500}>{e.title}</Text>
                      )}
                      {e.visibility === "internal" && (
                        <Badge size="xs" variant="outline" color="gray">
                          {t("visibility.internal")}
                        </Badge>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    {formatTime(e)}
                    {dayIn(e.startsAt, e.timeZone) <= today && dayIn(e.endsAt ?? e.startsAt, e.timeZone) >= today && (
                      <TodayBadge />
                    )}
                  </Table.Td>
                  <Table.Td>{e.place}</Table.Td>
                  <Table.Td>{formatAudiences(e.audiences)}</Table.Td>
                  <Table.Td>
                    {e.agreement?.reference}
                    {e.axis && ` · ${e.axis.title}`}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      <LoadMore list={query} />
    </>
  );
}

export const eventsRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: "/events",
  validateSearch: (search: Record<string, unknown>): Search => ({
    ...(search.view === "list" || search.view === "month" || search.view === "past" ? { view: search.view } : {}),
    ...(typeof search.month === "string" && /^\d{4}-\d{2}$/.test(search.month) ? { month: search.month } : {}),
    ...(typeof search.partner === "string" && search.partner ? { partner: search.partner } : {}),
  }),
  component: EventsPage,
});
