import {
  PICTURE_OWNER_KINDS,
  PictureOrderInput,
  type PictureOwnerKind,
  PictureSize,
  PictureView,
  PublicPictureView,
  UpdatePictureInput,
} from "@conventio/domain";
import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { CONTENT_DISPOSITION, fileResponse, IdParams, NoContent, problems } from "#http/common.js";
import { refuseControlCharacters } from "#http/edge-guard.js";
import { AppError } from "#shared/app-error.js";
import type { PictureFile, PictureService } from "./picture.service.js";

const OWNER_PATHS: Record<PictureOwnerKind, { path: string; label: string }> = {
  agreement: { path: "agreements", label: "an agreement" },
  event: { path: "events", label: "an event" },
  news: { path: "news", label: "a news post" },
  activity: { path: "activities", label: "an activity" },
};

const PictureParams = z.object({ pictureId: z.string().min(1).max(64) });
const FileParams = PictureParams.extend({ size: PictureSize });
const PictureList = z.object({ items: z.array(PictureView) });

/**
 * The generated sizes never change for a picture id (a new file is a new picture), so they may be
 * kept; the public copy for an hour only, so that unpublishing takes effect within that time.
 */
const STAFF_CACHE = "private, max-age=86400";
const PUBLIC_CACHE = "public, max-age=3600";

function sendFile(reply: FastifyReply, file: PictureFile, cache: string, disposition: "inline" | "attachment") {
  return reply
    .header("content-type", file.mediaType)
    .header("content-length", String(file.size))
    .header("cache-control", cache)
    .header("x-content-type-options", "nosniff")
    .header("content-disposition", `${disposition}; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .send(file.stream);
}

/** Pictures under each record that takes them, their files, and what the public pages read. */
export function pictureRoutes(pictures: PictureService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ["pictures"];
    for (const kind of PICTURE_OWNER_KINDS) {
      const { path, label } = OWNER_PATHS[kind];
      const base = `/api/${path}/:id/pictures`;
      app.get(
        base,
        {
          schema: {
            tags,
            summary: `Pictures of ${label}, in their order`,
            params: IdParams,
            response: { 200: PictureList, ...problems },
          },
        },
        async (req) => ({ items: await pictures.listPictures(req.actor, kind, req.params.id) }),
      );

      app.post(
        base,
        {
          schema: {
            tags,
            summary: `Upload a JPEG, PNG or WebP picture to ${label} (multipart: one part named file)`,
            consumes: ["multipart/form-data"],
            params: IdParams,
            response: { 201: PictureView, ...problems },
          },
        },
        async (req, reply) => {
          if (!req.isMultipart()) throw new AppError("unsupported_media_type", "Send the file as multipart/form-data.");
          await pictures.prepareUpload(req.actor, kind, req.params.id);
          for await (const part of req.parts({ limits: { fileSize: pictures.maxBytes, files: 1, fields: 5 } })) {
            if (part.type === "field") {
              refuseControlCharacters(part.fieldname, "");
              throw AppError.field("validation_failed", part.fieldname, "Send only the file; describe it afterwards.");
            }
            const view = await pictures.storePicture(req.actor, kind, req.params.id, part.filename, part.file);
            return reply.status(201).send(view);
          }
          throw AppError.field("validation_failed", "file", "Attach a file.");
        },
      );

      app.put(
        `${base}/order`,
        {
          schema: {
            tags,
            summary: `Put the pictures of ${label} in a new order`,
            params: IdParams,
            body: PictureOrderInput,
            response: { 200: PictureList, ...problems },
          },
        },
        async (req) => ({ items: await pictures.reorderPictures(req.actor, kind, req.params.id, req.body.ids) }),
      );

      app.get(
        `/api/public/${path}/:id/pictures`,
        {
          schema: {
            tags: ["public"],
            summary: `Public pictures of ${label} the public sees, in their order`,
            params: IdParams,
            response: { 200: z.object({ items: z.array(PublicPictureView) }), ...problems },
          },
        },
        async (req) => ({ items: await pictures.publicPictures(kind, req.params.id) }),
      );
    }

    app.patch(
      "/api/pictures/:pictureId",
      {
        schema: {
          tags,
          summary: "Change a picture's caption, credit, text alternative or publication",
          params: PictureParams,
          body: UpdatePictureInput,
          response: { 200: PictureView, ...problems },
        },
      },
      async (req) => pictures.updatePicture(req.actor, req.params.pictureId, req.body),
    );

    app.delete(
      "/api/pictures/:pictureId",
      {
        schema: {
          tags,
          summary: "Delete a picture and its files",
          params: PictureParams,
          response: { 204: NoContent, ...problems },
        },
      },
      async (req, reply) => {
        await pictures.deletePicture(req.actor, req.params.pictureId);
        return reply.status(204).send(null);
      },
    );

    app.get(
      "/api/pictures/:pictureId/files/:size",
      {
        schema: {
          tags,
          summary: "A generated size of a picture (WebP), for staff",
          params: FileParams,
          response: {
            200: fileResponse("The picture in the size asked for", ["image/webp"], CONTENT_DISPOSITION),
            ...problems,
          },
        },
      },
      async (req, reply) =>
        sendFile(
          reply,
          await pictures.openFile(req.actor, req.params.pictureId, req.params.size),
          STAFF_CACHE,
          "inline",
        ),
    );

    app.get(
      "/api/pictures/:pictureId/original",
      {
        schema: {
          tags,
          summary: "The file as uploaded, with its metadata, for staff; never shown on a page",
          params: PictureParams,
          response: {
            200: fileResponse("The file as uploaded", ["image/jpeg", "image/png", "image/webp"], CONTENT_DISPOSITION),
            ...problems,
          },
        },
      },
      async (req, reply) =>
        sendFile(
          reply,
          await pictures.openOriginal(req.actor, req.params.pictureId),
          "private, no-store",
          "attachment",
        ),
    );

    app.get(
      "/api/public/pictures/:pictureId/:size",
      {
        schema: {
          tags: ["public"],
          summary: "A generated size (WebP) of a public picture of a public record",
          params: FileParams,
          response: {
            200: fileResponse("The picture in the size asked for", ["image/webp"], CONTENT_DISPOSITION),
            ...problems,
          },
        },
      },
      async (req, reply) =>
        sendFile(reply, await pictures.openPublicFile(req.params.pictureId, req.params.size), PUBLIC_CACHE, "inline"),
    );
  };
}
