import { ActionView, ActivityView, AgreementView, BodyView, IndicatorView, IsoDate } from "@conventio/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { IdParams, problems } from "#http/common.js";
import type { Deps } from "#shared/deps.js";
import type { ReviewService } from "./review.service.js";
import { REVIEW_LANGUAGES } from "./review-wording.js";

export function reviewRoutes(reviews: ReviewService, clock: Deps["clock"]): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ["reviews"];
    const Query = z.object({ on: IsoDate.optional().describe("The date of the review; today by default") });
    app.get(
      "/api/agreements/:id/review",
      {
        schema: {
          tags,
          summary: "Assemble a progress review of a partnership on a date",
          params: IdParams,
          querystring: Query,
          response: {
            200: z.object({
              on: z.string(),
              since: z.string().nullable(),
              sinceKind: z
                .enum(["review", "meeting", "start"])
                .nullable()
                .describe("The previous recorded review, else the last meeting, else the agreement's start"),
              recorded: z
                .array(z.string())
                .describe("Dates of the reviews recorded for this partnership, newest first"),
              agreement: AgreementView,
              bodies: z.array(BodyView),
              activities: z.array(ActivityView),
              indicators: z.array(IndicatorView),
              openActions: z.array(ActionView),
              deadlines: z.array(
                z.object({
                  on: z.string(),
                  kind: z.enum(["agreement_end", "action"]),
                  what: z.string().describe("The agreement's reference, or the action's title"),
                }),
              ),
            }),
            ...problems,
          },
        },
      },
      async (req) => reviews.assemble(req.actor, req.params.id, req.query.on ?? clock.now().toISOString().slice(0, 10)),
    );
    app.post(
      "/api/agreements/:id/reviews",
      {
        schema: {
          tags,
          summary: "Record that the review of a date was held; the next review covers what happened since",
          params: IdParams,
          body: z.strictObject({ on: IsoDate }),
          response: { 201: z.object({ recorded: z.array(z.string()) }), ...problems },
        },
      },
      async (req, reply) =>
        reply.status(201).send({ recorded: await reviews.record(req.actor, req.params.id, req.body.on) }),
    );
    app.get(
      "/api/agreements/:id/review.pdf",
      {
        schema: {
          tags,
          summary: "The progress review as a PDF",
          params: IdParams,
          querystring: Query.extend({
            lang: z.enum(REVIEW_LANGUAGES).default("en").describe("The language of the document"),
          }),
        },
      },
      async (req, reply) => {
        const on = req.query.on ?? clock.now().toISOString().slice(0, 10);
        const pdf = await reviews.pdf(req.actor, req.params.id, on, req.query.lang);
        return reply
          .type("application/pdf")
          .header("content-disposition", `inline; filename="progress-review-${on}.pdf"`)
          .send(pdf);
      },
    );
  };
}
