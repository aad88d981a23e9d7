import {
  CreatePersonInput,
  PageQuery,
  PersonListQuery,
  PersonRoleInput,
  PersonView,
  pageOf,
  UpdatePersonInput,
} from "@conventio/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { CONTENT_DISPOSITION, IdParams, NoContent, problems } from "#http/common.js";
import type { PersonService } from "./person.service.js";

export function personRoutes(people: PersonService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ["people"];
    app.get(
      "/api/people",
      {
        schema: {
          tags,
          summary: "List and search people",
          querystring: PageQuery.extend(PersonListQuery.shape),
          response: { 200: pageOf(PersonView), ...problems },
        },
      },
      async (req) => people.listPeople(req.actor, req.query, req.readerLang),
    );
    app.post(
      "/api/people",
      {
        schema: { tags, summary: "Add a person", body: CreatePersonInput, response: { 201: PersonView, ...problems } },
      },
      async (req, reply) => reply.status(201).send(await people.createPerson(req.actor, req.body, req.readerLang)),
    );
    app.get(
      "/api/people/:id",
      {
        schema: {
          tags,
          summary: "One person with their roles",
          params: IdParams,
          response: { 200: PersonView, ...problems },
        },
      },
      async (req) => people.getPerson(req.actor, req.params.id, req.readerLang),
    );
    app.patch(
      "/api/people/:id",
      {
        schema: {
          tags,
          summary: "Change a person",
          params: IdParams,
          body: UpdatePersonInput,
          response: { 200: PersonView, ...problems },
        },
      },
      async (req) => people.updatePerson(req.actor, req.params.id, req.body, req.readerLang),
    );
    app.delete(
      "/api/people/:id",
      {
        schema: {
          tags,
          summary: "Erase a person everywhere, search index and audit details included (admin)",
          params: IdParams,
          response: { 204: NoContent, ...problems },
        },
      },
      async (req, reply) => {
        await people.erasePerson(req.actor, req.params.id);
        return reply.status(204).send(null);
      },
    );
    app.get(
      "/api/people/:id/export",
      {
        schema: {
          tags,
          summary: "Everything held about a person, as JSON (admin)",
          params: IdParams,
          response: {
            200: {
              description: "Everything held about the person, as a file to save (person-{id}.json)",
              content: { "application/json": { schema: z.record(z.string(), z.unknown()) } },
              headers: CONTENT_DISPOSITION,
            },
            ...problems,
          },
        },
      },
      async (req, reply) => {
        const data = await people.exportPerson(req.actor, req.params.id);
        reply.header("content-disposition", `attachment; filename="person-${req.params.id}.json"`);
        return data;
      },
    );
    app.post(
      "/api/people/:id/roles",
      {
        schema: {
          tags,
          summary: "Record a role held for a period",
          params: IdParams,
          body: PersonRoleInput,
          response: { 201: PersonView, ...problems },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await people.addRole(req.actor, req.params.id, req.body, req.readerLang)),
    );
    app.delete(
      "/api/people/:id/roles/:roleId",
      {
        schema: {
          tags,
          summary: "Remove a role",
          params: IdParams.extend({ roleId: z.string().min(1).max(64) }),
          response: { 200: PersonView, ...problems },
        },
      },
      async (req) => people.removeRole(req.actor, req.params.id, req.params.roleId, req.readerLang),
    );
  };
}
