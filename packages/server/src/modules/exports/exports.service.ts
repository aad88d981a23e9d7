import type { Readable } from "node:stream";
import {
  type Actor,
  EXPORT_MEDIA_TYPES,
  type ExportFormat,
  type ExportKind,
  type ExportQuery,
  exportFileName,
  type Page,
  type UiLanguage,
} from "@conventio/domain";
import type { Deps } from "#shared/deps.js";
import type { ActivityService } from "#modules/activities/activity.service.js";
import type { AgreementService } from "#modules/agreements/agreement.service.js";
import type { AuditService } from "#modules/audit/audit.service.js";
import type { OrganisationService } from "#modules/organisations/organisation.service.js";
import type { PersonService } from "#modules/people/person.service.js";
import type { EventService } from "#modules/publication/event.service.js";
import { activityExport, agreementExport, eventExport } from "./export-agreements.js";
import { auditExport } from "./export-audit.js";
import type { ExportDefinition } from "./export-definition.js";
import { organisationExport, personExport } from "./export-partners.js";
import { exportPolicy } from "./exports.policy.js";
import { type Cell, csvStream, toCell, xlsxStream } from "./spreadsheet-writers.js";

/** Rows read from the list at a time: large enough to keep round trips few, small enough to keep memory flat. */
export const EXPORT_PAGE_SIZE = 500;

/** The list services the exports read through, each asked only for its list. */
interface ListServices {
  organisations: Pick<OrganisationService, "listOrganisations">;
  people: Pick<PersonService, "listPeople">;
  agreements: Pick<AgreementService, "listAgreements">;
  activities: Pick<ActivityService, "listActivities">;
  events: Pick<EventService, "listEvents">;
  audit: Pick<AuditService, "listEvents">;
}

// biome-ignore lint/suspicious/noExplicitAny: each kind's item type is its own; the row cells are what they share.
type Definitions = { [K in ExportKind]: ExportDefinition<ExportQuery<K>, any> };

export interface OpenedExport {
  stream: Readable;
  fileName: string;
  mediaType: string;
}

/** Every list as a spreadsheet, written as it is read: the list's filters, policy and visibility. */
export function createExportService(deps: Pick<Deps, "db" | "clock">, lists: ListServices) {
  const { db } = deps;
  const definitions: Definitions = {
    organisations: organisationExport(db, lists.organisations),
    people: personExport(db, lists.people),
    agreements: agreementExport(db, lists.agreements),
    activities: activityExport(db, lists.activities),
    events: eventExport(lists.events),
    audit: auditExport(lists.audit),
  };

  return {
    /** The header of each kind's sheet. */
    headerOf: (kind: ExportKind): readonly string[] => definitions[kind].header,

    /**
     * Opens an export. The caller's right and the first page are checked before anything is
     * returned, so a refusal is an error the caller can report; the rest is read as the stream is,
     * and `onProgress` hears how many rows have gone out after each page.
     */
    async openExport<K extends ExportKind>(
      actor: Actor,
      kind: K,
      format: ExportFormat,
      query: ExportQuery<K>,
      lang: UiLanguage = "en",
      onProgress?: (rows: number) => void,
    ): Promise<OpenedExport> {
      exportPolicy.read(actor, kind);
      const definition = definitions[kind] as Definitions[K];
      const first = await definition.page(actor, query, lang, undefined, EXPORT_PAGE_SIZE);
      const rows = rowsOf(
        definition,
        first,
        (cursor) => definition.page(actor, query, lang, cursor, EXPORT_PAGE_SIZE),
        onProgress,
      );
      const day = deps.clock.now().toISOString().slice(0, 10);
      return {
        stream:
          format === "csv" ? csvStream(definition.header, rows) : xlsxStream(definition.sheet, definition.header, rows),
        fileName: exportFileName(kind, format, day),
        mediaType: EXPORT_MEDIA_TYPES[format],
      };
    },
  };
}
export type ExportService = ReturnType<typeof createExportService>;

/** Walks the list's keyset pages from the first, one page of rows at a time, telling how many are out. */
async function* rowsOf<Item>(
  definition: ExportDefinition<unknown, Item>,
  first: Page<Item>,
  next: (cursor: string) => Promise<Page<Item>>,
  onProgress?: (rows: number) => void,
): AsyncGenerator<Cell[]> {
  let page = first;
  let written = 0;
  for (;;) {
    for (const row of await definition.rows(page.items)) yield row.map(toCell);
    written += page.items.length;
    onProgress?.(written);
    if (!page.nextCursor) return;
    page = await next(page.nextCursor);
  }
}
