import { AgreementView, EventView, NewsSummary } from "@conventio/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { IdParams, problems } from "#http/common.js";
import type { PortalService } from "./portal.service.js";

const Contact = z.object({
  name: z.string(),
  title: z.string().nullable(),
  organisation: z.string().nullable(),
  role: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});

export function portalRoutes(portal: PortalService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ["public"];
    app.get(
      "/api/public/home",
      {
        schema: {
          tags,
          summary: "Latest news and coming events",
          response: { 200: z.object({ news: z.array(NewsSummary), events: z.array(EventView) }) },
        },
      },
      async () => portal.home(),
    );
    app.get(
      "/api/public/partnerships/:id",
      {
        schema: {
          tags,
          summary:
            "The public page of a partnership: objectives, parties, areas and coordinators, governance, contacts, calendar, news, activities",
          params: IdParams,
          response: {
            200: z.object({
              agreement: AgreementView,
              governance: z.array(z.object({ name: z.string(), kind: z.string(), members: z.array(Contact) })),
              coordinators: z.array(z.object({ axis: z.string(), people: z.array(Contact) })),
              events: z.array(EventView),
              news: z.array(NewsSummary),
              activities: z.array(
                z.object({
                  id: z.string(),
                  kind: z.string(),
                  title: z.string(),
                  startsOn: z.string().nullable(),
                  endsOn: z.string().nullable(),
                  status: z.string(),
                }),
              ),
            }),
            ...problems,
          },
        },
      },
      async (req) => portal.partnership(req.params.id),
    );
  };
}
