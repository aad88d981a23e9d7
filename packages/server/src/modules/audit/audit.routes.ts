import { AuditEventView, PageQuery, pageOf } from "@conventio/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { problems } from "#http/common.js";
import type { AuditService } from "./audit.service.js";

export function auditRoutes(audit: AuditService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/audit",
      {
        schema: {
          tags: ["audit"],
          summary: "The audit log, newest first (admin)",
          querystring: PageQuery.extend({
            entity: z.string().max(40).optional(),
            entityId: z.string().max(64).optional(),
          }),
          response: { 200: pageOf(AuditEventView), ...problems },
        },
      },
      async (req) => audit.listEvents(req.actor, req.query),
    );
  };
}
