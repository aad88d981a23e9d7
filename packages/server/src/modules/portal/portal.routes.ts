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

const Ref = z.object({ id: z.string(), name: z.string(), kind: z.string() });

const PublicOrganisationPage = z.object({
  organisation: z.object({
    id: z.string(),
    name: z.string(),
    names: z.array(z.object({ lang: z.string(), value: z.string() })),
    acronym: z.string().nullable(),
    kind: z.string(),
    countryCode: z.string().nullable(),
    city: z.string().nullable(),
    website: z.string().nullable(),
    description: z.string().nullable(),
    parent: Ref.nullable(),
  }),
  units: z.array(Ref),
  memberOf: z.array(z.object({ network: Ref, since: z.string().nullable(), until: z.string().nullable() })),
  members: z.array(z.object({ member: Ref, since: z.string().nullable(), until: z.string().nullable() })),
  partnerships: z.array(
    z.object({
      id: z.string(),
      reference: z.string(),
      title: z.string(),
      kind: z.string(),
      status: z.string(),
      startsOn: z.string().nullable(),
      endsOn: z.string().nullable(),
    }),
  ),
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
      "/api/public/organisations/:id",
      {
        schema: {
          tags,
          summary: "The public page of a partner: its facts, networks, members and public partnerships",
          params: IdParams,
          response: { 200: PublicOrganisationPage, ...problems },
        },
      },
      async (req) => portal.organisation(req.params.id),
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
              publicPartners: z.array(z.string()).describe("Parties with a public partner page"),
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
