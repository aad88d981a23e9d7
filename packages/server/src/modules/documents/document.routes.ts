import { DocumentList, DocumentView, UploadDocumentFields } from "@conventio/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { CONTENT_DISPOSITION, fileResponse, IdParams, problems } from "#http/common.js";
import { refuseControlCharacters } from "#http/edge-guard.js";
import { AppError } from "#shared/app-error.js";
import type { DocumentService, UploadMeta } from "./document.service.js";
import { DOCUMENT_ENTITIES, type DocumentEntity } from "./document.table.js";

/** The stored file goes back with the media type its content was recognised as when it was uploaded. */
const documentFile = fileResponse(
  "The file as stored, sent with the media type recognised from its content at upload (PDF, office documents, images, archives…)",
  ["application/octet-stream"],
  CONTENT_DISPOSITION,
);

const PATHS: Record<DocumentEntity, { base: string; label: string }> = {
  agreement: { base: "/api/agreements/:id/documents", label: "an agreement" },
  activity: { base: "/api/activities/:id/documents", label: "an activity" },
};

/** The same document routes under each record that takes attachments. */
export function documentRoutes(documents: DocumentService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ["documents"];
    for (const entity of DOCUMENT_ENTITIES) {
      const { base, label } = PATHS[entity];
      app.get(
        base,
        {
          schema: {
            tags,
            summary: `Documents of ${label}, every version, newest first`,
            params: IdParams,
            response: { 200: DocumentList, ...problems },
          },
        },
        async (req) => ({ items: await documents.listDocuments(req.actor, entity, req.params.id) }),
      );

      app.post(
        base,
        {
          schema: {
            tags,
            summary: `Upload a file to ${label} (multipart: fields kind, title, replaces, then the file)`,
            consumes: ["multipart/form-data"],
            params: IdParams,
            response: { 201: DocumentView, ...problems },
          },
        },
        async (req, reply) => {
          if (!req.isMultipart()) throw new AppError("unsupported_media_type", "Send the file as multipart/form-data.");
          await documents.prepareUpload(req.actor, entity, req.params.id);
          const fields: Record<string, string> = {};
          for await (const part of req.parts({
            limits: { fileSize: documents.maxBytes, files: 1, fields: 10, fieldSize: 2000 },
          })) {
            if (part.type === "field") {
              refuseControlCharacters(part.fieldname, String(part.value));
              fields[part.fieldname] = String(part.value);
              continue;
            }
            const meta = UploadDocumentFields.safeParse(fields);
            if (!meta.success) {
              part.file.resume();
              const errors = meta.error.issues.map((i) => ({
                field: i.path.join(".") || String((i as { keys?: string[] }).keys?.[0] ?? "fields"),
                message: i.message,
              }));
              throw AppError.invalid(errors);
            }
            const upload: UploadMeta = {
              kind: meta.data.kind,
              title: meta.data.title ?? null,
              replacesId: meta.data.replaces ?? null,
            };
            const view = await documents.storeUpload(
              req.actor,
              entity,
              req.params.id,
              part.filename,
              part.file,
              upload,
            );
            return reply.status(201).send(view);
          }
          throw AppError.field("validation_failed", "file", "Attach a file.");
        },
      );

      app.get(
        `${base}/:documentId`,
        {
          schema: {
            tags,
            summary: `Download a document of ${label}`,
            params: IdParams.extend({ documentId: z.string().min(1).max(64) }),
            response: { 200: documentFile, ...problems },
          },
        },
        async (req, reply) => {
          const { row, stream } = await documents.openDocument(req.actor, entity, req.params.id, req.params.documentId);
          reply
            .header("content-type", row.media_type)
            .header("content-length", String(row.size))
            .header("x-content-type-options", "nosniff")
            .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(row.original_name)}`);
          return reply.send(stream);
        },
      );
    }
  };
}
