import { SavedView, SavedViewInput, SavedViewQuery } from "@conventio/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { IdParams, NoContent, problems } from "#http/common.js";
import type { SavedViewService } from "./saved-view.service.js";

export function savedViewRoutes(views: SavedViewService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ["accounts"];

    app.get(
      "/api/saved-views",
      {
        schema: {
          tags,
          summary: "My saved views of one list, by name",
          querystring: SavedViewQuery,
          response: { 200: z.object({ items: z.array(SavedView) }), ...problems },
        },
      },
      async (req) => ({ items: await views.listViews(req.actor, req.query.list) }),
    );

    app.post(
      "/api/saved-views",
      {
        schema: {
          tags,
          summary: "Save a list's filters and sort under a name (201), or replace my view of that name (200)",
          body: SavedViewInput,
          response: { 200: SavedView, 201: SavedView, ...problems },
        },
      },
      async (req, reply) => {
        const { view, created } = await views.saveView(req.actor, req.body);
        return reply.status(created ? 201 : 200).send(view);
      },
    );

    app.delete(
      "/api/saved-views/:id",
      {
        schema: {
          tags,
          summary: "Delete one of my saved views",
          params: IdParams,
          response: { 204: NoContent, ...problems },
        },
      },
      async (req, reply) => {
        await views.deleteView(req.actor, req.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
