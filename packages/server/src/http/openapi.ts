import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform } from "fastify-type-provider-zod";

/** Describes the API as OpenAPI, generated from the route schemas, and serves it with its browser. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Conventio API",
        version: "0.1.0",
        description:
          "Partners, agreements and what they produce. Errors are RFC 9457 problem+json naming the field at fault. Lists are keyset-paginated: pass nextCursor back as cursor.",
      },
      components: {
        securitySchemes: { session: { type: "apiKey", in: "cookie", name: "conventio_session" } },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs" });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());
}
