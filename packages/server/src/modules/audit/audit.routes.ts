import { AuditEventView, AuditListQuery, PageQuery, pageOf } from "@conventio/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
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
          querystring: PageQuery.extend(AuditListQuery.shape),
          response: { 200: pageOf(AuditEventView), ...problems },
        },
      },
      async (req) => audit.listEvents(req.actor, req.query),
    );
  };
}
