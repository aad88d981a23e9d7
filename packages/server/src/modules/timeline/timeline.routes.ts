import { TimelineEvent } from "@conventio/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { IdParams, problems } from "#http/common.js";
import type { TimelineService } from "./timeline.service.js";

export function timelineRoutes(timeline: TimelineService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/organisations/:id/timeline",
      {
        schema: {
          tags: ["timeline"],
          summary:
            "The relationship with a partner on one time axis: agreements, signatures, renewals, meetings, memberships",
          params: IdParams,
          response: { 200: z.object({ items: z.array(TimelineEvent) }), ...problems },
        },
      },
      async (req) => ({ items: await timeline.partnerTimeline(req.actor, req.params.id) }),
    );
  };
}
