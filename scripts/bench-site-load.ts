/**
 * Time to first byte of public pages over loopback: one request after another on a kept-alive
 * connection, then many at once through autocannon. Every page of a run gets its own address
 * (another agreement, another filter), so no figure is one cached answer repeated.
 *
 * The clients run in a worker thread of their own: the server answers in the main thread, where
 * a synchronous SQLite call holds everything else, and a client there would neither send nor
 * time anything while it runs.
 */
import { Agent, get } from "node:http";
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import autocannon from "autocannon";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { inWorker as runInWorker } from "./bench-worker.js";

/** What a browser asks for: the answer is compressed as a reader would get it. */
const HEADERS = { accept: "text/html", "accept-encoding": "gzip, deflate, br" };

export interface Timings {
  /** Milliseconds to the first byte of the answer (to the last, with autocannon), one per request. */
  times: number[];
  /** Answers that were not 200, and requests that failed. */
  failures: number;
  seconds: number;
}

export interface LoadTimings extends Timings {
  /** Answers a second. */
  requestsPerSecond: number;
  /** Requests given up after autocannon's 10 s: counted apart from other failures. */
  timeouts: number;
}

interface SequentialJob {
  kind: "sequential";
  base: string;
  paths: readonly string[];
  warmUp: readonly string[];
  maxSeconds: number;
}

interface ConcurrentJob {
  kind: "concurrent";
  base: string;
  paths: readonly string[];
  connections: number;
  amount: number;
  maxSeconds: number;
  expectedMsEach: number;
}

export const percentile = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};

/** One GET: the time until the answer's status line and headers arrive, then the body read to its end. */
function firstByte(url: string, agent: Agent): Promise<{ ms: number; status: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = get(url, { agent, headers: HEADERS }, (res) => {
      const ms = performance.now() - started;
      res.resume();
      res.on("end", () => resolve({ ms, status: res.statusCode ?? 0 }));
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}

async function runSequential({ base, paths, warmUp, maxSeconds }: SequentialJob): Promise<Timings> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    for (const path of warmUp) await firstByte(`${base}${path}`, agent);
    const times: number[] = [];
    let failures = 0;
    const started = performance.now();
    for (const path of paths) {
      const { ms, status } = await firstByte(`${base}${path}`, agent);
      times.push(ms);
      if (status !== 200) failures++;
      if (performance.now() - started > maxSeconds * 1000) break;
    }
    return { times, failures, seconds: (performance.now() - started) / 1000 };
  } finally {
    agent.destroy();
  }
}

async function runConcurrent(job: ConcurrentJob): Promise<LoadTimings> {
  const { base, paths, connections, amount, maxSeconds, expectedMsEach } = job;
  let next = 0;
  const times: number[] = [];
  // The server answers in one thread: clients at once share it, so a run takes about amount × each.
  const bounded = (amount * expectedMsEach) / 1000 > maxSeconds;
  const options: autocannon.Options = {
    url: base,
    connections,
    ...(bounded ? { duration: maxSeconds } : { amount }),
    headers: HEADERS,
    requests: [
      {
        method: "GET",
        setupRequest: (request) => {
          const path = paths[next % paths.length] ?? "/";
          next++;
          return { ...request, path };
        },
      },
    ],
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error: unknown, done: autocannon.Result) =>
      error ? reject(error) : resolve(done),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => {
      times.push(responseTime);
    });
  });
  return {
    times,
    failures: result.errors - result.timeouts + result.non2xx,
    timeouts: result.timeouts,
    seconds: result.duration,
    requestsPerSecond: times.length / result.duration,
  };
}

/** Runs a job in a worker thread that loads this very file. */
function inWorker<T>(job: SequentialJob | ConcurrentJob): Promise<T> {
  return runInWorker<T>(import.meta.url, "benchSiteJob", job);
}

/**
 * Requests each path once, one after another, after a warm-up over `warmUp` paths; stops early
 * after `maxSeconds` so a slow page does not hold the whole bench (the count says how many ran).
 */
export function sequential(
  base: string,
  paths: readonly string[],
  warmUp: readonly string[],
  maxSeconds: number,
): Promise<Timings> {
  return inWorker({ kind: "sequential", base, paths, warmUp, maxSeconds });
}

/**
 * `connections` clients at once, each taking the next path of the list in turn, through
 * autocannon. Its per-request time runs to the answer's last byte, so it bounds the time to the
 * first byte from above. `amount` requests in all, or `maxSeconds` when they would take longer.
 */
export function concurrent(
  base: string,
  paths: readonly string[],
  connections: number,
  amount: number,
  maxSeconds: number,
  expectedMsEach: number,
): Promise<LoadTimings> {
  return inWorker({ kind: "concurrent", base, paths, connections, amount, maxSeconds, expectedMsEach });
}

/**
 * Counts the requests the server is still working on, including those whose client gave up: a
 * page abandoned after a timeout is still being made, and would slow whatever is measured next.
 * A request is done when its answer is handed over to be sent, which happens even when the client left.
 */
export function trackRequests(app: FastifyInstance): { settle(maxSeconds: number): Promise<number> } {
  const open = new Set<FastifyRequest>();
  app.addHook("onRequest", async (request) => {
    open.add(request);
  });
  app.addHook("onSend", async (request) => {
    open.delete(request);
  });
  return {
    /** Waits until no request is open (or `maxSeconds` pass); returns the seconds waited. */
    async settle(maxSeconds) {
      const started = performance.now();
      while (open.size > 0 && performance.now() - started < maxSeconds * 1000) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return (performance.now() - started) / 1000;
    },
  };
}

// In the worker thread: run the job handed over and send its figures back.
const job = isMainThread ? undefined : (workerData as { benchSiteJob?: SequentialJob | ConcurrentJob })?.benchSiteJob;
if (job) parentPort?.postMessage(job.kind === "sequential" ? await runSequential(job) : await runConcurrent(job));
