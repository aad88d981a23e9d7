import type { FastifyInstance } from "fastify";
import { DEFAULT_MIGRATION_TABLE, type Kysely, sql } from "kysely";
import { MIGRATION_NAMES } from "#db/migrate.js";
import type { DB } from "#db/schema.js";

/** Whether this instance should be sent traffic; shutdown turns it off before anything closes. */
export interface Readiness {
  /** From now on /ready answers 503, so a load balancer stops sending requests here. */
  beginShutdown(): void;
  readonly shuttingDown: boolean;
}

declare module "fastify" {
  interface FastifyInstance {
    readiness: Readiness;
  }
}

/**
 * Probes are asked every few seconds by every load balancer and orchestrator: their requests are
 * not written to the log, whose info lines would otherwise be mostly them. A failure still is.
 */
export const PROBE_LOG_LEVEL = "warn";

/** Why the instance is not ready, as a problem+json body; null when it is. */
interface NotReady {
  detail: string;
  missing: string[];
}

/** The migrations this version knows that the database has not applied. */
async function pendingMigrations(db: Kysely<DB>): Promise<string[]> {
  const applied = await sql<{ name: string }>`select name from ${sql.table(DEFAULT_MIGRATION_TABLE)}`.execute(db);
  const done = new Set(applied.rows.map((row) => row.name));
  return MIGRATION_NAMES.filter((name) => !done.has(name));
}

async function notReady(db: Kysely<DB>, readiness: Readiness): Promise<NotReady | null> {
  if (readiness.shuttingDown) return { detail: "The server is shutting down.", missing: ["shutdown"] };
  try {
    await sql`select 1`.execute(db);
  } catch {
    return { detail: "The database does not answer.", missing: ["database"] };
  }
  let pending: string[];
  try {
    pending = await pendingMigrations(db);
  } catch {
    return { detail: "The database has no migrations applied.", missing: [...MIGRATION_NAMES] };
  }
  if (pending.length === 0) return null;
  return { detail: `Migrations not applied: ${pending.join(", ")}.`, missing: pending };
}

/**
 * `GET /health` says the process answers, without touching the database, for a liveness probe.
 * `GET /ready` says the instance can serve: the database answers, every migration this version
 * knows is applied and shutdown has not begun; otherwise 503 problem+json whose `missing` names
 * what is lacking ("shutdown", "database" or the pending migrations). Neither is part of the
 * public API document; `/api/health` stays for the clients that already call it.
 */
export function registerHealth(app: FastifyInstance, db: Kysely<DB>): void {
  let shuttingDown = false;
  const readiness: Readiness = {
    beginShutdown() {
      shuttingDown = true;
    },
    get shuttingDown() {
      return shuttingDown;
    },
  };
  app.decorate("readiness", readiness);
  // However the app comes to close, it stops calling itself ready first.
  app.addHook("preClose", (done) => {
    shuttingDown = true;
    done();
  });

  app.get("/health", { schema: { hide: true }, logLevel: PROBE_LOG_LEVEL }, async () => ({ status: "ok" }));
  app.get("/ready", { schema: { hide: true }, logLevel: PROBE_LOG_LEVEL }, async (_request, reply) => {
    const problem = await notReady(db, readiness);
    if (!problem) return { status: "ready" };
    return reply
      .status(503)
      .type("application/problem+json")
      .header("cache-control", "no-store")
      .send({ type: "https://conventio.org/problems/not-ready", title: "Not ready", status: 503, ...problem });
  });
}
