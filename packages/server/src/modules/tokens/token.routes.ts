import { CreatedToken, CreateTokenInput, TokenView } from "@conventio/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { IdParams, NoContent, problems } from "#http/common.js";
import { AppError } from "#shared/app-error.js";
import type { TokenService } from "./token.service.js";

export function tokenRoutes(tokens: TokenService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ["accounts"];

    app.get(
      "/api/tokens",
      {
        schema: {
          tags,
          summary: "My personal API tokens, without their secrets",
          response: { 200: z.object({ items: z.array(TokenView) }), ...problems },
        },
      },
      async (req) => ({ items: await tokens.listTokens(req.actor) }),
    );

    app.post(
      "/api/tokens",
      {
        schema: {
          tags,
          summary: "Make a personal API token; its secret is in this answer only",
          body: CreateTokenInput,
          response: { 201: CreatedToken, ...problems },
        },
      },
      async (req, reply) => {
        // A token minting tokens could outlive its own expiry or widen its scope.
        if (req.apiToken)
          throw new AppError("forbidden", "API tokens are made from a signed-in session, not with a token.");
        return reply.status(201).send(await tokens.createToken(req.actor, req.body));
      },
    );

    app.delete(
      "/api/tokens/:id",
      {
        schema: {
          tags,
          summary: "Revoke a personal API token: it stops working at once",
          params: IdParams,
          response: { 204: NoContent, ...problems },
        },
      },
      async (req, reply) => {
        await tokens.revokeToken(req.actor, req.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
