import type { AuditEventView, AuditListQuery } from "@conventio/domain";
import type { AuditService } from "#modules/audit/audit.service.js";
import type { ExportDefinition } from "./export-definition.js";
import type { CellValue } from "./spreadsheet-writers.js";

/** The audit log's own columns: nothing imports it back. */
export const AUDIT_HEADER = ["when", "who", "action", "record", "recordId", "fieldsChanged"] as const;

function auditRow(e: AuditEventView): CellValue[] {
  return [e.at, e.actor?.name ?? null, e.action, e.entity, e.entityId, Object.keys(e.changes)];
}

/** Newest first, as the log reads; only administrators get past the first page. */
export function auditExport(audit: Pick<AuditService, "listEvents">): ExportDefinition<AuditListQuery, AuditEventView> {
  return {
    sheet: "audit",
    header: AUDIT_HEADER,
    page: (actor, query, _lang, cursor, limit) => audit.listEvents(actor, { ...query, cursor, limit }),
    rows: async (items) => items.map(auditRow),
  };
}
