/**
 * The public site at scale, rendered on the server (decision 028): on the bench's database, with
 * the real HTTP app and the web build, over loopback:
 *   - time to first byte p50 / p95 of a partnership's page (a different public agreement each
 *     request), of the partnership list (under its filters) and of the home page, one request
 *     after another and with 8 connections at once, beside the goal (p95 under 100 ms);
 *   - largest contentful paint in Chromium of the partnership page, the list, home and the map;
 *   - the JavaScript each public page loads (scripts and module preloads), raw and gzipped as
 *     served, beside the 150 KiB gzipped budget.
 * When the data has no public agreement, the agreements past signature and their partners are
 * made public first, through SQL, with their public search documents.
 * Alone, on a smaller generated data set:
 *   npx tsx scripts/bench-site.ts [--engine postgres] [--organisations 5000] [--agreements 20000]
 *     [--requests 200] [--max-seconds 10]
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import {
  aliasesOfRor,
  buildApp,
  candidateFromRor,
  connect,
  createLogger,
  createServices,
  type Database,
  loadConfig,
  migrateToLatest,
  readRorRecords,
  SYSTEM_ACTOR,
} from "@conventio/server";
import { sql } from "kysely";
import { javascriptOf } from "./bench-site-javascript.js";
import { concurrent, percentile, sequential, type Timings, trackRequests } from "./bench-site-load.js";
import { measurePaint } from "./bench-site-paint.js";
import { generateAgreements } from "./generate-agreements.js";

type AppOptions = Parameters<typeof buildApp>[0];

export interface SiteBench {
  database: Database;
  services: AppOptions["services"];
  config: AppOptions["config"];
  log: AppOptions["log"];
  line: (label: string, value: string) => void;
  /** Requests per page, one after another and again with 8 connections; 500 unless told. */
  requests?: number;
  /** A run of one page stops after this long, saying how many requests it made; 30 s unless told. */
  maxSeconds?: number;
}

/** What the public pages aim at: answered within 100 ms, and no more than 150 KiB of gzipped JavaScript. */
const GOAL_TTFB_MS = 100;
const BUDGET_GZIP_KIB = 150;
const CONNECTIONS = 8;
const PAINT_LOADS = 5;

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const RENDERER = join(ROOT, "packages/web/dist/server/render.js");

const ms = (x: number) => `${x.toFixed(1)} ms`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const verdict = (met: boolean) => (met ? "goal met" : "NOT met");

/** The public pages need the web build; it is made when missing. */
function ensureWebBuild(): void {
  if (existsSync(RENDERER)) return;
  const run = spawnSync("npm", ["run", "build", "-w", "@conventio/web"], { cwd: ROOT, stdio: "inherit" });
  if (run.status !== 0) throw new Error("npm run build -w @conventio/web failed.");
}

/**
 * Makes the agreements past signature public, with their public search documents (the generated
 * documents hold only what a public page shows), and the organisations party to them, when no
 * agreement is public yet. Returns how many agreements are public, and how long publishing took.
 */
export async function publishForBench(database: Database): Promise<{ agreements: number; seconds: number }> {
  const { db } = database;
  const publicAgreements = async () =>
    Number(
      (
        await db
          .selectFrom("agreement")
          .select(({ fn }) => fn.countAll<string | number>().as("n"))
          .where("visibility", "=", "public")
          .executeTakeFirstOrThrow()
      ).n,
    );
  const already = await publicAgreements();
  if (already > 0) return { agreements: already, seconds: 0 };
  const started = performance.now();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("agreement")
      .set({ visibility: "public" })
      .where("status", "not in", ["draft", "negotiation", "awaiting_signature"])
      .execute();
    await sql`insert into search_document (entity, entity_id, body)
      select 'agreement_public', d.entity_id, d.body from search_document d
      inner join agreement a on a.id = d.entity_id
      where d.entity = 'agreement' and a.visibility = 'public'`.execute(trx);
    await trx
      .updateTable("organisation")
      .set({ visibility: "public" })
      .where("visibility", "!=", "public")
      .where("id", "in", (eb) =>
        eb
          .selectFrom("agreement_party as p")
          .innerJoin("agreement as a", "a.id", "p.agreement_id")
          .select("p.organisation_id")
          .where("a.visibility", "=", "public"),
      )
      .execute();
  });
  if (database.dialect === "postgres") await sql`vacuum agreement, organisation, search_document`.execute(db);
  await sql`analyze`.execute(db);
  return { agreements: await publicAgreements(), seconds: (performance.now() - started) / 1000 };
}

/** `count` items spread evenly over the list, from `offset` on. */
function spread<T>(items: readonly T[], count: number, offset = 0): T[] {
  const step = Math.max(1, Math.floor(items.length / count));
  const out: T[] = [];
  for (let i = 0; out.length < count && items.length > 0; i++) out.push(items[(offset + i * step) % items.length] as T);
  return out;
}

/** The partnership list as readers filter it: by country, kind, theme, status, words, and two at once. */
const LIST_FILTERS = [
  "",
  "?country=FR",
  "?country=DE",
  "?country=US",
  "?country=JP",
  "?country=SE",
  "?kind=bilateral_exchange",
  "?kind=cotutelle",
  "?kind=double_degree",
  "?theme=Climate",
  "?theme=Health",
  "?status=active",
  "?status=expiring",
  "?status=terminated",
  "?q=exchange",
  "?q=universite",
  "?q=research%20tech",
  "?q=kyoto",
  "?country=FR&kind=bilateral_exchange",
  "?theme=Mobility&status=active",
];

const BARE_PAGE =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Floor</title></head>' +
  "<body><h1>One heading</h1><p>A line of text.</p></body></html>";

export async function benchSite(bench: SiteBench): Promise<void> {
  const { database, services, config, log, line, requests = 500, maxSeconds = 30 } = bench;
  const started = performance.now();
  ensureWebBuild();
  const published = await publishForBench(database);
  line(
    "public agreements",
    `${published.agreements}${published.seconds ? ` (made public in ${published.seconds.toFixed(1)} s)` : ""}`,
  );
  // Figures of a busy machine are not those of a quiet one: the load says which this was.
  const load = () => loadavg()[0]?.toFixed(1) ?? "?";
  line("load average (1 min) at start", `${load()} on ${availableParallelism()} cores`);

  const app = await buildApp({ config, services, log, serveWeb: true });
  const server = trackRequests(app);
  const base = await app.listen({ host: "127.0.0.1", port: 0 });
  // Pages abandoned by a client that gave up are still being made: the next figure waits for them.
  const settle = async () => {
    const waited = await server.settle(300);
    if (waited >= 1) line("  waited for abandoned requests", `${waited.toFixed(0)} s`);
  };
  try {
    const { db } = database;
    const ids = (
      await db.selectFrom("agreement").select("id").where("visibility", "=", "public").orderBy("id").execute()
    ).map((r) => r.id);
    const partnerships = spread(ids, requests + 50).map((id) => `/en/partnerships/${encodeURIComponent(id)}`);
    const lists = spread(LIST_FILTERS, requests, 0).map((q) => `/en/partnerships${q}`);
    const runs: Array<{ label: string; paths: string[]; warmUp: string[] }> = [
      // The warm-up reads other agreements than the ones measured.
      { label: "partnership page", paths: partnerships.slice(50), warmUp: partnerships.slice(0, 50) },
      {
        label: "home page",
        paths: Array.from({ length: requests }, () => "/en/"),
        warmUp: Array.from({ length: 20 }, () => "/en/"),
      },
      {
        label: "partnership list, filtered",
        paths: lists,
        warmUp: LIST_FILTERS.slice(0, 3).map((q) => `/en/partnerships${q}`),
      },
    ];
    const spreadOf = (t: Timings) =>
      t.times.length ? `${ms(percentile(t.times, 50))} / ${ms(percentile(t.times, 95))}` : "none answered";
    const failed = (t: Timings) => (t.failures ? `, ${t.failures} failed or not 200` : "");
    for (const { label, paths, warmUp } of runs) {
      const one = await sequential(base, paths, warmUp, maxSeconds);
      const p95 = percentile(one.times, 95);
      line(
        `${label}: TTFB p50 / p95`,
        `${spreadOf(one)} (${one.times.length} one by one${failed(one)}); goal p95 < ${GOAL_TTFB_MS} ms: ${verdict(p95 < GOAL_TTFB_MS && !one.failures)}`,
      );
      const mean = one.times.reduce((a, b) => a + b, 0) / Math.max(1, one.times.length);
      // Clients that give up leave the server making pages nobody reads: a page too slow for one
      // round of every connection within the run is not loaded at all.
      if ((mean * CONNECTIONS) / 1000 > maxSeconds) {
        line(
          `  ${CONNECTIONS} connections`,
          `not run: one page alone takes ${ms(mean)}, so one round of ${CONNECTIONS} takes over ${maxSeconds} s; goal: NOT met`,
        );
        continue;
      }
      const many = await concurrent(base, paths, CONNECTIONS, requests, maxSeconds, mean);
      const p95Many = percentile(many.times, 95);
      const timedOut = many.timeouts ? `, ${many.timeouts} timed out after 10 s` : "";
      line(
        `  ${CONNECTIONS} connections, to the last byte`,
        `${spreadOf(many)} (${many.times.length} answered, ${Math.round(many.requestsPerSecond)} a second${failed(many)}${timedOut}); goal: ${verdict(p95Many < GOAL_TTFB_MS && !many.failures && !many.timeouts)}`,
      );
      await settle();
    }

    // Largest contentful paint, in a fresh browser context each load.
    const someId = ids[Math.floor(ids.length / 2)] ?? "";
    const painted = [
      { label: "partnership page", path: `/en/partnerships/${encodeURIComponent(someId)}` },
      { label: "partnership list", path: "/en/partnerships" },
      { label: "home page", path: "/en/" },
      { label: "map", path: "/en/map" },
    ];
    // A bare page of one heading from a bare server: what this browser on this machine takes at best.
    const floor = createServer((_req, res) =>
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(BARE_PAGE),
    );
    await new Promise<void>((resolve) => floor.listen(0, "127.0.0.1", resolve));
    const floorAddress = floor.address();
    const floorUrl = `http://127.0.0.1:${typeof floorAddress === "object" && floorAddress ? floorAddress.port : 0}/`;
    const paint = await measurePaint(
      [
        { label: "bare page (floor)", url: floorUrl },
        ...painted.map((p) => ({ label: p.label, url: `${base}${p.path}` })),
      ],
      PAINT_LOADS,
    ).finally(() => floor.close());
    for (const { label } of [{ label: "bare page (floor)" }, ...painted]) {
      const f = paint.get(label);
      if (!f) continue;
      // A script the page does not name (loaded by another script) would escape the figures below.
      const unnamed = f.scripts.filter((s) => !f.named.includes(s));
      line(
        `LCP in Chromium, ${label}`,
        `${ms(f.lcp)} (${f.element}; TTFB ${ms(f.ttfb)}, FCP ${ms(f.fcp)}; median of ${f.withPaint} loads${f.withPaint < PAINT_LOADS ? `, ${PAINT_LOADS - f.withPaint} of ${PAINT_LOADS} reported no paint` : ""})${unnamed.length ? `; also fetched ${unnamed.join(", ")}` : ""}`,
      );
    }

    // The JavaScript each public page loads.
    const partner = await db
      .selectFrom("organisation")
      .select("id")
      .where("visibility", "=", "public")
      .orderBy("id")
      .executeTakeFirst();
    const pages = [
      ["home", "/en/"],
      ["partnership list", "/en/partnerships"],
      ["partnership", `/en/partnerships/${encodeURIComponent(someId)}`],
      ["partner list", "/en/partners"],
      ...(partner ? [["partner", `/en/partners/${encodeURIComponent(partner.id)}`]] : []),
      ["events", "/en/events"],
      ["news", "/en/news"],
      ["map", "/en/map"],
      ["open data", "/en/open-data"],
    ] as const;
    for (const [label, path] of pages) {
      const js = await javascriptOf(base, path);
      line(
        `JavaScript, ${label}`,
        `${js.files.length} files, ${kib(js.raw)} raw, ${kib(js.gzipped)} gzipped${js.uncompressed ? ` (${js.uncompressed} sent uncompressed)` : ""}; budget ${BUDGET_GZIP_KIB} KiB gzipped: ${js.gzipped <= BUDGET_GZIP_KIB * 1024 ? "within" : "OVER"}`,
      );
    }
  } finally {
    await app.close();
  }
  line("load average (1 min) at the end", load());
  line("public site part took", `${((performance.now() - started) / 1000).toFixed(0)} s`);
}

/** Alone: a smaller data set generated on a fresh database, then the same measurements. */
async function main(): Promise<void> {
  const { values: args } = parseArgs({
    options: {
      engine: { type: "string", default: "sqlite" },
      file: { type: "string", default: "../shared/data/ror-records-all-types.jsonl.gz" },
      organisations: { type: "string", default: "5000" },
      agreements: { type: "string", default: "20000" },
      requests: { type: "string", default: "200" },
      "max-seconds": { type: "string", default: "10" },
    },
  });
  const engine = args.engine === "postgres" ? "postgres" : "sqlite";
  const pgUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  const dir = mkdtempSync(join(tmpdir(), "conventio-bench-site-"));
  const config = loadConfig({ NODE_ENV: "production", DATA_DIR: dir, LOG_LEVEL: "silent", PORT: "0" });
  const log = createLogger(config);
  const schema = `bench_site_${Date.now()}`;
  const admin = engine === "postgres" ? connect({ url: pgUrl }) : null;
  if (admin) await sql`create schema ${sql.id(schema)}`.execute(admin.db);
  const database = admin ? connect({ url: pgUrl, schema }) : connect({ sqliteFile: join(dir, "bench.db") });
  const line = (label: string, value: string) => console.log(`${label.padEnd(44)} ${value}`);
  try {
    await migrateToLatest(database.db);
    const services = createServices(database, config, log);
    console.log(`Conventio public site benchmark — ${engine} (${database.where}), ${new Date().toISOString()}`);
    const wanted = Number(args.organisations);
    const candidates: Array<NonNullable<ReturnType<typeof candidateFromRor>> & { aliases: string[] }> = [];
    for await (const record of readRorRecords(resolve(args.file ?? ""))) {
      const c = candidateFromRor(record);
      if (c) candidates.push({ ...c, aliases: aliasesOfRor(record).filter((a) => a !== c.name) });
      if (candidates.length >= wanted) break;
    }
    await services.registry.importOrganisations(SYSTEM_ACTOR, candidates);
    await generateAgreements(database, Number(args.agreements));
    await sql`analyze`.execute(database.db);
    line("organisations, agreements", `${candidates.length}, ${args.agreements}`);
    await benchSite({
      database,
      services,
      config,
      log,
      line,
      requests: Number(args.requests),
      maxSeconds: Number(args["max-seconds"]),
    });
  } finally {
    await database.destroy();
    if (admin) {
      await sql`drop schema ${sql.id(schema)} cascade`.execute(admin.db);
      await admin.destroy();
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
