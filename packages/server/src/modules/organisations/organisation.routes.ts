import {
  CountryCount,
  CreateOrganisationInput,
  DuplicateCandidate,
  MembershipInput,
  MembershipView,
  OrganisationDetail,
  OrganisationListQuery,
  OrganisationSummary,
  OrganisationView,
  PageQuery,
  pageOf,
  UpdateOrganisationInput,
} from "@conventio/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { IdParams, NoContent, problems } from "#http/common.js";
import type { OrganisationService } from "./organisation.service.js";
import { PartnerMapQuery } from "./partner-map.js";

export function organisationRoutes(organisations: OrganisationService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ["organisations"];
    const ListQuery = PageQuery.extend(OrganisationListQuery.shape);

    app.get(
      "/api/organisations",
      {
        schema: {
          tags,
          summary: "List and search organisations",
          querystring: ListQuery,
          response: { 200: pageOf(OrganisationSummary), ...problems },
        },
      },
      async (req) => organisations.listOrganisations(req.actor, req.query, req.readerLang),
    );

    app.post(
      "/api/organisations",
      {
        schema: {
          tags,
          summary: "Create an organisation; answers 409 duplicate_suspected unless confirmDuplicate is true",
          body: CreateOrganisationInput,
          response: { 201: OrganisationView, ...problems },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await organisations.createOrganisation(req.actor, req.body, req.readerLang)),
    );

    app.get(
      "/api/organisations/:id",
      {
        schema: {
          tags,
          summary: "One organisation with its units, memberships and people",
          params: IdParams,
          response: { 200: OrganisationDetail, ...problems },
        },
      },
      async (req) => organisations.getOrganisation(req.actor, req.params.id, req.readerLang),
    );

    app.patch(
      "/api/organisations/:id",
      {
        schema: {
          tags,
          summary: "Change an organisation",
          params: IdParams,
          body: UpdateOrganisationInput,
          response: { 200: OrganisationView, ...problems },
        },
      },
      async (req) => organisations.updateOrganisation(req.actor, req.params.id, req.body, req.readerLang),
    );

    app.delete(
      "/api/organisations/:id",
      {
        schema: {
          tags,
          summary: "Delete an organisation",
          params: IdParams,
          response: { 204: NoContent, ...problems },
        },
      },
      async (req, reply) => {
        await organisations.deleteOrganisation(req.actor, req.params.id);
        return reply.status(204).send(null);
      },
    );

    app.post(
      "/api/organisations/:id/memberships",
      {
        schema: {
          tags,
          summary: "Add a member to a network or programme",
          params: IdParams,
          body: MembershipInput,
          response: { 201: MembershipView, ...problems },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await organisations.addMembership(req.actor, req.params.id, req.body, req.readerLang)),
    );

    app.delete(
      "/api/organisations/:id/memberships/:membershipId",
      {
        schema: {
          tags,
          summary: "Remove a member",
          params: IdParams.extend({ membershipId: z.string().min(1).max(64) }),
          response: { 204: NoContent, ...problems },
        },
      },
      async (req, reply) => {
        await organisations.removeMembership(req.actor, req.params.id, req.params.membershipId);
        return reply.status(204).send(null);
      },
    );

    app.post(
      "/api/organisations/duplicates",
      {
        schema: {
          tags,
          summary: "Likely duplicates of a draft organisation (same website host, similar name in the same city)",
          body: z.strictObject({
            name: z.string().trim().min(1).max(300),
            website: z.string().max(500).nullable().default(null),
            countryCode: z.string().max(2).nullable().default(null),
            city: z.string().max(200).nullable().default(null),
          }),
          response: {
            200: z.object({ candidates: z.array(DuplicateCandidate) }),
            ...problems,
          },
        },
      },
      async (req) => ({ candidates: await organisations.suggestDuplicates(req.actor, req.body) }),
    );

    app.get(
      "/api/map/countries",
      {
        schema: {
          tags,
          summary:
            "Partners per country: organisations party to an agreement, by the partner's kind, the agreement's status and its responsible unit (public ones for visitors)",
          querystring: PartnerMapQuery,
          response: { 200: z.object({ items: z.array(CountryCount) }), ...problems },
        },
      },
      async (req) => ({ items: await organisations.countByCountry(req.actor, req.query) }),
    );

    app.get(
      "/api/public/organisations",
      {
        schema: {
          tags: ["public"],
          summary: "Public partner organisations",
          querystring: ListQuery,
          response: { 200: pageOf(OrganisationSummary), ...problems },
        },
      },
      async (req) => organisations.listPublicOrganisations(req.query, req.readerLang),
    );
  };
}
