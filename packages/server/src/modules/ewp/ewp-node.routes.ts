import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import type { DB } from "#db/schema.js";
import type { Clock } from "#shared/clock.js";
import { agreementOfIiaId, logCall } from "./ewp-call-log.js";
import type { EwpCatalogueSource } from "./ewp-catalogue-source.js";
import type { EwpNodeKeyStore } from "./ewp-keys.js";
import { EWP_ENDPOINT_PATHS } from "./ewp-manifest.js";
import { type EwpCaller, type EwpNode, EwpRefusal } from "./ewp-node.service.js";
import { authenticate } from "./ewp-node-auth.js";
import { writeErrorResponse } from "./ewp-node-xml.js";
import { signResponse, wantsSignedResponse } from "./http-signature-response.js";

declare module "fastify" {
  interface FastifyRequest {
    ewpCaller?: EwpCaller;
    ewpError?: string;
  }
}

export interface EwpNodeRouteContext {
  node: EwpNode;
  db: Kysely<DB>;
  clock: Clock;
  keys: EwpNodeKeyStore;
  catalogue: EwpCatalogueSource;
}

/** Query string and form body together, as EWP lets a client send parameters either way. */
function paramsOf(request: FastifyRequest): URLSearchParams {
  const query = request.url.includes("?") ? request.url.slice(request.url.indexOf("?") + 1) : "";
  const params = new URLSearchParams(query);
  if (typeof request.body === "string") for (const [k, v] of new URLSearchParams(request.body)) params.append(k, v);
  return params;
}

const first = (params: URLSearchParams, name: string) => params.get(name) ?? "";

type Answer = (caller: EwpCaller, params: URLSearchParams) => Promise<string> | string;

/**
 * The installation's EWP endpoints under `/ewp`: every call but the manifest is authenticated by
 * its HTTP signature; answers and refusals are XML, signed when the caller asks for it; every
 * call is logged.
 */
export function ewpNodeRoutes(ctx: EwpNodeRouteContext): FastifyPluginAsync {
  const { node } = ctx;
  const host = new URL(node.settings.baseUrl).host;

  return async (app: FastifyInstance) => {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_req, body, done) =>
      done(null, body),
    );
    app.addContentTypeParser("*", (_req, _payload, done) =>
      done(new EwpRefusal(415, "Send parameters in the query string or as application/x-www-form-urlencoded."), null),
    );

    const xml = (reply: FastifyReply, status: number, body: string) =>
      reply.status(status).type("application/xml; charset=utf-8").send(body);

    app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
      const status =
        error instanceof EwpRefusal
          ? error.status
          : error.statusCode && error.statusCode >= 400 && error.statusCode < 500
            ? error.statusCode
            : 500;
      if (status === 500) request.log.error({ err: error }, "EWP endpoint failed");
      const message = status === 500 ? "The server failed to answer; try again later." : error.message;
      request.ewpError = message;
      return xml(reply, status, writeErrorResponse(message));
    });
    app.setNotFoundHandler((request, reply) => {
      request.ewpError = "No such EWP endpoint";
      return xml(
        reply,
        404,
        writeErrorResponse(`No EWP endpoint answers ${request.method} ${request.url.split("?")[0]}.`),
      );
    });

    app.addHook("onSend", async (request, reply, payload) => {
      if (!wantsSignedResponse(request.headers) || typeof payload !== "string") return payload;
      const { server } = await ctx.keys.get();
      const requestId = request.headers["x-request-id"];
      reply.headers(
        signResponse({
          body: payload,
          requestId: typeof requestId === "string" ? requestId : undefined,
          requestAuthorization: request.headers.authorization,
          keyId: server.keyId,
          privateKeyPem: server.privateKeyPem,
          now: ctx.clock.now(),
        }),
      );
      return payload;
    });

    app.addHook("onResponse", async (request, reply) => {
      const api = (request.routeOptions.config as { ewpApi?: string }).ewpApi;
      if (api === "discovery") return;
      const params = paramsOf(request);
      const iiaId = params.get("iia_id");
      const partner = request.ewpCaller?.heiIds[0] ?? null;
      await logCall(ctx.db, {
        at: ctx.clock.now().toISOString(),
        direction: "in",
        api: api ?? "unknown",
        method: request.method,
        url: request.url.slice(0, 2000),
        status: reply.statusCode,
        duration_ms: Math.round(reply.elapsedTime),
        error: request.ewpError ?? null,
        partner_hei_id: partner,
        iia_id: iiaId,
        agreement_id: await agreementOfIiaId(ctx.db, iiaId, null),
        outbox_id: null,
      }).catch((err) => request.log.warn({ err }, "an EWP call could not be logged"));
    });

    const auth = { db: ctx.db, clock: ctx.clock, catalogue: ctx.catalogue, host };
    const route = (path: string, api: string, methods: Array<"GET" | "POST">, answer: Answer) =>
      app.route({
        method: methods,
        url: path,
        schema: { hide: true },
        config: { ewpApi: api },
        handler: async (request, reply) => {
          const caller = await authenticate(request, auth);
          request.ewpCaller = caller;
          return xml(reply, 200, await answer(caller, paramsOf(request)));
        },
      });

    app.get(
      EWP_ENDPOINT_PATHS.manifest,
      { schema: { hide: true }, config: { ewpApi: "discovery" } },
      async (_r, reply) => xml(reply, 200, await node.manifest()),
    );
    const both: Array<"GET" | "POST"> = ["GET", "POST"];
    route(EWP_ENDPOINT_PATHS.echo, "echo", both, (caller, p) => node.echo(caller, p.getAll("echo")));
    route(EWP_ENDPOINT_PATHS.iiasGet, "iias", both, (caller, p) => node.iiasGet(caller, p.getAll("iia_id")));
    route(EWP_ENDPOINT_PATHS.iiasIndex, "iias", both, (caller, p) =>
      node.iiasIndex(caller, p.get("modified_since") ?? undefined, p.getAll("receiving_academic_year_id")),
    );
    route(EWP_ENDPOINT_PATHS.iiaCnr, "iia-cnr", ["POST"], (caller, p) =>
      node.iiaCnr(caller, first(p, "notifier_hei_id"), first(p, "iia_id")),
    );
    route(EWP_ENDPOINT_PATHS.iiasApproval, "iias-approval", both, (caller, p) =>
      node.approvals(caller, p.getAll("iia_id")),
    );
    route(EWP_ENDPOINT_PATHS.iiaApprovalCnr, "iia-approval-cnr", ["POST"], (caller, p) =>
      node.approvalCnr(caller, first(p, "approving_hei_id"), first(p, "iia_id")),
    );
    route(EWP_ENDPOINT_PATHS.institutions, "institutions", both, (_c, p) => node.institutions(p.getAll("hei_id")));
    route(EWP_ENDPOINT_PATHS.ounits, "organizational-units", both, (_c, p) =>
      node.ounits(first(p, "hei_id"), p.getAll("ounit_id"), p.getAll("ounit_code")),
    );
    route(EWP_ENDPOINT_PATHS.factsheet, "factsheet", both, (_c, p) => node.factsheet(p.getAll("hei_id")));
  };
}
