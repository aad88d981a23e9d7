import { DEFAULT_MIGRATION_TABLE, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATION_NAMES } from "#db/migrate.js";
import { createTestContext, type TestContext } from "#test/harness.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

/** Runs `check` against an app of its own, for what cannot be undone: a closed database, a shutdown. */
async function withOwnApp(check: (own: TestContext) => Promise<void>): Promise<void> {
  const own = await createTestContext();
  const destroy = own.database.destroy;
  try {
    await check(own);
  } finally {
    await destroy().catch(() => {});
    own.database.destroy = async () => {};
    await own.close();
  }
}

const LATEST = MIGRATION_NAMES.at(-1) as string;

describe("GET /health", () => {
  it("answers ok as long as the process serves, with the request's id", async () => {
    const res = await ctx.app.inject({ method: "GET", url: "/health" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok" });
    expect(res.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("leaves /api/health as it was", async () => {
    const res = await ctx.app.inject({ method: "GET", url: "/api/health" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
  });
});

describe("GET /ready", () => {
  it("answers ready when the database answers and every migration is applied", async () => {
    const res = await ctx.app.inject({ method: "GET", url: "/ready" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ready" });
  });

  it("answers 503 naming a migration the database lacks", async () => {
    const table = sql.table(DEFAULT_MIGRATION_TABLE);
    const row = await sql<Record<string, unknown>>`select * from ${table} where name = ${LATEST}`.execute(
      ctx.database.db,
    );
    await sql`delete from ${table} where name = ${LATEST}`.execute(ctx.database.db);
    const res = await ctx.app.inject({ method: "GET", url: "/ready" });
    await ctx.database.db
      .insertInto(DEFAULT_MIGRATION_TABLE as never)
      .values(row.rows[0] as never)
      .execute();
    expect(res.statusCode).toBe(503);
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({
      status: 503,
      title: "Not ready",
      detail: `Migrations not applied: ${LATEST}.`,
      missing: [LATEST],
    });
  });

  it("answers ready again once the migration is back", async () => {
    expect((await ctx.app.inject({ method: "GET", url: "/ready" })).statusCode).toBe(200);
  });

  it("answers 503 naming the database when it does not answer, while /health still answers", () =>
    withOwnApp(async (own) => {
      await own.database.destroy();
      const res = await own.app.inject({ method: "GET", url: "/ready" });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ status: 503, detail: "The database does not answer.", missing: ["database"] });
      expect((await own.app.inject({ method: "GET", url: "/health" })).statusCode).toBe(200);
    }));

  it("answers 503 as soon as shutdown begins, while /health still answers", () =>
    withOwnApp(async (own) => {
      own.app.readiness.beginShutdown();
      const res = await own.app.inject({ method: "GET", url: "/ready" });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ detail: "The server is shutting down.", missing: ["shutdown"] });
      expect((await own.app.inject({ method: "GET", url: "/health" })).statusCode).toBe(200);
    }));

  it("keeps /health, /ready and /metrics out of the public API document", async () => {
    const doc = (await ctx.app.inject({ method: "GET", url: "/api/openapi.json" })).json() as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(doc.paths)).toContain("/api/health");
    expect(Object.keys(doc.paths).filter((path) => ["/health", "/ready", "/metrics"].includes(path))).toEqual([]);
  });
});
