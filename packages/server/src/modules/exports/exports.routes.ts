import { EXPORT_FORMATS, EXPORT_KINDS, EXPORT_MEDIA_TYPES, EXPORT_QUERIES, type ExportKind } from "@conventio/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { CONTENT_DISPOSITION, fileResponse, problems } from "#http/common.js";
import type { ExportService } from "./exports.service.js";

/** Each export sits in the OpenAPI document beside the list it comes from. */
const TAG: Record<ExportKind, string> = {
  organisations: "organisations",
  people: "people",
  agreements: "agreements",
  activities: "activities",
  events: "publication",
  audit: "audit",
};

const LABEL: Record<ExportKind, string> = {
  organisations: "organisations",
  people: "people",
  agreements: "agreements",
  activities: "activities",
  events: "events",
  audit: "the audit log",
};

const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * GET /api/exports/{kind}.csv and .xlsx: one route per list and format, so each documents its
 * own filters (the list's) and media type. An unknown kind finds no route: 404.
 */
export function exportRoutes(exports: ExportService): FastifyPluginAsyncZod {
  return async (app) => {
    for (const kind of EXPORT_KINDS) {
      for (const format of EXPORT_FORMATS) {
        const described = `${capitalised(LABEL[kind])} as ${format === "csv" ? "CSV (UTF-8)" : "an Excel workbook"}, with the list's filters`;
        app.get(
          `/api/exports/${kind}.${format}`,
          {
            schema: {
              tags: [TAG[kind]],
              operationId: `export${capitalised(kind)}${capitalised(format)}`,
              summary: described,
              description:
                "Every row the list's filters select, streamed as it is read. Cells that a spreadsheet would run as a formula start with an apostrophe.",
              querystring: EXPORT_QUERIES[kind],
              // Visitors may export the published events, as they may list them.
              ...(kind === "events" ? { security: [{}, { session: [] }] } : {}),
              response: {
                200: fileResponse(described, [EXPORT_MEDIA_TYPES[format]], CONTENT_DISPOSITION),
                ...problems,
              },
            },
          },
          async (req, reply) => {
            const opened = await exports.openExport(req.actor, kind, format, req.query as never, req.readerLang);
            return reply
              .type(format === "csv" ? `${opened.mediaType}; charset=utf-8` : opened.mediaType)
              .header("content-disposition", `attachment; filename="${opened.fileName}"`)
              .header("cache-control", "private, no-store")
              .send(opened.stream);
          },
        );
      }
    }
  };
}
