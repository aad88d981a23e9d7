import {
  ActionView,
  BodyView,
  CreateActionInput,
  CreateBodyInput,
  MeetingInput,
  MeetingView,
  MemberInput,
  UpdateActionInput,
} from "@conventio/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { IdParams, NoContent, problems } from "#http/common.js";
import type { GovernanceService } from "./governance.service.js";

const Created = z.object({ id: z.string() });

export function governanceRoutes(governance: GovernanceService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ["governance"];
    app.get(
      "/api/agreements/:id/bodies",
      {
        schema: {
          tags,
          summary: "Steering and working groups of an agreement, with members and meetings",
          params: IdParams,
          response: { 200: z.object({ items: z.array(BodyView) }), ...problems },
        },
      },
      async (req) => ({ items: await governance.listBodies(req.actor, req.params.id, req.readerLang) }),
    );
    app.get(
      "/api/agreements/:id/actions",
      {
        schema: {
          tags,
          summary: "Action items of an agreement",
          params: IdParams,
          response: { 200: z.object({ items: z.array(ActionView) }), ...problems },
        },
      },
      async (req) => ({ items: await governance.agreementActions(req.actor, req.params.id) }),
    );
    app.post(
      "/api/bodies",
      {
        schema: {
          tags,
          summary: "Create a steering group or a working group",
          body: CreateBodyInput,
          response: { 201: Created, ...problems },
        },
      },
      async (req, reply) => reply.status(201).send(await governance.createBody(req.actor, req.body)),
    );
    app.post(
      "/api/bodies/:id/members",
      {
        schema: {
          tags,
          summary: "Add a member with a role and a mandate",
          params: IdParams,
          body: MemberInput,
          response: { 201: Created, ...problems },
        },
      },
      async (req, reply) => reply.status(201).send(await governance.addMember(req.actor, req.params.id, req.body)),
    );
    app.delete(
      "/api/bodies/:id/members/:memberId",
      {
        schema: {
          tags,
          summary: "Remove a member",
          params: IdParams.extend({ memberId: z.string().min(1).max(64) }),
          response: { 204: NoContent, ...problems },
        },
      },
      async (req, reply) => {
        await governance.removeMember(req.actor, req.params.id, req.params.memberId);
        return reply.status(204).send(null);
      },
    );
    app.post(
      "/api/bodies/:id/meetings",
      {
        schema: {
          tags,
          summary: "Record a meeting: date, place, agenda, minutes, decisions",
          params: IdParams,
          body: MeetingInput,
          response: { 201: MeetingView, ...problems },
        },
      },
      async (req, reply) => reply.status(201).send(await governance.recordMeeting(req.actor, req.params.id, req.body)),
    );
    app.patch(
      "/api/meetings/:id",
      {
        schema: {
          tags,
          summary: "Change a meeting record",
          params: IdParams,
          body: MeetingInput,
          response: { 200: MeetingView, ...problems },
        },
      },
      async (req) => governance.updateMeeting(req.actor, req.params.id, req.body),
    );
    app.post(
      "/api/actions",
      {
        schema: {
          tags,
          summary: "Create an action item, from a meeting or standalone",
          body: CreateActionInput,
          response: { 201: ActionView, ...problems },
        },
      },
      async (req, reply) => reply.status(201).send(await governance.createAction(req.actor, req.body)),
    );
    app.patch(
      "/api/actions/:id",
      {
        schema: {
          tags,
          summary: "Change an action item; its owner may close it",
          params: IdParams,
          body: UpdateActionInput,
          response: { 200: ActionView, ...problems },
        },
      },
      async (req) => governance.updateAction(req.actor, req.params.id, req.body),
    );
    app.get(
      "/api/me/actions",
      {
        schema: {
          tags,
          summary: "My open action items",
          response: { 200: z.object({ items: z.array(ActionView) }), ...problems },
        },
      },
      async (req) => ({ items: await governance.myActions(req.actor) }),
    );
  };
}
