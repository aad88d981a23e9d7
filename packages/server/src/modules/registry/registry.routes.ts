import { OrganisationView, RegistryEntryView, RegistrySearchQuery } from "@conventio/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { problems } from "#http/common.js";
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
  };
}
