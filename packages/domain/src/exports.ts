import { z } from "zod";
import { ActivityListQuery } from "./activity.js";
import { AgreementListQuery } from "./agreement.js";
import { EventListQuery } from "./event.js";
import { OrganisationListQuery } from "./organisation.js";
import { PersonListQuery } from "./person.js";

export * from "./formula-safety.js";

/** The lists that can be taken away as a spreadsheet. */
export const EXPORT_KINDS = ["organisations", "people", "agreements", "activities", "events", "audit"] as const;
export const ExportKind = z.enum(EXPORT_KINDS);
export type ExportKind = z.infer<typeof ExportKind>;

export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export const ExportFormat = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** The media type each format is sent as. */
export const EXPORT_MEDIA_TYPES: Readonly<Record<ExportFormat, string>> = {
  csv: "text/csv",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** Several values in one cell (the parties of an agreement, the languages of a person) are joined with this. */
export const MULTI_VALUE_SEPARATOR = "; ";

/** The audit log's filters, as its list takes them. */
export const AuditListQuery = z.object({
  entity: z.string().max(40).optional().describe("Only events of this kind of record (agreement, organisation…)"),
  entityId: z.string().max(64).optional().describe("Only events of this record"),
});
export type AuditListQuery = z.infer<typeof AuditListQuery>;

/**
 * The filters of each export: exactly those of the list it comes from, without the paging (an
 * export holds every row the filters select).
 */
export const EXPORT_QUERIES = {
  organisations: OrganisationListQuery,
  people: PersonListQuery,
  agreements: AgreementListQuery,
  activities: ActivityListQuery,
  events: EventListQuery.omit({ limit: true, cursor: true }),
  audit: AuditListQuery,
} as const satisfies Record<ExportKind, z.ZodObject>;
export type ExportQuery<K extends ExportKind> = z.output<(typeof EXPORT_QUERIES)[K]>;

/** The name a download is saved under: the list and the day it was taken, e.g. conventio-agreements-2026-03-02.csv. */
export function exportFileName(kind: ExportKind, format: ExportFormat, day: string): string {
  return `conventio-${kind}-${day}.${format}`;
}

/**
 * The address of an export with the list's current filters; empty filters are left out, so the
 * link selects the same rows as the list on screen.
 */
export function exportUrl(
  kind: ExportKind,
  format: ExportFormat,
  filters: Readonly<Record<string, string | number | boolean | null | undefined>> = {},
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return `/api/exports/${kind}.${format}${search ? `?${search}` : ""}`;
}
