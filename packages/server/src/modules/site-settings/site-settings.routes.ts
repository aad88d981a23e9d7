import { LOGO_MAX_BYTES, SiteSettings, UpdateSiteSettingsInput } from "@conventio/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { fileResponse, NoContent, problems } from "#http/common.js";
import { refuseControlCharacters } from "#http/edge-guard.js";
import { AppError } from "#shared/app-error.js";
import type { SiteSettingsService } from "./site-settings.service.js";

const LOGO_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;

const LogoQuery = z.object({
  v: z.string().max(64).optional().describe("The version the settings give the logo's address"),
});

/** The settings of the public side: read by anyone, changed by administrators; the logo's file. */
export function siteSettingsRoutes(site: SiteSettingsService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ["settings"];

    app.get(
      "/api/public/site",
      {
        schema: {
          tags: ["public"],
          summary: "The institution's name, logo, colours, footer links, languages, embed origins and data licence",
          response: { 200: SiteSettings, ...problems },
        },
      },
      async () => site.get(),
    );

    app.patch(
      "/api/admin/site-settings",
      {
        schema: {
          tags,
          summary: "Change the settings of the public side; only the fields sent change",
          body: UpdateSiteSettingsInput,
          response: { 200: SiteSettings, ...problems },
        },
      },
      async (req) => site.update(req.actor, req.body),
    );

    app.put(
      "/api/admin/site-settings/logo",
      {
        schema: {
          tags,
          summary: "Replace the logo with a PNG, JPEG or WebP of at most 1 MB (multipart: one part named file)",
          consumes: ["multipart/form-data"],
          response: { 200: SiteSettings, ...problems },
        },
      },
      async (req) => {
        if (!req.isMultipart()) throw new AppError("unsupported_media_type", "Send the file as multipart/form-data.");
        site.prepareLogo(req.actor);
        for await (const part of req.parts({ limits: { fileSize: LOGO_MAX_BYTES, files: 1, fields: 5 } })) {
          if (part.type === "field") {
            refuseControlCharacters(part.fieldname, "");
            throw AppError.field("validation_failed", part.fieldname, "Send only the file.");
          }
          return site.setLogo(req.actor, part.filename, part.file);
        }
        throw AppError.field("validation_failed", "file", "Attach a file.");
      },
    );

    app.delete(
      "/api/admin/site-settings/logo",
      {
        schema: {
          tags,
          summary: "Remove the logo",
          response: { 204: NoContent, ...problems },
        },
      },
      async (req, reply) => {
        await site.removeLogo(req.actor);
        return reply.status(204).send(null);
      },
    );

    app.get(
      "/api/public/site/logo",
      {
        schema: {
          tags: ["public"],
          summary: "The logo; kept a year when asked for at the address the settings give",
          querystring: LogoQuery,
          response: { 200: fileResponse("The logo", LOGO_TYPES), ...problems },
        },
      },
      async (req, reply) => {
        const logo = await site.readLogo();
        // The versioned address names this very file, so it may be kept; any other asks again.
        const cache = req.query.v === logo.version ? "public, max-age=31536000, immutable" : "no-cache";
        return reply
          .header("content-type", logo.mediaType)
          .header("content-length", String(logo.size))
          .header("cache-control", cache)
          .header("x-content-type-options", "nosniff")
          .send(logo.stream);
      },
    );
  };
}
