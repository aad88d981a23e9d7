import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { poolOf } from "#db/connection.js";
import type { DB } from "#db/schema.js";
import { AppError } from "#shared/app-error.js";
import type { RunJob } from "#shared/scheduled-job.js";
import { toProblem } from "./problem.js";

/** What an app measures beyond HTTP: the scheduled jobs started beside it count their passes here. */
export interface AppMetrics {
  runJob: RunJob;
  /** Counts a pass this process left to another that was running the same job (shared/job-lock.ts). */
  skipJob: (job: string) => void;
}

declare module "fastify" {
  interface FastifyInstance {
    metrics: AppMetrics;
  }
}

export const METRICS_PATH = "/metrics";

/** A route pattern for requests no route matched, so unknown addresses cannot multiply the series. */
const UNMATCHED = "unmatched";

/**
 * The process's own figures (memory, CPU, event loop, garbage collection), collected once per
 * process into a registry of their own: every app built in the process shows the same ones, and
 * a second app never registers them twice.
 */
let processRegistry: Registry | null = null;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/**
 * Without a token, only a request made on this machine may read the figures; one relayed by a
 * proxy on this machine says so in its forwarding headers and is refused. With a token, only
 * `Authorization: Bearer <token>` may, wherever it comes from.
 */
function mayRead(request: FastifyRequest, token: string | undefined): boolean {
  if (!token) {
    const relayed = request.headers["x-forwarded-for"] !== undefined || request.headers.forwarded !== undefined;
    return !relayed && LOOPBACK.test(request.ip);
  }
  const sent = /^bearer +(\S+) *$/i.exec(request.headers.authorization ?? "")?.[1];
  return sent !== undefined && sameSecret(sent, token);
}

/** Compares digests, so the time taken says nothing about how much of the token was right. */
function sameSecret(a: string, b: string): boolean {
  const digest = (text: string) => createHash("sha256").update(text).digest();
  return timingSafeEqual(digest(a), digest(b));
}

/**
 * The answer to a reader who may not read: the API's own 404 for an address it does not serve.
 * It is sent from here, since the app's not-found handler expects the hooks this one runs before.
 */
function refuse(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const path = request.url.split("?")[0] ?? "";
  const missing = new AppError("not_found", "No route for {{method}} {{path}}.", {
    params: { method: request.method, path },
  });
  return reply.status(404).type("application/problem+json").send(toProblem(missing));
}

/** The database pool: PostgreSQL's clients in use, idle and waited for; SQLite's one connection. */
function registerPoolGauges(registry: Registry, db: Kysely<DB>): void {
  const pool = poolOf(db);
  new Gauge({
    name: "db_pool_connections",
    help: "Connections the database pool holds",
    registers: [registry],
    collect() {
      this.set(pool ? pool.totalCount : 1);
    },
  });
  if (!pool) return;
  new Gauge({
    name: "db_pool_idle_connections",
    help: "Connections of the pool waiting for a query",
    registers: [registry],
    collect() {
      this.set(pool.idleCount);
    },
  });
  new Gauge({
    name: "db_pool_waiting_clients",
    help: "Queries waiting for a connection of the pool",
    registers: [registry],
    collect() {
      this.set(pool.waitingCount);
    },
  });
}

/** Counts each pass of a scheduled job, its failures and its duration. */
function jobMetrics(registry: Registry): RunJob {
  const runs = new Counter({
    name: "jobs_runs_total",
    help: "Passes of each scheduled job",
    labelNames: ["job"],
    registers: [registry],
  });
  const failures = new Counter({
    name: "jobs_failures_total",
    help: "Passes of each scheduled job that failed",
    labelNames: ["job"],
    registers: [registry],
  });
  const duration = new Histogram({
    name: "job_duration_seconds",
    help: "How long each pass of a scheduled job took",
    labelNames: ["job"],
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
    registers: [registry],
  });
  return async (job, run) => {
    const stopTimer = duration.startTimer({ job });
    // A job's failure series exists from its first pass, so a rate over it reads 0, not nothing.
    failures.inc({ job }, 0);
    try {
      return await run();
    } catch (err) {
      failures.inc({ job });
      throw err;
    } finally {
      runs.inc({ job });
      stopTimer();
    }
  };
}

/** Counts the passes of each job left to another process of the installation, which was running it. */
function skippedJobs(registry: Registry): (job: string) => void {
  const skipped = new Counter({
    name: "jobs_skipped_total",
    help: "Passes of each scheduled job skipped because another process was running the job",
    labelNames: ["job"],
    registers: [registry],
  });
  return (job) => skipped.inc({ job });
}

/**
 * `GET /metrics` in Prometheus's text format: the process, HTTP requests by route pattern, the
 * database pool and the scheduled jobs, from a registry of this app's own. Each response costs
 * one counter and one histogram step, no database call. The address answers a reader that
 * `mayRead` admits and is the API's 404 to anyone else. It answers in the first request hook,
 * ahead of the session and API-token checks, because its bearer is METRICS_TOKEN and not an API
 * token; so this must be registered before the authentication.
 */
export function registerMetrics(app: FastifyInstance, options: { token: string | undefined; db: Kysely<DB> }): void {
  const registry = new Registry();
  const requests = new Counter({
    name: "http_requests_total",
    help: "HTTP requests answered, by method, route pattern and status",
    labelNames: ["method", "route", "status"],
    registers: [registry],
  });
  const durations = new Histogram({
    name: "http_request_duration_seconds",
    help: "Time from receiving a request to finishing its response, by method, route pattern and status",
    labelNames: ["method", "route", "status"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  registerPoolGauges(registry, options.db);
  app.decorate("metrics", { runJob: jobMetrics(registry), skipJob: skippedJobs(registry) });

  app.addHook("onResponse", (request, reply, done) => {
    const labels = {
      method: request.method,
      route: request.routeOptions.url ?? UNMATCHED,
      status: String(reply.statusCode),
    };
    requests.inc(labels);
    durations.observe(labels, reply.elapsedTime / 1000);
    done();
  });

  const answer = async (reply: FastifyReply) => {
    const text = (await processMetrics().metrics()) + (await registry.metrics());
    return reply.type(registry.contentType).header("cache-control", "no-store").send(text);
  };
  app.addHook("onRequest", (request, reply, done) => {
    if (request.routeOptions.url !== METRICS_PATH) return done();
    if (!mayRead(request, options.token)) return void refuse(request, reply);
    answer(reply).catch((err: unknown) => reply.send(err));
  });
  // Matched so the hook above sees it; the hook always answers before this handler is reached.
  app.get(METRICS_PATH, { schema: { hide: true } }, (_request, reply) => answer(reply));
}
