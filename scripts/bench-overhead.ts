/**
 * Request overhead: GET /api/health of the whole application (every hook, the request log at
 * info level written to a file, as in production) beside a bare Node `http` server answering the
 * same bytes, in the same process, loaded alternately by autocannon from a worker thread so the
 * load itself does not share the server's thread.
 */
import { createServer } from "node:http";
import { join } from "node:path";
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { buildApp, type Config, createLogger, type Services } from "@conventio/server";
import autocannon from "autocannon";
import Fastify from "fastify";
import pino from "pino";
import { inWorker } from "./bench-worker.js";

export interface Rate {
  requestsPerSecond: number;
  errors: number;
}

interface Job {
  url: string;
  seconds: number;
  connections: number;
}

async function load(job: Job): Promise<Rate> {
  const r = await new Promise<autocannon.Result>((resolve, reject) => {
    autocannon({ url: job.url, connections: job.connections, duration: job.seconds }, (error: unknown, done) =>
      error ? reject(error) : resolve(done),
    );
  });
  // In a worker thread autocannon hands back its histograms encoded: the totals are read instead.
  const { totalCompletedRequests } = r as autocannon.Result & { totalCompletedRequests: number };
  return { requestsPerSecond: totalCompletedRequests / r.duration, errors: r.errors + r.non2xx };
}

/** Runs one load in a worker thread that loads this very file. */
function loadInWorker(job: Job): Promise<Rate> {
  return inWorker<Rate>(import.meta.url, "benchOverheadJob", job);
}

/** A bare Node server answering the body /api/health answers, with the same content type. */
export async function bareServer(body: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, {
      "content-type": "application/json; charset=utf-8",
      "content-length": Buffer.byteLength(body),
    });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Loads each address `rounds` times, in turn, and keeps each one's best round: the figure least
 * disturbed by whatever else the machine was doing meanwhile.
 */
export async function compareRates<K extends string>(
  urls: Record<K, string>,
  { seconds = 3, rounds = 3, connections = 10 } = {},
): Promise<Record<K, Rate>> {
  const best = {} as Record<K, Rate>;
  for (let i = 0; i < rounds; i++) {
    for (const key of Object.keys(urls) as K[]) {
      const rate = await loadInWorker({ url: urls[key], seconds, connections });
      if (!best[key] || rate.requestsPerSecond > best[key].requestsPerSecond) best[key] = rate;
    }
  }
  return best;
}

/**
 * The whole application as production runs it (request log at info, written to a file), its
 * `/api/health` beside a bare Node server and a bare Fastify route answering the same bytes.
 */
export async function benchOverhead(options: {
  services: Services;
  config: Config;
  dir: string;
  seconds: number;
  line: (label: string, value: string) => void;
}): Promise<void> {
  const { services, config, dir, line } = options;
  const log = createLogger({ ...config, LOG_LEVEL: "info" }, pino.destination({ dest: join(dir, "overhead.log") }));
  const app = await buildApp({ config, services, log });
  const base = await app.listen({ host: "127.0.0.1", port: 0 });
  const body = await (await fetch(`${base}/api/health`)).text();
  const bare = await bareServer(body);
  const fastify = Fastify();
  fastify.get("/api/health", (_request, reply) => reply.type("application/json; charset=utf-8").send(body));
  const fastifyBase = await fastify.listen({ host: "127.0.0.1", port: 0 });
  const rates = await compareRates(
    { app: `${base}/api/health`, http: bare.url, fastify: `${fastifyBase}/api/health` },
    { seconds: Math.min(options.seconds, 3) },
  );
  const rps = (r: Rate) => `${Math.round(r.requestsPerSecond)} req/s${r.errors ? `, ${r.errors} errors` : ""}`;
  line("/api/health, whole app (10 connections)", rps(rates.app));
  line("bare Node http server, same body", rps(rates.http));
  line("bare Fastify route, same body", rps(rates.fastify));
  const ratio = (a: Rate, b: Rate) => (a.requestsPerSecond / b.requestsPerSecond).toFixed(2);
  line("  app / bare Node http", `${ratio(rates.app, rates.http)} (goal: at least 0.80)`);
  line("  app / bare Fastify", ratio(rates.app, rates.fastify));
  line("  bare Fastify / bare Node http", ratio(rates.fastify, rates.http));
  await Promise.all([app.close(), bare.close(), fastify.close()]);
}

// In the worker thread: run the load handed over and send its figures back.
const job = isMainThread ? undefined : (workerData as { benchOverheadJob?: Job })?.benchOverheadJob;
if (job) parentPort?.postMessage(await load(job));
