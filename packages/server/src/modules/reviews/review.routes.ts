import { ProgressReview, RecordedReviews, RecordReviewInput, ReviewQuery } from "@conventio/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { CONTENT_DISPOSITION, fileResponse, IdParams, problems } from "#http/common.js";
import type { Deps } from "#shared/deps.js";
import type { ReviewService } from "./review.service.js";
import { REVIEW_LANGUAGES } from "./review-wording.js";

export function reviewRoutes(reviews: ReviewService, clock: Deps["clock"]): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ["reviews"];
    app.get(
      "/api/agreements/:id/review",
      {
        schema: {
          tags,
          summary: "Assemble a progress review of a partnership on a date",
          params: IdParams,
          querystring: ReviewQuery,
          response: { 200: ProgressReview, ...problems },
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
          body: RecordReviewInput,
          response: { 201: RecordedReviews, ...problems },
        },
      },
      async (req, reply) => reply.status(201).send(await reviews.record(req.actor, req.params.id, req.body.on)),
    );
    app.get(
      "/api/agreements/:id/review.pdf",
      {
        schema: {
          tags,
          summary: "The progress review as a PDF",
          params: IdParams,
          querystring: ReviewQuery.extend({
            lang: z.enum(REVIEW_LANGUAGES).default("en").describe("The language of the document"),
          }),
          response: {
            200: fileResponse("The progress review as a PDF", ["application/pdf"], CONTENT_DISPOSITION),
            ...problems,
          },
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
