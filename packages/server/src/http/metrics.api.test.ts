import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scheduleReminders } from "#modules/reminders/reminder.service.js";
import { createTestContext, ENGINE, signedIn, type TestContext } from "#test/harness.js";

/** The value of the sample `name` with exactly these labels in a Prometheus text exposition. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split("\n")) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const found = Object.fromEntries([...(m[2] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1], l[2]]));
    const wanted = Object.entries(labels);
    if (wanted.length === Object.keys(found).length && wanted.every(([k, v]) => found[k] === v)) return Number(m[3]);
  }
  return undefined;
}

async function scrape(ctx: TestContext, headers: Record<string, string> = {}, remoteAddress?: string) {
  return ctx.app.inject({ method: "GET", url: "/metrics", headers, ...(remoteAddress ? { remoteAddress } : {}) });
}

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe("GET /metrics from this machine, without METRICS_TOKEN", () => {
  it("answers in Prometheus's text format with the process's figures", async () => {
    const res = await scrape(ctx);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/plain; version=0.0.4; charset=utf-8");
    expect(res.body).toContain("# TYPE process_cpu_user_seconds_total counter");
    expect(res.body).toContain("# TYPE nodejs_eventloop_lag_seconds gauge");
    expect(res.body).toContain("# TYPE http_requests_total counter");
    expect(res.body).toContain("# TYPE http_request_duration_seconds histogram");
  });

  it("counts a request under its route pattern and status, never its concrete address", async () => {
    const id = "01JZZZZZZZZZZZZZZZZZZZZZZZ";
    const anonymous = await ctx.app.inject({ method: "GET", url: `/api/agreements/${id}` });
    expect(anonymous.statusCode).toBe(401);
    const viewer = await signedIn(ctx, "viewer");
    for (let i = 0; i < 2; i++) {
      const res = await ctx.app.inject({ method: "GET", url: `/api/agreements/${id}${i}`, headers: viewer.headers });
      expect(res.statusCode).toBe(404);
    }
    const body = (await scrape(ctx)).body;
    const route = { method: "GET", route: "/api/agreements/:id" };
    expect(sample(body, "http_requests_total", { ...route, status: "401" })).toBe(1);
    expect(sample(body, "http_requests_total", { ...route, status: "404" })).toBe(2);
    expect(sample(body, "http_request_duration_seconds_count", { ...route, status: "404" })).toBe(2);
    expect(sample(body, "http_request_duration_seconds_sum", { ...route, status: "404" })).toBeGreaterThan(0);
    expect(sample(body, "http_request_duration_seconds_bucket", { le: "+Inf", ...route, status: "404" })).toBe(2);
    expect(sample(body, "http_request_duration_seconds_bucket", { le: "10", ...route, status: "404" })).toBe(2);
    expect(body).not.toContain(id);
  });

  it("counts requests no route matched as one unmatched route", async () => {
    await ctx.app.inject({ method: "GET", url: "/api/no-such-thing/abc" });
    await ctx.app.inject({ method: "GET", url: "/api/no-such-thing/def" });
    const body = (await scrape(ctx)).body;
    expect(sample(body, "http_requests_total", { method: "GET", route: "unmatched", status: "404" })).toBe(2);
    expect(body).not.toContain("no-such-thing");
  });

  it("shows the database pool", async () => {
    const body = (await scrape(ctx)).body;
    if (ENGINE === "postgres") {
      expect(sample(body, "db_pool_connections")).toBeGreaterThanOrEqual(1);
      expect(sample(body, "db_pool_idle_connections")).toBeGreaterThanOrEqual(0);
      expect(sample(body, "db_pool_waiting_clients")).toBe(0);
    } else {
      expect(sample(body, "db_pool_connections")).toBe(1);
      expect(body).not.toContain("db_pool_idle_connections");
    }
  });

  it("counts each pass of a scheduled job, and its failures", async () => {
    const job = scheduleReminders(ctx.services.reminders, 60, ctx.services.deps.log, ctx.app.metrics.runJob);
    await job.stop();
    await expect(
      ctx.app.metrics.runJob("ewp_outbox", async () => {
        throw new Error("the partner did not answer");
      }),
    ).rejects.toThrow("the partner did not answer");
    const body = (await scrape(ctx)).body;
    expect(sample(body, "jobs_runs_total", { job: "reminders" })).toBe(1);
    expect(sample(body, "jobs_failures_total", { job: "reminders" })).toBe(0);
    expect(sample(body, "job_duration_seconds_count", { job: "reminders" })).toBe(1);
    expect(sample(body, "jobs_runs_total", { job: "ewp_outbox" })).toBe(1);
    expect(sample(body, "jobs_failures_total", { job: "ewp_outbox" })).toBe(1);
  });

  it("is the API's 404 to another machine, and to a request relayed by a proxy", async () => {
    const away = await scrape(ctx, {}, "203.0.113.7");
    expect(away.statusCode).toBe(404);
    expect(away.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(away.json()).toMatchObject({ code: "not_found", detail: "No route for GET /metrics." });
    const relayed = await scrape(ctx, { "x-forwarded-for": "203.0.113.7" });
    expect(relayed.statusCode).toBe(404);
    expect((await scrape(ctx, {}, "::1")).statusCode).toBe(200);
  });

  it("keeps a registry of its own in every app of the process", async () => {
    const other = await createTestContext();
    try {
      await other.app.inject({ method: "GET", url: "/health" });
      const body = (await scrape(other)).body;
      expect(sample(body, "http_requests_total", { method: "GET", route: "/health", status: "200" })).toBe(1);
      expect(sample(body, "http_requests_total", { method: "GET", route: "unmatched", status: "404" })).toBeUndefined();
      expect(body).toContain("process_cpu_user_seconds_total");
    } finally {
      await other.close();
    }
  });
});

describe("GET /metrics with METRICS_TOKEN set", () => {
  const token = "a-long-metrics-token-0123456789";
  let guarded: TestContext;
  beforeAll(async () => {
    guarded = await createTestContext({ METRICS_TOKEN: token });
  });
  afterAll(() => guarded.close());

  it("refuses without the bearer, even from this machine, and with a wrong one", async () => {
    expect((await scrape(guarded)).statusCode).toBe(404);
    expect((await scrape(guarded, { authorization: `Bearer ${token}x` })).statusCode).toBe(404);
    expect((await scrape(guarded, { authorization: `Basic ${token}` })).statusCode).toBe(404);
  });

  it("answers the bearer from anywhere", async () => {
    const res = await scrape(guarded, { authorization: `Bearer ${token}` }, "203.0.113.7");
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("# TYPE http_requests_total counter");
  });

  it("refuses a token shorter than 16 characters at start", async () => {
    await expect(createTestContext({ METRICS_TOKEN: "short" })).rejects.toThrow(/METRICS_TOKEN/);
  });
});
