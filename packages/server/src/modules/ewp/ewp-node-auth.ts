import type { FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import type { DB } from "#db/schema.js";
import type { Clock } from "#shared/clock.js";
import { heisCoveredByClientKey } from "./ewp-catalogue.js";
import type { EwpCatalogueSource } from "./ewp-catalogue-source.js";
import { pemOfBase64Key } from "./ewp-keys.js";
import { type EwpCaller, EwpRefusal } from "./ewp-node.service.js";
import { verifyRequest } from "./http-signature.js";
import { CLOCK_SKEW_MS } from "./http-signature-core.js";

export interface EwpAuthContext {
  db: Kysely<DB>;
  clock: Clock;
  catalogue: EwpCatalogueSource;
  /** The host (and port) the endpoints are published under; a request signed for another is refused. */
  host: string;
}

/** The raw body as signed: the form of a POST, or nothing. */
export function rawBodyOf(request: FastifyRequest): string {
  if (request.body === undefined || request.body === null) return "";
  if (typeof request.body === "string") return request.body;
  throw new EwpRefusal(415, "Send parameters in the query string or as application/x-www-form-urlencoded.");
}

/**
 * Authenticates an EWP request by its HTTP signature: the key must be a client key of the
 * Registry catalogue, the signature, date and digest must hold, and the request id must not
 * have been seen inside the five-minute window. The caller covers what the catalogue says.
 */
export async function authenticate(request: FastifyRequest, ctx: EwpAuthContext): Promise<EwpCaller> {
  const body = rawBodyOf(request);
  let catalogue: Awaited<ReturnType<EwpCatalogueSource["get"]>>;
  try {
    catalogue = await ctx.catalogue.get();
  } catch {
    throw new EwpRefusal(503, "The Registry catalogue cannot be read, so no caller can be identified now.");
  }
  const now = ctx.clock.now();
  const result = verifyRequest({
    method: request.method,
    pathWithQuery: request.url,
    headers: request.headers,
    body,
    publicKeyOf: (keyId) => {
      const isClientKey = catalogue.hosts.some((h) => h.clientKeyIds.includes(keyId));
      const key = isClientKey ? catalogue.keys.get(keyId) : undefined;
      return key ? pemOfBase64Key(key) : null;
    },
    now,
    expectedHost: ctx.host,
  });
  if (!result.ok) throw new EwpRefusal(result.status, `HTTP signature refused: ${result.reason}.`);
  if (!/^[\x21-\x7e]{1,255}$/.test(result.requestId)) {
    throw new EwpRefusal(400, "The X-Request-Id must be 1–255 printable ASCII characters.");
  }
  const seenAt = now.toISOString();
  await ctx.db
    .deleteFrom("ewp_request_seen")
    .where("seen_at", "<", new Date(now.getTime() - 2 * CLOCK_SKEW_MS).toISOString())
    .execute();
  const inserted = await ctx.db
    .insertInto("ewp_request_seen")
    .values({ request_id: result.requestId, key_id: result.keyId, seen_at: seenAt })
    .onConflict((oc) => oc.column("request_id").doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) {
    throw new EwpRefusal(400, `The request id ${result.requestId} was already used: a replayed request is refused.`);
  }
  return { keyId: result.keyId, heiIds: heisCoveredByClientKey(catalogue, result.keyId) };
}
