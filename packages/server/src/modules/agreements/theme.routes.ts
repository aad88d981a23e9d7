import { BulkThemeInput, BulkThemeResult, ThemeInput, ThemeView } from "@conventio/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { NoContent, problems } from "#http/common.js";
import type { ThemeService } from "./theme.service.js";

export function themeRoutes(themes: ThemeService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ["agreements"];
    app.get(
      "/api/themes",
      {
        schema: {
          tags,
          summary: "The managed vocabulary of themes and the free tags in use",
          response: { 200: z.object({ items: z.array(ThemeView) }), ...problems },
        },
      },
      async (req) => ({ items: await themes.listThemes(req.actor) }),
    );
    app.post(
      "/api/themes",
      {
        schema: {
          tags,
          summary: "Add a theme to the managed vocabulary (admin)",
          body: ThemeInput,
          response: { 201: ThemeView, ...problems },
        },
      },
      async (req, reply) => reply.status(201).send(await themes.addTheme(req.actor, req.body.label, req.body.labels)),
    );
    app.post(
      "/api/agreements/bulk/themes",
      {
        schema: {
          tags,
          summary: "Add a theme to several agreements at once, all or none (editor)",
          body: BulkThemeInput,
          response: { 200: BulkThemeResult, ...problems },
        },
      },
      async (req) => themes.addThemeToAgreements(req.actor, req.body),
    );
    app.delete(
      "/api/themes/:theme",
      {
        schema: {
          tags,
          summary: "Remove a theme from the vocabulary (admin)",
          params: z.object({ theme: z.string().min(1).max(80) }),
          response: { 204: NoContent, ...problems },
        },
      },
      async (req, reply) => {
        await themes.removeTheme(req.actor, req.params.theme);
        return reply.status(204).send(null);
      },
    );
  };
}
