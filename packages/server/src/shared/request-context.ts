import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { FastifyBaseLogger, FastifyInstance } from "fastify";
import type { Bindings, ChildLoggerOptions, Logger } from "pino";

/** What every log line written while serving a request should know about it. */
interface RequestContext {
  reqId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** A request id sent by a proxy or a client is kept when it is a plain token; anything else is replaced. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Marks the loggers Fastify makes for a request, which already carry `reqId` among their bindings. */
const BOUND_TO_REQUEST = Symbol("boundToRequest");

/** The id of the request being served, wherever the code runs under it; undefined outside requests. */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.reqId;
}

/**
 * Fastify's `genReqId`: the incoming `x-request-id` when it is sane (64 characters at most of
 * letters, digits, dot, underscore and hyphen), so one id follows a request across machines;
 * otherwise a new random one.
 */
export function requestIdOf(req: IncomingMessage): string {
  const sent = req.headers["x-request-id"];
  return typeof sent === "string" && SANE_REQUEST_ID.test(sent) ? sent : randomUUID();
}

/** Fastify's `childLoggerFactory`: the usual child with `reqId`, marked so the mixin does not add it twice. */
export function requestLogger(
  logger: FastifyBaseLogger,
  bindings: Bindings,
  options: ChildLoggerOptions,
): FastifyBaseLogger {
  const child = logger.child(bindings, options);
  (child as unknown as Record<symbol, boolean>)[BOUND_TO_REQUEST] = true;
  return child;
}

/**
 * pino's `mixin`: a line written under a request by a logger that does not already say which
 * (a service's `deps.log`, the mailer) gains the request's `reqId`.
 */
export function requestIdMixin(_object: object, _level: number, logger: Logger): { reqId?: string } {
  if ((logger as unknown as Record<symbol, boolean | undefined>)[BOUND_TO_REQUEST]) return {};
  const reqId = storage.getStore()?.reqId;
  return reqId === undefined ? {} : { reqId };
}

/**
 * Opens the request's context before any other hook and sends its id back in `x-request-id`.
 * Everything after runs inside it, including the handler once Fastify has read the body (its
 * body parsing keeps the context) and the services the handler calls.
 */
export function registerRequestContext(app: FastifyInstance): void {
  app.addHook("onRequest", (request, reply, done) => {
    reply.header("x-request-id", request.id);
    storage.run({ reqId: request.id }, done);
  });
}
