import pino, { type DestinationStream, type Logger } from "pino";
import type { Config } from "#config.js";
import { requestIdMixin } from "./request-context.js";

export type { Logger };

/**
 * One pino logger for the process; Fastify uses it for request logs too. A line written while a
 * request is served, by any code under it, carries the request's `reqId`. Lines go to standard
 * output unless another destination is given.
 */
export function createLogger(config: Pick<Config, "LOG_LEVEL" | "NODE_ENV">, destination?: DestinationStream): Logger {
  const options = {
    level: config.LOG_LEVEL,
    redact: { paths: ["req.headers.cookie", "req.headers['x-csrf-token']", "*.password"], censor: "[redacted]" },
    mixin: requestIdMixin,
  };
  return destination ? pino(options, destination) : pino(options);
}
