import type {
  ActivityListQuery,
  ActivityView,
  AgreementListQuery,
  AgreementSummary,
  EventView,
  ExportQuery,
} from "@conventio/domain";
import type { Kysely } from "kysely";
import { DateTime } from "luxon";
import type { DB } from "#db/schema.js";
import type { ActivityService } from "#modules/activities/activity.service.js";
import type { AgreementService } from "#modules/agreements/agreement.service.js";
import type { EventService } from "#modules/publication/event.service.js";
import { type ExportDefinition, groupBy, importColumns } from "./export-definition.js";
import { organisationLabel } from "./export-partners.js";
import { agreementExtras, organisationNames } from "./exports.repository.js";

type Names = Awaited<ReturnType<typeof organisationNames>>;
type Extras = Awaited<ReturnType<typeof agreementExtras>>;
interface AgreementExtra {
  rows: Extras["rows"];
  themes: Map<string, Extras["themes"]>;
  names: Names;
}

export const agreementColumns = importColumns<AgreementSummary, AgreementExtra>("agreements", {
  id: (a) => a.id,
  reference: (a) => a.reference,
  title: (a) => a.title,
  kind: (a) => a.kind,
  // The status as stored: "expiring" and "expired" are what the clock makes of an active agreement.
  status: (a, x) => x.rows.get(a.id)?.status ?? a.status,
  parties: (a, x) => a.parties.map((p) => organisationLabel(x.names, p.id) ?? p.id),
  signedOn: (a) => a.signedOn,
  startsOn: (a) => a.startsOn,
  endsOn: (a) => a.endsOn,
  language: (a, x) => x.rows.get(a.id)?.language,
  summary: (a, x) => x.rows.get(a.id)?.summary,
  themes: (a, x) => (x.themes.get(a.id) ?? []).map((t) => t.label),
  fields: (a, x) => JSON.parse(x.rows.get(a.id)?.fields ?? "[]") as string[],
  noticeMonths: (a, x) => x.rows.get(a.id)?.notice_months,
  tacitRenewal: (a, x) => x.rows.get(a.id)?.tacit_renewal === 1,
  visibility: (a) => a.visibility,
  terminatedOn: (a, x) => x.rows.get(a.id)?.terminated_on,
});

export function agreementExport(
  db: Kysely<DB>,
  agreements: Pick<AgreementService, "listAgreements">,
): ExportDefinition<AgreementListQuery, AgreementSummary> {
  return {
    sheet: "agreements",
    header: agreementColumns.header,
    page: (actor, query, lang, cursor, limit) => agreements.listAgreements(actor, { ...query, cursor, limit }, lang),
    async rows(items) {
      const [extras, names] = await Promise.all([
        agreementExtras(
          db,
          items.map((a) => a.id),
        ),
        organisationNames(db, [...new Set(items.flatMap((a) => a.parties.map((p) => p.id)))]),
      ]);
      const extra: AgreementExtra = {
        rows: extras.rows,
        themes: groupBy(extras.themes, (t) => t.agreement_id),
        names,
      };
      return items.map((a) => agreementColumns.row(a, extra));
    },
  };
}

export const activityColumns = importColumns<ActivityView, Names>("activities", {
  id: (a) => a.id,
  kind: (a) => a.kind,
  title: (a) => a.title,
  status: (a) => a.status,
  agreement: (a) => a.agreement?.reference,
  partners: (a, names) => a.partners.map((p) => organisationLabel(names, p.id) ?? p.id),
  academicYear: (a) => a.mobility?.academicYear,
  direction: (a) => a.mobility?.direction,
  level: (a) => a.mobility?.level,
  count: (a) => a.mobility?.count,
  participant: (a) => a.mobility?.participant?.id,
  startsOn: (a) => a.startsOn,
  endsOn: (a) => a.endsOn,
  place: (a) => a.place,
  description: (a) => a.description,
});

export function activityExport(
  db: Kysely<DB>,
  activities: Pick<ActivityService, "listActivities">,
): ExportDefinition<ActivityListQuery, ActivityView> {
  return {
    sheet: "activities",
    header: activityColumns.header,
    page: (actor, query, lang, cursor, limit) => activities.listActivities(actor, { ...query, cursor, limit }, lang),
    async rows(items) {
      const names = await organisationNames(db, [...new Set(items.flatMap((a) => a.partners.map((p) => p.id)))]);
      return items.map((a) => activityColumns.row(a, names));
    },
  };
}

/** An instant as the clock on the wall read it where the event takes place, as the import reads it back. */
export function wallTime(instant: string | null, timeZone: string): string | null {
  if (!instant) return null;
  const local = DateTime.fromISO(instant, { zone: timeZone });
  return local.isValid ? local.toFormat("yyyy-MM-dd'T'HH:mm") : instant;
}

export const eventColumns = importColumns<EventView, null>("events", {
  id: (e) => e.id,
  title: (e) => e.title,
  startsAt: (e) => wallTime(e.startsAt, e.timeZone),
  endsAt: (e) => wallTime(e.endsAt, e.timeZone),
  timeZone: (e) => e.timeZone,
  place: (e) => e.place,
  description: (e) => e.description,
  audiences: (e) => e.audiences,
  contactName: (e) => e.contactName,
  contactEmail: (e) => e.contactEmail,
  contactPhone: (e) => e.contactPhone,
  registrationUrl: (e) => e.registrationUrl,
  registrationDeadline: (e) => wallTime(e.registrationDeadline, e.timeZone),
  // The public reads no reference of an internal agreement: the view leaves it out for them.
  agreement: (e) => e.agreement?.reference,
  visibility: (e) => e.visibility,
});

export function eventExport(
  events: Pick<EventService, "listEvents">,
): ExportDefinition<ExportQuery<"events">, EventView> {
  return {
    sheet: "events",
    header: eventColumns.header,
    page: (actor, query, _lang, cursor, limit) => events.listEvents(actor, { ...query, cursor, limit }),
    rows: async (items) => items.map((e) => eventColumns.row(e, null)),
  };
}
