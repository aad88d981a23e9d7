/**
 * Measures Conventio on real data and prints figures (no pass/fail):
 *   - import of the ROR all-types file (51k organisations) through the service, beside a raw
 *     prepared insert of the same rows into a bare table;
 *   - full-text search p50/p95 over 20 queries;
 *   - list p50/p95 through HTTP, and list throughput beside a bare Fastify route;
 *   - request overhead: /api/health of the whole app beside bare Node http and Fastify servers;
 *   - spreadsheet import of 100,000 organisations from CSV and from XLSX beside a raw insert;
 *   - the public site: time to first byte, largest contentful paint in Chromium, JavaScript per page;
 *   - the speed goals at the large scale, each beside its goal (scripts/bench-goals.ts).
 * Usage: npm run bench [-- --engine sqlite|postgres] [--file path.jsonl.gz] [--seconds 5] [--import-rows 100000] [--people 100000]
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import {
  aliasesOfRor,
  buildApp,
  candidateFromRor,
  connect,
  createLogger,
  createServices,
  loadConfig,
  migrateToLatest,
  readRorRecords,
  SYSTEM_ACTOR,
} from "@conventio/server";
import autocannon from "autocannon";
import Fastify from "fastify";
import { sql } from "kysely";
import { benchExport } from "./bench-export.js";
import { benchGoals, SEARCHES } from "./bench-goals.js";
import { benchOverhead } from "./bench-overhead.js";
import { generateAgreements } from "./generate-agreements.js";
import { generateMobility } from "./generate-mobility.js";
import { generatePeople } from "./generate-people.js";

const { values: args } = parseArgs({
  options: {
    engine: { type: "string", default: "sqlite" },
    file: { type: "string", default: "../shared/data/ror-records-all-types.jsonl.gz" },
    seconds: { type: "string", default: "5" },
    agreements: { type: "string", default: "300000" },
    mobility: { type: "string", default: "1000000" },
    "import-rows": { type: "string", default: "100000" },
    people: { type: "string", default: "100000" },
  },
});
const engine = args.engine === "postgres" ? "postgres" : "sqlite";
const file = resolve(args.file ?? "");
const seconds = Number(args.seconds);
const pgUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

const dir = mkdtempSync(join(tmpdir(), "conventio-bench-"));
const config = loadConfig({ NODE_ENV: "production", DATA_DIR: dir, LOG_LEVEL: "silent", PORT: "0" });
const log = createLogger(config);
const schema = `bench_${Date.now()}`;
if (engine === "postgres") {
  const admin = connect({ url: pgUrl });
  await sql`create schema ${sql.id(schema)}`.execute(admin.db);
  await admin.destroy();
}
const database =
  engine === "postgres" ? connect({ url: pgUrl, schema }) : connect({ sqliteFile: join(dir, "bench.db") });
await migrateToLatest(database.db);
const services = createServices(database, config, log);

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};
const ms = (x: number) => `${x.toFixed(2)} ms`;
const line = (label: string, value: string) => console.log(`${label.padEnd(44)} ${value}`);

console.log(`Conventio benchmark — ${engine} (${database.where}), ${new Date().toISOString()}`);

// 1. Read the file once into memory so both imports measure writing, not parsing.
const candidates: Array<NonNullable<ReturnType<typeof candidateFromRor>> & { aliases: string[] }> = [];
for await (const record of readRorRecords(file)) {
  const c = candidateFromRor(record);
  if (c) candidates.push({ ...c, aliases: aliasesOfRor(record).filter((a) => a !== c.name) });
}
line("rows in file", String(candidates.length));

// 2. Raw prepared insert of the same rows (one column set, one transaction, no index work).
await sql`create table bench_raw (id text primary key, name text, country_code text, city text, website text)`.execute(
  database.db,
);
let t0 = performance.now();
if (engine === "sqlite") {
  const { default: SQLite } = await import("better-sqlite3");
  const raw = new SQLite(join(dir, "bench.db"));
  raw.pragma("journal_mode = WAL");
  raw.pragma("synchronous = FULL");
  const stmt = raw.prepare("insert into bench_raw values (?, ?, ?, ?, ?)");
  raw.transaction(() => {
    for (const c of candidates) stmt.run(c.id, c.name, c.countryCode, c.city, c.website);
  })();
  raw.close();
} else {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: pgUrl, options: `-c search_path=${schema}` });
  await client.connect();
  await client.query("begin");
  for (const c of candidates) {
    await client.query({
      name: "raw",
      text: "insert into bench_raw values ($1, $2, $3, $4, $5)",
      values: [c.id, c.name, c.countryCode, c.city, c.website],
    });
  }
  await client.query("commit");
  await client.end();
}
const rawSeconds = (performance.now() - t0) / 1000;

// 3. The real import: organisations, identifiers, search documents and audit events, in batches.
t0 = performance.now();
const imported = await services.registry.importOrganisations(SYSTEM_ACTOR, candidates);
const importSeconds = (performance.now() - t0) / 1000;
line(
  "import through the service",
  `${Math.round(imported.inserted / importSeconds)} rows/s (${imported.inserted} rows, ${importSeconds.toFixed(1)} s)`,
);
line(
  "raw prepared insert, same rows",
  `${Math.round(candidates.length / rawSeconds)} rows/s (${rawSeconds.toFixed(1)} s)`,
);

await (await import("./bench-registry.js")).benchRegistry(services, line); // the registry: ROR and the charter list

// 4. Search: 20 typed queries, accents dropped, prefixes included.
const queries = [
  "universite lille",
  "kyutech",
  "linkoping",
  "univ",
  "technische universitat",
  "max planck",
  "hospital",
  "kyoto",
  "sao paulo",
  "instituto",
  "cnrs",
  "national",
  "ecole normale",
  "helsin",
  "ghent",
  "bologna",
  "museum",
  "ministry",
  "leuv",
  "rese",
];
const viewer = { kind: "user", id: "bench", role: "viewer", name: "bench" } as const;
const searchTimes: number[] = [];
for (let round = 0; round < 3; round++) {
  for (const q of queries) {
    const s = performance.now();
    await services.organisations.listOrganisations(viewer, { q, limit: 20 });
    if (round > 0) searchTimes.push(performance.now() - s);
  }
}
line("search p50 / p95 (20 queries, warm)", `${ms(percentile(searchTimes, 50))} / ${ms(percentile(searchTimes, 95))}`);

// 5. Lists through HTTP: a signed-in viewer pages and filters.
const app = await buildApp({ config, services, log });
const base = await app.listen({ host: "127.0.0.1", port: 0 });
await services.accounts.createUserAsOperator({
  email: "bench@example.org",
  name: "Bench",
  role: "viewer",
  password: "bench-password-123",
});
const signIn = await fetch(`${base}/api/auth/sign-in`, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ email: "bench@example.org", password: "bench-password-123" }),
});
const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
const listUrls = [
  "/api/organisations?limit=50",
  "/api/organisations?limit=50&country=FR",
  "/api/organisations?limit=50&kind=company",
  "/api/organisations?limit=50&q=univ",
];
const listTimes: number[] = [];
for (let round = 0; round < 10; round++) {
  for (const path of listUrls) {
    let cursor: string | null = null;
    for (let page = 0; page < 5; page++) {
      const s = performance.now();
      const res = await fetch(`${base}${path}${cursor ? `&cursor=${cursor}` : ""}`, { headers: { cookie } });
      const body = (await res.json()) as { nextCursor: string | null };
      listTimes.push(performance.now() - s);
      cursor = body.nextCursor;
      if (!cursor) break;
    }
  }
}
line("list p50 / p95 through HTTP (50 a page)", `${ms(percentile(listTimes, 50))} / ${ms(percentile(listTimes, 95))}`);

// 6. Throughput: the list route beside a bare Fastify route answering the same bytes.
const sample = await (await fetch(`${base}/api/organisations?limit=50`, { headers: { cookie } })).text();
const bare = Fastify();
bare.get("/bare", async (_req, reply) => reply.type("application/json").send(sample));
const bareBase = await bare.listen({ host: "127.0.0.1", port: 0 });
async function load(url: string, headers: Record<string, string> = {}) {
  const r = await autocannon({ url, connections: 10, duration: seconds, headers });
  return { rps: r.requests.average, p50: r.latency.p50, p97: r.latency.p97_5, errors: r.errors + r.non2xx };
}
const listLoad = await load(`${base}/api/organisations?limit=50`, { cookie });
const bareLoad = await load(`${bareBase}/bare`);
line(
  "list throughput (10 connections)",
  `${Math.round(listLoad.rps)} req/s, p50 ${listLoad.p50} ms, errors ${listLoad.errors}`,
);
line("bare Fastify route, same body", `${Math.round(bareLoad.rps)} req/s, p50 ${bareLoad.p50} ms`);
line("list / bare", `${((100 * listLoad.rps) / bareLoad.rps).toFixed(0)} %`);

await bare.close();
// Request overhead: /api/health of the whole app beside bare Node http and bare Fastify servers.
await benchOverhead({ services, config, dir, seconds, line });

// 7. Agreements at scale: generated deterministically over the imported organisations.
const agreementCount = Number(args.agreements);
t0 = performance.now();
await generateAgreements(database, agreementCount);
const genSeconds = (performance.now() - t0) / 1000;
line(
  "agreements generated",
  `${agreementCount} in ${genSeconds.toFixed(1)} s (${Math.round(agreementCount / genSeconds)} rows/s)`,
);
// PostgreSQL answers from a covering index alone only on pages VACUUM has marked all-visible:
// none are after a bulk load, and autovacuum may not have reached them yet (or be off).
if (engine === "postgres") await sql`vacuum organisation, agreement, agreement_party`.execute(database.db);
await sql`analyze`.execute(database.db);
const someOrg = (
  await database.db.selectFrom("agreement_party").select("organisation_id").limit(1).executeTakeFirstOrThrow()
).organisation_id;
const filters: Array<Record<string, string | number>> = [
  {},
  { status: "expiring" },
  { status: "active", kind: "bilateral_exchange" },
  { country: "FR" },
  { partner: someOrg },
  { theme: "Climate" },
  { expiringWithinDays: 90 },
  { kind: "cotutelle", country: "DE" },
];
const filterTimes: number[] = [];
for (let round = 0; round < 6; round++) {
  for (const f of filters) {
    const s = performance.now();
    await services.agreements.listAgreements(viewer, { ...f, limit: 50 } as Parameters<
      typeof services.agreements.listAgreements
    >[1]);
    if (round > 0) filterTimes.push(performance.now() - s);
  }
}
line(
  "agreement list with filters p50 / p95",
  `${ms(percentile(filterTimes, 50))} / ${ms(percentile(filterTimes, 95))}`,
);
const agreementQueries = SEARCHES.agreements;
const agreementSearch: number[] = [];
for (let round = 0; round < 3; round++) {
  for (const q of agreementQueries) {
    const s = performance.now();
    await services.agreements.listAgreements(viewer, { q, limit: 50 });
    if (round > 0) agreementSearch.push(performance.now() - s);
  }
}
line("agreement search p50 / p95", `${ms(percentile(agreementSearch, 50))} / ${ms(percentile(agreementSearch, 95))}`);
await benchExport({ base, cookie, rows: agreementCount, line });

// 8. One million mobility rows: the exchange balance and the dashboard.
const mobilityCount = Number(args.mobility);
t0 = performance.now();
await generateMobility(database, mobilityCount);
line("mobility rows generated", `${mobilityCount} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
if (engine === "postgres") await sql`vacuum activity`.execute(database.db);
await sql`analyze`.execute(database.db);
const timed = async (label: string, run: () => Promise<unknown>, rounds = 5) => {
  const times: number[] = [];
  for (let i = 0; i < rounds + 1; i++) {
    const s = performance.now();
    await run();
    if (i > 0) times.push(performance.now() - s);
  }
  line(label, `${ms(percentile(times, 50))} / ${ms(percentile(times, 95))} (p50 / p95)`);
};
await timed("exchange balance, all partners by year", () => services.activities.exchangeBalance(viewer, {}));
await timed(
  "exchange balance, per partner and year",
  () => services.activities.exchangeBalance(viewer, { byPartner: true }),
  3,
);
await timed("exchange balance, one partner", () => services.activities.exchangeBalance(viewer, { partner: someOrg }));
await timed("staff dashboard, worked out afresh", () => services.dashboard.overview(viewer, { fresh: true }), 3);

// Spreadsheet import: the same organisations as CSV and as a workbook, beside a raw insert.
await (await import("./bench-import.js")).benchImport({
  services,
  engine,
  dir,
  sqliteFile: join(dir, "bench.db"),
  pgUrl,
  schema,
  rows: Number(args["import-rows"]),
  line,
});

// The public site rendered on the server, over the same agreements (scripts/bench-site.ts).
await (await import("./bench-site.js")).benchSite({ database, services, config, log, line });

// The speed goals at the large scale, each beside its figure, with people at scale too.
await generatePeople(database, Number(args.people));
await sql`analyze`.execute(database.db);
await benchGoals({ database, services, line });

await app.close();
await database.destroy();
if (engine === "postgres") {
  const admin = connect({ url: pgUrl });
  await sql`drop schema ${sql.id(schema)} cascade`.execute(admin.db);
  await admin.destroy();
}
