import { DashboardQuery, DashboardView, DormantAgreements, DormantAgreementsQuery } from "@conventio/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { problems } from "#http/common.js";
import type { DashboardService } from "./dashboard.service.js";

export function dashboardRoutes(dashboard: DashboardService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ["dashboard"];
    app.get(
      "/api/dashboard",
      {
        schema: {
          tags,
          summary: "Agreements by status, kind and country; expiring soon; mobility by year; dormant agreements",
          querystring: DashboardQuery,
          response: { 200: DashboardView, ...problems },
        },
      },
      async (req) => dashboard.overview(req.actor, { fresh: req.query.fresh }),
    );
    app.get(
      "/api/dormant-agreements",
      {
        schema: {
          tags,
          summary: "Active agreements with no activity, meeting or indicator value for N months",
          querystring: DormantAgreementsQuery,
          response: { 200: DormantAgreements, ...problems },
        },
      },
      async (req) => dashboard.dormantAgreements(req.actor, req.query.months),
    );
  };
}
