import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "#app.js";
import { loadConfig } from "#config.js";
import { migrateToLatest } from "#db/migrate.js";
import { ManualClock } from "#shared/clock.js";
import { createLogger } from "#shared/logger.js";
import { emptyTestDatabase, PASSWORD } from "#test/harness.js";
import { createServices, type Services } from "../services.js";

/** Every log line the app writes, parsed, with the raw text beside it. */
const lines: Array<{ raw: string; entry: Record<string, unknown> }> = [];
const captured = {
  write(text: string) {
    for (const raw of text.split("\n").filter(Boolean)) lines.push({ raw, entry: JSON.parse(raw) });
  },
};

let app: FastifyInstance;
let services: Services;
let close: () => Promise<void>;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "conventio-request-context-"));
  // No SMTP_URL: the mailer writes each mail to the log, from inside the password-reset service.
  const config = loadConfig({ NODE_ENV: "test", DATA_DIR: dir, LOG_LEVEL: "info" });
  const empty = await emptyTestDatabase("request-context");
  await migrateToLatest(empty.database.db);
  const log = createLogger(config, captured);
  services = createServices(empty.database, config, log, new ManualClock(new Date("2026-03-02T09:00:00Z")));
  app = await buildApp({ config, services, log });
  await app.ready();
  await services.accounts.createUserAsOperator({
    email: "editor@example.org",
    name: "An editor",
    role: "editor",
    password: PASSWORD,
  });
  close = async () => {
    await app.close();
    await empty.close();
    rmSync(dir, { recursive: true, force: true });
  };
});
afterAll(() => close());

async function askForReset(headers: Record<string, string> = {}) {
  lines.length = 0;
  const res = await app.inject({
    method: "POST",
    url: "/api/auth/password-reset",
    headers,
    payload: { email: "editor@example.org" },
  });
  expect(res.statusCode).toBe(202);
  const mailed = lines.find((l) => l.entry.msg === "mail (no SMTP_URL set, logged instead)");
  if (!mailed) throw new Error(`the mailer wrote nothing:\n${lines.map((l) => l.raw).join("\n")}`);
  return { res, mailed };
}

describe("request ids in the logs", () => {
  it("puts the response's x-request-id on a line a service writes while serving the request", async () => {
    const { res, mailed } = await askForReset();
    const id = res.headers["x-request-id"];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(mailed.entry.reqId).toBe(id);
    const fastifyLines = lines.filter((l) => l.entry.msg === "incoming request" || l.entry.msg === "request completed");
    expect(fastifyLines).toHaveLength(2);
    for (const line of [...fastifyLines, mailed]) {
      expect(line.entry.reqId).toBe(id);
      expect(line.raw.match(/"reqId"/g)).toHaveLength(1);
    }
  });

  it("keeps a sane x-request-id sent by a proxy and sends it back", async () => {
    const { res, mailed } = await askForReset({ "x-request-id": "edge-7f3a.b_9" });
    expect(res.headers["x-request-id"]).toBe("edge-7f3a.b_9");
    expect(mailed.entry.reqId).toBe("edge-7f3a.b_9");
  });

  it.each([
    ["too long", "a".repeat(65)],
    ["with a space", "edge 7f3a"],
    ["with markup", "<script>"],
    ["empty", ""],
  ])("replaces an x-request-id %s with one of its own", async (_, sent) => {
    const { res, mailed } = await askForReset({ "x-request-id": sent });
    expect(res.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(mailed.entry.reqId).toBe(res.headers["x-request-id"]);
  });

  it("keeps the id on a service's line when the body reaches the server after the headers", async () => {
    const address = await app.listen({ host: "127.0.0.1", port: 0 });
    lines.length = 0;
    const body = JSON.stringify({ email: "editor@example.org" });
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        `${address}/api/auth/password-reset`,
        { method: "POST", headers: { "content-type": "application/json", "content-length": body.length } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on("error", reject);
      req.flushHeaders();
      setTimeout(() => req.end(body), 50);
    });
    expect(status).toBe(202);
    const completed = lines.find((l) => l.entry.msg === "request completed");
    const mailed = lines.find((l) => l.entry.msg === "mail (no SMTP_URL set, logged instead)");
    expect(completed?.entry.reqId).toMatch(/^[0-9a-f-]{36}$/);
    expect(mailed?.entry.reqId).toBe(completed?.entry.reqId);
  });

  it("gives each request its own id, and none to lines written outside requests", async () => {
    const first = (await askForReset()).res.headers["x-request-id"];
    const second = (await askForReset()).res.headers["x-request-id"];
    expect(first).not.toBe(second);
    lines.length = 0;
    services.deps.log.info("outside any request");
    expect(lines[0]?.entry.reqId).toBeUndefined();
  });

  it("leaves probes out of the request log, and not other requests", async () => {
    lines.length = 0;
    for (const url of ["/health", "/ready", "/api/health"]) {
      expect((await app.inject({ method: "GET", url })).statusCode).toBe(200);
    }
    expect(lines.filter((l) => l.entry.msg === "request completed")).toEqual([]);
    await app.inject({ method: "GET", url: "/api/auth/session" });
    const logged = lines.filter((l) => l.entry.msg === "request completed");
    expect(logged).toHaveLength(1);
  });
});
