import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { buildApp } from "#app.js";
import { type Config, loadConfig } from "#config.js";
import { connect, type Database } from "#db/connection.js";
import { migrateToLatest } from "#db/migrate.js";
import { ManualClock } from "#shared/clock.js";
import { createLogger } from "#shared/logger.js";
import { createServices, type Services } from "../services.js";

export const ENGINE = (process.env.TEST_ENGINE ?? "sqlite") as "sqlite" | "postgres";
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export interface TestContext {
  app: FastifyInstance;
  services: Services;
  database: Database;
  clock: ManualClock;
  config: Config;
  close(): Promise<void>;
}

/** A schema of its own for each test file, so parallel files never see each other's rows. */
export async function freshPostgresSchema(): Promise<{ schema: string; drop: () => Promise<void> }> {
  const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new Kysely<unknown>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: TEST_DATABASE_URL, max: 1 }) }),
  });
  try {
    await sql`create schema ${sql.id(schema)}`.execute(admin);
  } catch (err) {
    await admin.destroy();
    throw new Error(
      `PostgreSQL tests need a server at TEST_DATABASE_URL (${TEST_DATABASE_URL}) that accepts connections: ${String(err)}`,
    );
  }
  return {
    schema,
    drop: async () => {
      await sql`drop schema ${sql.id(schema)} cascade`.execute(admin);
      await admin.destroy();
    },
  };
}

/** Builds the app on a real, empty, migrated database of the engine under test. */
/** An empty database of the engine under test, for migration tests that start from an earlier schema. */
export async function emptyTestDatabase(name: string): Promise<{ database: Database; close: () => Promise<void> }> {
  if (ENGINE === "postgres") {
    const fresh = await freshPostgresSchema();
    const database = connect({ url: TEST_DATABASE_URL, schema: fresh.schema });
    return {
      database,
      close: async () => {
        await database.destroy();
        await fresh.drop();
      },
    };
  }
  const database = connect({ sqliteFile: join(mkdtempSync(join(tmpdir(), "conventio-test-")), `${name}.db`) });
  return { database, close: () => database.destroy() };
}

export async function createTestContext(
  env: Record<string, string> = {},
  options: { serveWeb?: boolean } = {},
): Promise<TestContext> {
  const dir = mkdtempSync(join(tmpdir(), "conventio-test-"));
  const config = loadConfig({
    NODE_ENV: "test",
    DATA_DIR: dir,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
    LOGIN_MAX_FAILURES: "3",
    LOGIN_LOCK_MINUTES: "15",
    SESSION_DAYS: "365",
    // Suites read figures right after changing data, however slow the machine: never kept.
    FIGURES_KEEP_AFTER_MS: "600000",
    ...env,
  });
  let drop: (() => Promise<void>) | null = null;
  let database: Database;
  if (ENGINE === "postgres") {
    const fresh = await freshPostgresSchema();
    drop = fresh.drop;
    database = connect({ url: TEST_DATABASE_URL, schema: fresh.schema });
  } else {
    database = connect({ sqliteFile: join(dir, "test.db") });
  }
  await migrateToLatest(database.db);
  const log = createLogger(config);
  const clock = new ManualClock(new Date("2026-03-02T09:00:00Z"));
  const services = createServices(database, config, log, clock);
  const app = await buildApp({ config, services, log, serveWeb: options.serveWeb ?? false });
  await app.ready();
  return {
    app,
    services,
    database,
    clock,
    config,
    async close() {
      await app.close();
      await database.destroy();
      if (drop) await drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Session {
  cookie: string;
  csrf: string;
  headers: Record<string, string>;
}

export const PASSWORD = "correct horse battery staple";

/** Creates an account with the role and signs it in through the API. */
export async function signedIn(
  ctx: TestContext,
  role: "viewer" | "editor" | "admin",
  email = `${role}@example.org`,
): Promise<Session> {
  await ctx.services.accounts.createUserAsOperator({ email, name: `The ${role}`, role, password: PASSWORD });
  const res = await ctx.app.inject({
    method: "POST",
    url: "/api/auth/sign-in",
    payload: { email, password: PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.body}`);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  return { cookie, csrf, headers: { cookie, "x-csrf-token": csrf } };
}
