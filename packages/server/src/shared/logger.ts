import pino, { type Logger } from "pino";
import type { Config } from "#config.js";

export type { Logger };

/** One pino logger for the process; Fastify uses it for request logs too. */
export function createLogger(config: Pick<Config, "LOG_LEVEL" | "NODE_ENV">): Logger {
  return pino({
    level: config.LOG_LEVEL,
    redact: { paths: ["req.headers.cookie", "req.headers['x-csrf-token']", "*.password"], censor: "[redacted]" },
  });
}
