import {
  AgreementView,
  EwpContact,
  EwpFactsheet,
  EwpInstitution,
  EwpOunit,
  FlexibleAddress,
  Iia,
  IiaPartner,
  IiaView,
  MobilitySpec,
  OrganisationRef,
  PictureView,
  Problem,
  UnitNode,
} from "@conventio/domain";
import swagger, { type SwaggerTransform, type SwaggerTransformObject } from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";
import { z } from "zod";
import { operationName } from "#http/openapi-names.js";

type Json = Record<string, unknown>;

/**
 * Schemas described once under components/schemas and referred to by $ref: the Problem every
 * error answers with, the unit tree, which nests itself and so cannot be written inline, and the
 * views many operations return.
 */
const COMPONENTS: ReadonlyArray<readonly [z.ZodType, string]> = [
  [Problem, "Problem"],
  [UnitNode, "UnitNode"],
  [AgreementView, "AgreementView"],
  [OrganisationRef, "OrganisationRef"],
  [PictureView, "PictureView"],
  [Iia, "Iia"],
  [MobilitySpec, "MobilitySpec"],
  [EwpContact, "EwpContact"],
  [EwpInstitution, "EwpInstitution"],
  [EwpOunit, "EwpOunit"],
  [IiaPartner, "IiaPartner"],
  [IiaView, "IiaView"],
  [EwpFactsheet, "EwpFactsheet"],
  [FlexibleAddress, "FlexibleAddress"],
];
for (const [schema, id] of COMPONENTS) {
  if (z.globalRegistry.get(schema)?.id !== id) z.globalRegistry.add(schema, { ...z.globalRegistry.get(schema), id });
}

const PROBLEM_REF = "#/components/schemas/Problem";
const PROBLEM_MEDIA_TYPE = "application/problem+json";

/** Each error status, once under components/responses: its name there and what it means here. */
const ERROR_RESPONSES: Record<string, { name: string; description: string }> = {
  400: { name: "BadRequest", description: "Bad request: the body is not JSON, or is empty" },
  401: { name: "SignInRequired", description: "Sign-in required" },
  403: { name: "Forbidden", description: "Not allowed, or the CSRF token is missing or wrong" },
  404: { name: "NotFound", description: "Not found, or not visible to the caller" },
  409: { name: "Conflict", description: "Conflict with the current state or with an existing record" },
  413: { name: "TooLarge", description: "The body or the file is too large" },
  415: { name: "UnsupportedMediaType", description: "Unsupported media type" },
  422: { name: "ValidationFailed", description: "Some fields are not valid; errors names each field at fault" },
  429: { name: "TooManyAttempts", description: "Too many attempts; Retry-After says when to try again" },
  500: { name: "InternalError", description: "Something went wrong on the server; it has been logged" },
};

/** The modules, as OpenAPI tags: every operation carries one. */
const TAGS = [
  { name: "accounts", description: "Sign-in, sessions, first-administrator setup, users and preferences" },
  { name: "agreements", description: "Agreements, their parties, content, lifecycle, renewals and themes" },
  { name: "activities", description: "Activities, indicators and the exchange balance" },
  { name: "documents", description: "Files of agreements and activities, checked by content and versioned" },
  { name: "pictures", description: "Photos of agreements, events, news and activities, in generated sizes" },
  { name: "governance", description: "Governance bodies, their members, meetings and action items" },
  { name: "organisations", description: "Partner organisations, identifiers, memberships, units and successors" },
  { name: "people", description: "People and their roles, GDPR export and erasure" },
  { name: "publication", description: "Events, news, tags and comments" },
  { name: "events", description: "Staff previews of an event's public page" },
  { name: "news", description: "Staff previews of a news post's public page" },
  { name: "public", description: "What visitors read without signing in: portal pages, pictures, iCal and news feeds" },
  { name: "reviews", description: "Progress reviews of an agreement, as data and as PDF" },
  { name: "reminders", description: "The reminder inbox" },
  { name: "timeline", description: "A partner's relationship on one time axis" },
  { name: "dashboard", description: "Staff figures and dormant agreements" },
  { name: "audit", description: "The audit log of every write" },
  { name: "registry", description: "The bundled ROR and Erasmus registry, and adopting its entries" },
  { name: "search", description: "One search across every staff list, grouped by kind, best matches first" },
  { name: "imports", description: "Spreadsheet imports: upload, column mapping, dry run, apply and progress" },
  {
    name: "erasmus-without-paper",
    description: "Erasmus+ inter-institutional agreements (IIA v7): copies, iia-hash, approvals, EWP documents",
  },
  {
    name: "settings",
    description: "The public side's settings: the institution's name, logo and colours, embed origins",
  },
  { name: "health", description: "Whether the server answers, for monitoring" },
];

/** Anyone may call these, signed in or not; the answer does not depend on a session. */
const NO_SESSION = new Set(["POST /api/auth/sign-in", "POST /api/setup", "GET /api/health"]);
/** Visitors may call these too; signed-in staff see more (unpublished records, their own session). */
const SESSION_OPTIONAL = new Set([
  "GET /api/auth/session",
  "POST /api/auth/sign-out",
  "GET /api/events",
  "GET /api/events/{id}",
  "GET /api/news",
  "GET /api/news/{id}",
  "GET /api/news/{id}/comments",
  "GET /api/map/countries",
]);

/** Either a session cookie or a personal API token sent as a bearer. */
const SIGNED_IN: Array<Record<string, string[]>> = [{ session: [] }, { bearer: [] }];

/** The security requirement of an operation; undefined keeps the document's default (signed in). */
function securityOf(method: string, path: string): Json[] | undefined {
  const key = `${method} ${path}`;
  if (path.startsWith("/api/public/") || NO_SESSION.has(key)) return [];
  if (SESSION_OPTIONAL.has(key)) return [{}, ...SIGNED_IN];
  return undefined;
}

/** An error status declared with the Problem schema: sent as application/problem+json. */
function problemResponse(status: string, response: unknown): unknown {
  const shared = ERROR_RESPONSES[status];
  if (!shared || (response as Json | undefined)?.$ref !== PROBLEM_REF) return response;
  return { description: shared.description, content: { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: PROBLEM_REF } } } };
}

/** Error responses point to their one copy under components/responses instead of repeating it. */
function shareProblemResponses(paths: Record<string, Record<string, Json>>): Record<string, Json> {
  const shared: Record<string, Json> = {};
  for (const operation of Object.values(paths).flatMap((methods) => Object.values(methods))) {
    const responses = operation.responses as Record<string, Json> | undefined;
    for (const [status, response] of Object.entries(responses ?? {})) {
      const known = ERROR_RESPONSES[status];
      if (!known || !(response.content as Json | undefined)?.[PROBLEM_MEDIA_TYPE]) continue;
      shared[known.name] = response;
      (responses as Record<string, Json>)[status] = { $ref: `#/components/responses/${known.name}` };
    }
  }
  return shared;
}

/** Route schemas as OpenAPI operations: zod to JSON Schema, then names, problems, headers and security. */
const transform: SwaggerTransform = (input) => {
  const { schema, url } = jsonSchemaTransform(input);
  const documented = schema as Json;
  if (documented.hide) return { schema, url };
  const method = [input.route.method].flat()[0] ?? "GET";
  const path = url.replace(/:(\w+)/g, "{$1}");
  const declared = (input.schema as Json).response as Record<string, Json> | undefined;
  const responses = documented.response as Record<string, unknown> | undefined;
  if (responses) {
    for (const [status, response] of Object.entries(responses)) {
      const headers = declared?.[status]?.headers;
      responses[status] = problemResponse(status, headers ? { ...(response as Json), headers } : response);
    }
  }
  documented.operationId ??= operationName(method, path);
  const security = securityOf(method, path);
  if (security) documented.security ??= security;
  return { schema: documented, url };
};

const SCHEMA_REF = /"#\/components\/schemas\/([^"]+)"/g;

/**
 * Adds the registered schemas under components/schemas, keeping only those something refers to
 * (zod's input twins of output schemas are mostly unused), and the shared error responses.
 */
const transformObject: SwaggerTransformObject = (input) => {
  const document = jsonSchemaTransformObject(input) as Json & {
    paths: Record<string, Record<string, Json>>;
    components: { schemas: Record<string, unknown> };
  };
  const responses = shareProblemResponses(document.paths);
  const text = JSON.stringify({ paths: document.paths, responses });
  const used = new Set<string>();
  const queue = [...text.matchAll(SCHEMA_REF)].map((m) => m[1] as string);
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    if (used.has(name)) continue;
    used.add(name);
    for (const m of JSON.stringify(document.components.schemas[name] ?? {}).matchAll(SCHEMA_REF)) {
      queue.push(m[1] as string);
    }
  }
  const schemas = Object.fromEntries(Object.entries(document.components.schemas).filter(([name]) => used.has(name)));
  return { ...document, components: { ...document.components, schemas, responses } };
};

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
      tags: TAGS,
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "conventio_session" },
          bearer: {
            type: "http",
            scheme: "bearer",
            description:
              "A personal API token (cvt_…) from POST /api/tokens or `conventio create-token`; no CSRF token needed. A read-scoped token may only GET.",
          },
        },
      },
      security: SIGNED_IN,
    },
    transform,
    transformObject,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs" });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());
}
