import {
  ImportKind,
  ImportPreview,
  ImportProgress,
  type ImportRefusal,
  ImportReport,
  ImportRunInput,
  SaveMappingInput,
} from "@conventio/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams, problems } from "#http/common.js";
import { refuseControlCharacters } from "#http/edge-guard.js";
import { toProblem } from "#http/problem.js";
import { AppError, fieldError } from "#shared/app-error.js";
import type { ImportService } from "./import.service.js";

/** A refused apply: problem+json naming each cell at fault as rows.<row>.<column>, with the report. */
function refusal(report: ImportReport): ImportRefusal {
  const errors = report.errors.map((e) => ({
    ...fieldError(`rows.${e.row}.${e.column}`, e.key, e.params),
    message: e.message,
  }));
  const problem = toProblem(
    new AppError("validation_failed", "Rows with errors: {{count}}. Nothing was imported.", {
      errors,
      params: { count: report.counts.errors },
    }),
  );
  return { ...problem, report };
}

export function importRoutes(imports: ImportService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ["imports"];

    app.post(
      "/api/imports",
      {
        schema: {
          tags,
          summary:
            "Upload a CSV or XLSX sheet to import (multipart: field kind, then the file); answers what it holds and a mapping to confirm",
          consumes: ["multipart/form-data"],
          response: { 201: ImportPreview, ...problems },
        },
      },
      async (req, reply) => {
        if (!req.isMultipart()) throw new AppError("unsupported_media_type", "Send the file as multipart/form-data.");
        imports.prepareUpload(req.actor);
        const fields: Record<string, string> = {};
        for await (const part of req.parts({
          limits: { fileSize: imports.maxBytes, files: 1, fields: 5, fieldSize: 200 },
        })) {
          if (part.type === "field") {
            refuseControlCharacters(part.fieldname, String(part.value));
            fields[part.fieldname] = String(part.value);
            continue;
          }
          const kind = ImportKind.safeParse(fields.kind);
          if (!kind.success) {
            part.file.resume();
            throw AppError.field(
              "validation_failed",
              "kind",
              "Choose what the sheet holds: organisations, people, agreements, activities or events.",
            );
          }
          return reply.status(201).send(await imports.upload(req.actor, kind.data, part.filename, part.file));
        }
        throw AppError.field("validation_failed", "file", "Attach a file.");
      },
    );

    app.get(
      "/api/imports/:id",
      {
        schema: {
          tags,
          summary: "The preview of an uploaded sheet",
          params: IdParams,
          response: { 200: ImportPreview, ...problems },
        },
      },
      async (req) => imports.getPreview(req.actor, req.params.id),
    );

    app.put(
      "/api/imports/:id/mapping",
      {
        schema: {
          tags,
          summary: "Save the column mapping for this file layout; files with the same headers are offered it again",
          params: IdParams,
          body: SaveMappingInput,
          response: { 200: ImportPreview, ...problems },
        },
      },
      async (req) => imports.saveMapping(req.actor, req.params.id, req.body.mapping),
    );

    app.post(
      "/api/imports/:id/dry-run",
      {
        schema: {
          tags,
          summary: "What importing the sheet would create, update or leave, and every error; writes nothing",
          params: IdParams,
          body: ImportRunInput,
          response: { 200: ImportReport, ...problems },
        },
      },
      async (req) => imports.dryRun(req.actor, req.params.id, req.body.mapping),
    );

    app.post(
      "/api/imports/:id/apply",
      {
        schema: {
          tags,
          summary:
            "Import every row in one transaction; when any row has an error nothing is written (422 with the report)",
          params: IdParams,
          body: ImportRunInput,
          response: { 200: ImportReport, ...problems },
        },
      },
      async (req, reply) => {
        const report = await imports.apply(req.actor, req.params.id, req.body.mapping);
        if (report.applied) return reply.send(report);
        // Serialised whole: the route's Problem schema would drop the report that rides along.
        return reply.status(422).type("application/problem+json").serializer(JSON.stringify).send(refusal(report));
      },
    );

    app.get(
      "/api/imports/:id/progress",
      {
        schema: {
          tags,
          summary: "How far the running dry run or apply has got",
          params: IdParams,
          response: { 200: ImportProgress, ...problems },
        },
      },
      async (req) => imports.progress(req.actor, req.params.id),
    );
  };
}
