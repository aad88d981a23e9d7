import { EventView, NewsSummary, PublicOrganisationPage, PublicPartnershipPage } from "@conventio/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { IdParams, problems } from "#http/common.js";
import type { PortalService } from "./portal.service.js";

/** Public pages answer in the reader's language: `?lang=`, else the web app's choice, else Accept-Language. */
export function portalRoutes(portal: PortalService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ["public"];
    app.get(
      "/api/public/home",
      {
        schema: {
          tags,
          summary: "Latest news and coming events",
          response: { 200: z.object({ news: z.array(NewsSummary), events: z.array(EventView) }) },
        },
      },
      async () => portal.home(),
    );
    app.get(
      "/api/public/organisations/:id",
      {
        schema: {
          tags,
          summary: "The public page of a partner: its facts, networks, members and public partnerships",
          params: IdParams,
          response: { 200: PublicOrganisationPage, ...problems },
        },
      },
      async (req) => portal.organisation(req.params.id, req.readerLang),
    );
    app.get(
      "/api/public/partnerships/:id",
      {
        schema: {
          tags,
          summary:
            "The public page of a partnership: parties, signatories, themes, commitments, objectives, areas and coordinators, history, governance and public meetings, calendar, news, activities",
          params: IdParams,
          response: { 200: PublicPartnershipPage, ...problems },
        },
      },
      async (req) => portal.partnership(req.params.id, req.readerLang),
    );
    app.get(
      "/api/agreements/:id/public-preview",
      {
        schema: {
          tags: ["agreements"],
          summary: "Preview the partnership's public page as it would read once the agreement is published",
          params: IdParams,
          response: { 200: PublicPartnershipPage, ...problems },
        },
      },
      async (req) => portal.previewPartnership(req.actor, req.params.id, req.readerLang),
    );
  };
}
