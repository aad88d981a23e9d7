import {
  AgreementListQuery,
  AgreementSummary,
  AgreementView,
  BulkTransitionInput,
  BulkTransitionResult,
  CreateAgreementInput,
  PageQuery,
  pageOf,
  RecordPastAgreementInput,
  TransitionInput,
  UpdateAgreementInput,
} from "@conventio/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams, NoContent, problems } from "#http/common.js";
import type { AgreementService } from "./agreement.service.js";

export function agreementRoutes(agreements: AgreementService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ["agreements"];
    app.get(
      "/api/agreements",
      {
        schema: {
          tags,
          summary: "List, filter and search agreements",
          querystring: PageQuery.extend(AgreementListQuery.shape),
          response: { 200: pageOf(AgreementSummary), ...problems },
        },
      },
      async (req) => agreements.listAgreements(req.actor, req.query, req.readerLang),
    );
    app.post(
      "/api/agreements",
      {
        schema: {
          tags,
          summary: "Draft an agreement",
          body: CreateAgreementInput,
          response: { 201: AgreementView, ...problems },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await agreements.createAgreement(req.actor, req.body, req.readerLang)),
    );
    app.post(
      "/api/agreements/past",
      {
        schema: {
          tags,
          summary: "Record a past agreement as it stands, outside the lifecycle rules (audited as such)",
          body: RecordPastAgreementInput,
          response: { 201: AgreementView, ...problems },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await agreements.recordPastAgreement(req.actor, req.body, req.readerLang)),
    );
    app.get(
      "/api/agreements/:id",
      {
        schema: {
          tags,
          summary: "One agreement with its parties, content, chain and history",
          params: IdParams,
          response: { 200: AgreementView, ...problems },
        },
      },
      async (req) => agreements.getAgreement(req.actor, req.params.id, req.readerLang),
    );
    app.patch(
      "/api/agreements/:id",
      {
        schema: {
          tags,
          summary: "Change an agreement; lists given replace the stored ones",
          params: IdParams,
          body: UpdateAgreementInput,
          response: { 200: AgreementView, ...problems },
        },
      },
      async (req) => agreements.updateAgreement(req.actor, req.params.id, req.body, req.readerLang),
    );
    app.delete(
      "/api/agreements/:id",
      { schema: { tags, summary: "Delete a draft", params: IdParams, response: { 204: NoContent, ...problems } } },
      async (req, reply) => {
        await agreements.deleteAgreement(req.actor, req.params.id);
        return reply.status(204).send(null);
      },
    );
    app.post(
      "/api/agreements/:id/transitions",
      {
        schema: {
          tags,
          summary:
            "Move an agreement through its life: start_negotiation, request_signature, activate, terminate, reopen",
          params: IdParams,
          body: TransitionInput,
          response: { 200: AgreementView, ...problems },
        },
      },
      async (req) => agreements.transitionAgreement(req.actor, req.params.id, req.body, req.readerLang),
    );
    app.post(
      "/api/agreements/bulk/transitions",
      {
        schema: {
          tags,
          summary: "Make the same move in the life of several agreements at once, all or none (editor)",
          body: BulkTransitionInput,
          response: { 200: BulkTransitionResult, ...problems },
        },
      },
      async (req) => agreements.transitionAgreements(req.actor, req.body),
    );
    app.get(
      "/api/public/agreements",
      {
        schema: {
          tags: ["public"],
          summary: "Search public agreements",
          querystring: PageQuery.extend(AgreementListQuery.shape),
          response: { 200: pageOf(AgreementSummary), ...problems },
        },
      },
      async (req) => agreements.listPublicAgreements(req.query, req.readerLang),
    );
    app.get(
      "/api/public/agreements/:id",
      {
        schema: {
          tags: ["public"],
          summary: "A public agreement, without the parts kept internal",
          params: IdParams,
          response: { 200: AgreementView, ...problems },
        },
      },
      async (req) => agreements.getPublicAgreement(req.params.id, req.readerLang),
    );
    app.post(
      "/api/agreements/:id/renewal",
      {
        schema: {
          tags,
          summary: "Create the successor as a pre-filled draft, linked into the chain",
          params: IdParams,
          response: { 201: AgreementView, ...problems },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await agreements.renewAgreement(req.actor, req.params.id, req.readerLang)),
    );
  };
}
