import {
  AgreementCircuitView,
  CircuitDecisionInput,
  CircuitInput,
  CircuitList,
  CircuitView,
  PendingApprovalList,
} from "@conventio/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { IdParams, NoContent, problems } from "#http/common.js";
import type { CircuitService } from "./circuit.service.js";

const StepParams = IdParams.extend({ stepId: z.string().min(1).max(64) });

export function circuitRoutes(circuits: CircuitService): FastifyPluginAsyncZod {
  return async (app) => {
    // Circuits are part of an agreement's way to signature, so they sit under its tag.
    const tags = ["agreements"];
    app.get(
      "/api/circuits",
      {
        schema: {
          tags,
          summary: "Approval circuits, one per kind of agreement",
          response: { 200: CircuitList, ...problems },
        },
      },
      async (req) => circuits.listCircuits(req.actor),
    );
    app.post(
      "/api/circuits",
      {
        schema: {
          tags,
          summary: "Define the approval circuit of a kind of agreement",
          body: CircuitInput,
          response: { 201: CircuitView, ...problems },
        },
      },
      async (req, reply) => reply.status(201).send(await circuits.createCircuit(req.actor, req.body)),
    );
    app.get(
      "/api/circuits/:id",
      {
        schema: { tags, summary: "An approval circuit", params: IdParams, response: { 200: CircuitView, ...problems } },
      },
      async (req) => circuits.getCircuit(req.actor, req.params.id),
    );
    app.put(
      "/api/circuits/:id",
      {
        schema: {
          tags,
          summary: "Replace an approval circuit; runs already started keep their steps",
          params: IdParams,
          body: CircuitInput,
          response: { 200: CircuitView, ...problems },
        },
      },
      async (req) => circuits.updateCircuit(req.actor, req.params.id, req.body),
    );
    app.delete(
      "/api/circuits/:id",
      {
        schema: {
          tags,
          summary: "Delete an approval circuit",
          params: IdParams,
          response: { 204: NoContent, ...problems },
        },
      },
      async (req, reply) => {
        await circuits.deleteCircuit(req.actor, req.params.id);
        return reply.status(204).send(null);
      },
    );
    app.get(
      "/api/agreements/:id/circuit",
      {
        schema: {
          tags,
          summary: "An agreement's approval circuit: its steps, whose turn it is, and the decisions taken",
          params: IdParams,
          response: { 200: AgreementCircuitView, ...problems },
        },
      },
      async (req) => circuits.agreementCircuit(req.actor, req.params.id),
    );
    app.post(
      "/api/agreements/:id/circuit/steps/:stepId/decision",
      {
        schema: {
          tags,
          summary: "Approve the step whose turn it is, or send it back with a comment",
          params: StepParams,
          body: CircuitDecisionInput,
          response: { 200: AgreementCircuitView, ...problems },
        },
      },
      async (req) => circuits.decideStep(req.actor, req.params.id, req.params.stepId, req.body),
    );
    app.get(
      "/api/me/approvals",
      {
        schema: {
          tags,
          summary: "Approval steps waiting for my decision, oldest first",
          response: { 200: PendingApprovalList, ...problems },
        },
      },
      async (req) => circuits.myApprovals(req.actor),
    );
  };
}
