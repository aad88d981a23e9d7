import {
  OrganisationView,
  RegistryEntryView,
  RegistryImportJob,
  RegistryImportTarget,
  RegistrySearchQuery,
} from "@conventio/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { IdParams, problems } from "#http/common.js";
import { refuseControlCharacters } from "#http/edge-guard.js";
import { AppError } from "#shared/app-error.js";
import type { ReceivedFile } from "./registry-jobs.js";
import type { RegistryService } from "./registry.service.js";

export function registryRoutes(registry: RegistryService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ["registry"];
    app.get(
      "/api/registry",
      {
        schema: {
          tags,
          summary: "Search the bundled registry (ROR, Erasmus charter holders) as you type",
          querystring: RegistrySearchQuery,
          response: { 200: z.object({ items: z.array(RegistryEntryView) }), ...problems },
        },
      },
      async (req) => ({ items: await registry.searchRegistry(req.actor, req.query) }),
    );
    app.post(
      "/api/registry/:id/adopt",
      {
        schema: {
          tags,
          summary: "Create a partner organisation from a registry entry in one step",
          params: z.object({ id: z.string().min(1).max(100) }),
          body: z.strictObject({ confirmDuplicate: z.boolean().default(false) }).default({ confirmDuplicate: false }),
          response: { 201: OrganisationView, ...problems },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await registry.adoptEntry(req.actor, req.params.id, req.body.confirmDuplicate)),
    );

    app.post(
      "/api/registry/imports",
      {
        schema: {
          tags,
          summary:
            "Import a ROR dump or the Erasmus charter list into the registry or as partners (multipart: field into, then file, then optionally crosswalk); answers at once, the import goes on",
          consumes: ["multipart/form-data"],
          response: { 202: RegistryImportJob, ...problems },
        },
      },
      async (req, reply) => {
        if (!req.isMultipart()) throw new AppError("unsupported_media_type", "Send the file as multipart/form-data.");
        const { jobs } = registry;
        const id = jobs.prepare(req.actor);
        const fields: Record<string, string> = {};
        const files: Partial<Record<"file" | "crosswalk", ReceivedFile>> = {};
        try {
          for await (const part of req.parts({
            limits: { fileSize: jobs.maxBytes, files: 2, fields: 5, fieldSize: 100 },
          })) {
            if (part.type === "field") {
              refuseControlCharacters(part.fieldname, String(part.value));
              fields[part.fieldname] = String(part.value);
              continue;
            }
            const field = part.fieldname === "crosswalk" ? "crosswalk" : "file";
            files[field] = await jobs.receive(id, field, part.filename, part.file);
          }
          const into = RegistryImportTarget.safeParse(fields.into ?? "registry");
          if (!into.success) throw AppError.field("validation_failed", "into", "Choose registry or organisations.");
          if (!files.file) throw AppError.field("validation_failed", "file", "Attach a file.");
          const job = jobs.start(req.actor, id, {
            file: files.file,
            crosswalk: files.crosswalk ?? null,
            into: into.data,
          });
          return reply.status(202).send(job);
        } catch (err) {
          jobs.discard(id);
          throw err;
        }
      },
    );
    app.get(
      "/api/registry/imports/:id",
      {
        schema: {
          tags,
          summary: "A registry import's progress, then its report",
          params: IdParams,
          response: { 200: RegistryImportJob, ...problems },
        },
      },
      async (req) => registry.jobs.job(req.actor, req.params.id),
    );
  };
}
