import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { problems } from "#http/common.js";
import type { DashboardService } from "./dashboard.service.js";

const Dormant = z.object({
  id: z.string(),
  reference: z.string(),
  title: z.string(),
  startsOn: z.string().nullable(),
  lastSign: z.string().nullable(),
});

export function dashboardRoutes(dashboard: DashboardService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ["dashboard"];
    app.get(
      "/api/dashboard",
      {
        schema: {
          tags,
          summary: "Agreements by status, kind and country; expiring soon; mobility by year; dormant agreements",
          response: {
            200: z.object({
              byStatus: z.array(z.object({ status: z.string(), count: z.number() })),
              byKind: z.array(z.object({ kind: z.string(), count: z.number() })),
              byCountry: z.array(z.object({ countryCode: z.string(), count: z.number() })),
              expiring: z.array(
                z.object({
                  id: z.string(),
                  reference: z.string(),
                  title: z.string(),
                  endsOn: z.string().nullable(),
                  status: z.string(),
                }),
              ),
              mobility: z.array(z.object({ academicYear: z.string(), incoming: z.number(), outgoing: z.number() })),
              dormant: z.array(Dormant).describe("The first dormant agreements"),
              dormantTotal: z.number().int(),
            }),
            ...problems,
          },
        },
      },
      async (req) => dashboard.overview(req.actor),
    );
    app.get(
      "/api/dormant-agreements",
      {
        schema: {
          tags,
          summary: "Active agreements with no activity, meeting or indicator value for N months",
          querystring: z.object({ months: z.coerce.number().int().min(1).max(120).optional() }),
          response: { 200: z.object({ total: z.number().int(), items: z.array(Dormant) }), ...problems },
        },
      },
      async (req) => dashboard.dormantAgreements(req.actor, req.query.months),
    );
  };
}
