import type { FastifyInstance } from "fastify";
import type { Logger } from "#shared/logger.js";

/** How long requests in flight and a scheduled job's pass get to finish once shutdown begins. */
export const SHUTDOWN_GRACE_MS = 10_000;

/** How often connections left idle by a finished response are closed while shutting down. */
const IDLE_SWEEP_MS = 100;

/**
 * Stops the HTTP server gracefully: /ready answers 503 at once, no new connection is accepted,
 * requests in flight finish, and each keep-alive connection is closed as soon as its response
 * has gone (Node only closes those idle at the moment it stops listening). Whatever is still
 * open after `graceMs` is cut.
 */
export async function closeHttp(app: FastifyInstance, log: Logger, graceMs = SHUTDOWN_GRACE_MS): Promise<void> {
  app.readiness.beginShutdown();
  const sweep = setInterval(() => app.server.closeIdleConnections(), IDLE_SWEEP_MS);
  const cut = setTimeout(() => {
    log.warn({ graceMs }, "requests still in flight at the end of the shutdown grace period were cut");
    app.server.closeAllConnections();
  }, graceMs);
  try {
    await app.close();
  } finally {
    clearInterval(sweep);
    clearTimeout(cut);
  }
}

/** Waits for `work`, but no longer than `ms`; says whether it finished in time. */
export async function within(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([work.then(() => true), late]);
  } finally {
    clearTimeout(timer);
  }
}
