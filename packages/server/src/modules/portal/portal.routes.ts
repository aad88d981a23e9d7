import { EventView, NewsView, PublicHome, PublicOrganisationPage, PublicPartnershipPage } from "@conventio/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
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
          response: { 200: PublicHome, ...problems },
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
    app.get(
      "/api/organisations/:id/public-preview",
      {
        schema: {
          tags: ["organisations"],
          summary:
            "Preview the partner's public page, also for an internal organisation; its units, networks, members and partnerships appear only when public",
          params: IdParams,
          response: { 200: PublicOrganisationPage, ...problems },
        },
      },
      async (req) => portal.previewOrganisation(req.actor, req.params.id, req.readerLang),
    );
    app.get(
      "/api/events/:id/public-preview",
      {
        schema: {
          tags: ["events"],
          summary: "Preview the event as an anonymous reader gets it, also while it is internal",
          params: IdParams,
          response: { 200: EventView, ...problems },
        },
      },
      async (req) => portal.previewEvent(req.actor, req.params.id),
    );
    app.get(
      "/api/news/:id/public-preview",
      {
        schema: {
          tags: ["news"],
          summary: "Preview the post as an anonymous reader gets it, also while it is a draft",
          params: IdParams,
          response: { 200: NewsView, ...problems },
        },
      },
      async (req) => portal.previewNews(req.actor, req.params.id),
    );
  };
}
