/**
 * The speed goals at the large scale, each figure printed beside its goal:
 *   - the public agreements list, 50 a page, p50 inside the process (goal under 5 ms);
 *   - the staff dashboard, p50 / p95 (goal under 100 ms);
 *   - search p95 in the staff lists of agreements, organisations, activities and people (goal under 50 ms).
 * Part of `npm run bench`; runnable alone on a database kept between runs (see `main` below).
 */
import type { Database, Services } from "@conventio/server";

type Line = (label: string, value: string) => void;

export interface GoalsBench {
  database: Database;
  services: Services;
  line: Line;
}

const VIEWER = { kind: "user", id: "bench", role: "viewer", name: "bench" } as const;

export const percentile = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};

const ms = (x: number) => `${x.toFixed(1)} ms`;
const verdict = (met: boolean) => (met ? "met" : "NOT met");

/** Milliseconds of each call after `warm` unmeasured rounds, over `rounds` rounds of `calls`. */
async function timeCalls(calls: ReadonlyArray<() => Promise<unknown>>, rounds: number, warm = 1): Promise<number[]> {
  const times: number[] = [];
  for (let round = 0; round < warm + rounds; round++) {
    for (const call of calls) {
      const started = performance.now();
      await call();
      if (round >= warm) times.push(performance.now() - started);
    }
  }
  return times;
}

/** Public agreements, 50 a page: the first pages of each filter, following the cursor. */
async function publicList({ services, database }: GoalsBench): Promise<number[]> {
  const { db } = database;
  const country =
    (
      await db
        .selectFrom("organisation")
        .select("country_code")
        .where("country_code", "is not", null)
        .limit(1)
        .executeTakeFirst()
    )?.country_code ?? "FR";
  const filters = [
    {},
    { country },
    { theme: "Climate" },
    { kind: "bilateral_exchange" as const },
    { status: "active" as const },
  ];
  const times: number[] = [];
  for (let round = 0; round < 4; round++) {
    for (const filter of filters) {
      let cursor: string | undefined;
      for (let page = 0; page < 3; page++) {
        const started = performance.now();
        const result = await services.agreements.listPublicAgreements({ ...filter, limit: 50, cursor }, "en");
        if (round > 0) times.push(performance.now() - started);
        cursor = result.nextCursor ?? undefined;
        if (!cursor) break;
      }
    }
  }
  return times;
}

/** Ten typed queries per list, accents dropped, prefixes included. */
export const SEARCHES = {
  agreements: [
    "exchange",
    "double degree",
    "universite",
    "kyoto",
    "research tech",
    "cotut",
    "b-0001",
    "climate",
    "national",
    "hospital",
  ],
  organisations: [
    "universite lille",
    "kyutech",
    "linkoping",
    "univ",
    "technische universitat",
    "max planck",
    "hospital",
    "sao paulo",
    "helsin",
    "rese",
  ],
  activities: [
    "master",
    "doctorate incoming",
    "staff outgoing 2014",
    "mobility",
    "bachelor 2020",
    "outgo",
    "mast 2009",
    "incoming",
    "doct",
    "staff",
  ],
  people: [
    "anna",
    "lindqvist",
    "dupont marie",
    "coordinator",
    "nakamura",
    "lef",
    "professor",
    "garcia",
    "oberg",
    "dean",
  ],
} as const;

/** Each list searched with its ten queries, 50 a page, as the staff lists ask. */
function searchCalls({ services }: GoalsBench): Record<keyof typeof SEARCHES, Array<() => Promise<unknown>>> {
  return {
    agreements: SEARCHES.agreements.map((q) => () => services.agreements.listAgreements(VIEWER, { q, limit: 50 })),
    organisations: SEARCHES.organisations.map(
      (q) => () => services.organisations.listOrganisations(VIEWER, { q, limit: 50 }),
    ),
    activities: SEARCHES.activities.map((q) => () => services.activities.listActivities(VIEWER, { q, limit: 50 })),
    people: SEARCHES.people.map((q) => () => services.people.listPeople(VIEWER, { q, limit: 50 })),
  };
}

export async function benchGoals(b: GoalsBench): Promise<void> {
  const engine = b.database.dialect;
  b.line(`speed goals at the large scale (${engine})`, "");
  const list = await publicList(b);
  const listP50 = percentile(list, 50);
  b.line(
    "  public agreements, 50 a page",
    `p50 ${ms(listP50)}, p95 ${ms(percentile(list, 95))} (goal: p50 under 5 ms: ${verdict(listP50 < 5)})`,
  );
  // As served: kept a minute once working the figures out takes long (dashboard-figures.ts).
  const dashboard = await timeCalls([() => b.services.dashboard.overview(VIEWER)], 5);
  const dashboardP95 = percentile(dashboard, 95);
  b.line(
    "  staff dashboard, as served",
    `p50 ${ms(percentile(dashboard, 50))}, p95 ${ms(dashboardP95)} (goal: under 100 ms: ${verdict(dashboardP95 < 100)})`,
  );
  const workedOut = await timeCalls([() => b.services.dashboard.overview(VIEWER, { fresh: true })], 3);
  b.line(
    "  staff dashboard, worked out afresh",
    `p50 ${ms(percentile(workedOut, 50))}, p95 ${ms(percentile(workedOut, 95))} (once a minute at most, or on request)`,
  );
  for (const [name, calls] of Object.entries(searchCalls(b))) {
    const times = await timeCalls(calls, 3);
    const p95 = percentile(times, 95);
    b.line(
      `  ${name} search, 50 a page`,
      `p50 ${ms(percentile(times, 50))}, p95 ${ms(p95)} (goal: p95 under 50 ms: ${verdict(p95 < 50)})`,
    );
  }
}

/**
 * The large scale, made once: the ROR organisations through the registry import, then generated
 * agreements (those past signature made public), mobility rows and people.
 */
async function buildLargeScale(
  database: Database,
  services: Services,
  sizes: { file: string; agreements: number; mobility: number; people: number },
): Promise<void> {
  const { aliasesOfRor, candidateFromRor, readRorRecords, SYSTEM_ACTOR } = await import("@conventio/server");
  const { generateAgreements } = await import("./generate-agreements.js");
  const { generateMobility } = await import("./generate-mobility.js");
  const { generatePeople } = await import("./generate-people.js");
  const { publishForBench } = await import("./bench-site.js");
  const candidates = [];
  for await (const record of readRorRecords(sizes.file)) {
    const c = candidateFromRor(record);
    if (c) candidates.push({ ...c, aliases: aliasesOfRor(record).filter((a) => a !== c.name) });
  }
  await services.registry.importOrganisations(SYSTEM_ACTOR, candidates);
  await generateAgreements(database, sizes.agreements);
  await publishForBench(database);
  await generateMobility(database, sizes.mobility);
  await generatePeople(database, sizes.people);
}

/**
 * Alone: `npx tsx scripts/bench-goals.ts [--engine sqlite|postgres] [--keep DIR]`. With --keep the
 * SQLite file (in DIR) or the PostgreSQL schema (named after DIR's last part) is kept and reused
 * by the next run, which then measures without building the data again.
 */
async function main(): Promise<void> {
  const { existsSync, mkdirSync, mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { basename, join, resolve } = await import("node:path");
  const { parseArgs } = await import("node:util");
  const { sql } = await import("kysely");
  const { connect, createLogger, createServices, loadConfig, migrateToLatest } = await import("@conventio/server");
  const { values } = parseArgs({
    options: {
      engine: { type: "string", default: "sqlite" },
      keep: { type: "string" },
      file: { type: "string", default: "../shared/data/ror-records-all-types.jsonl.gz" },
      agreements: { type: "string", default: "300000" },
      mobility: { type: "string", default: "1000000" },
      people: { type: "string", default: "100000" },
    },
  });
  const engine = values.engine === "postgres" ? "postgres" : "sqlite";
  const dir = values.keep ? resolve(values.keep) : mkdtempSync(join(tmpdir(), "conventio-bench-goals-"));
  mkdirSync(dir, { recursive: true });
  const pgUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  const schema = `bench_goals_${basename(dir)
    .replace(/[^a-z0-9]/gi, "_")
    .toLowerCase()}`;
  const sqliteFile = join(dir, "goals.db");
  let fresh = !existsSync(sqliteFile);
  if (engine === "postgres") {
    const admin = connect({ url: pgUrl });
    const found = await sql<{
      n: number;
    }>`select count(*)::int as n from information_schema.schemata where schema_name = ${schema}`.execute(admin.db);
    fresh = (found.rows[0]?.n ?? 0) === 0;
    if (fresh) await sql`create schema ${sql.id(schema)}`.execute(admin.db);
    await admin.destroy();
  }
  const database = engine === "postgres" ? connect({ url: pgUrl, schema }) : connect({ sqliteFile });
  await migrateToLatest(database.db);
  const config = loadConfig({ NODE_ENV: "production", DATA_DIR: dir, LOG_LEVEL: "silent", PORT: "0" });
  const services = createServices(database, config, createLogger(config));
  if (fresh) {
    const started = performance.now();
    await buildLargeScale(database, services, {
      file: resolve(values.file ?? ""),
      agreements: Number(values.agreements),
      mobility: Number(values.mobility),
      people: Number(values.people),
    });
    if (engine === "postgres") await sql`vacuum`.execute(database.db);
    await sql`analyze`.execute(database.db);
    console.log(`large scale built in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  const line = (label: string, value: string) => console.log(`${label.padEnd(44)} ${value}`);
  await benchGoals({ database, services, line });
  await database.destroy();
  if (!values.keep && engine === "postgres") {
    const admin = connect({ url: pgUrl });
    await sql`drop schema ${sql.id(schema)} cascade`.execute(admin.db);
    await admin.destroy();
  }
}

if (process.argv[1]?.endsWith("bench-goals.ts")) await main();
