import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateAgreementInput } from "@conventio/domain";
import {
  AppError,
  buildApp,
  createLogger,
  createServices,
  type Database,
  loadConfig,
  openDatabase,
  SYSTEM_ACTOR,
} from "@conventio/server";
import { Command } from "commander";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { addRemoteOptions } from "../remote.js";
import { registerAgreementsCommands } from "./agreements.js";
import { registerEwpCommands } from "./ewp.js";
import { registerServerCommands } from "./server.js";
import { registerTokenCommands } from "./tokens.js";

/** create-token on a database of its own, and read commands against a server listening on that database. */
const dir = mkdtempSync(join(tmpdir(), "conventio-tokens-"));
const saved = { ...process.env };
let app: Awaited<ReturnType<typeof buildApp>>;
let database: Database;
let server: string;

interface Run {
  out: string;
  err: string;
  exitCode: number | undefined;
}

async function conventio(...args: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((...parts) => void out.push(parts.join(" ")));
  const error = vi.spyOn(console, "error").mockImplementation((...parts) => void err.push(parts.join(" ")));
  process.exitCode = undefined;
  try {
    const program = new Command("conventio")
      .exitOverride()
      .configureOutput({ writeErr: (text) => void err.push(text.trim()), writeOut: (text) => void out.push(text) });
    addRemoteOptions(program);
    registerServerCommands(program);
    registerTokenCommands(program);
    registerAgreementsCommands(program);
    registerEwpCommands(program);
    try {
      await program.parseAsync(args, { from: "user" });
    } catch (e) {
      // As main.ts does: a refusal is told in a sentence; commander's own errors carry their exit code.
      if (e instanceof AppError) {
        err.push(e.message);
        process.exitCode = 1;
      } else if (e instanceof Error && "exitCode" in e) {
        process.exitCode = e.exitCode as number;
      } else throw e;
    }
    return { out: out.join("\n"), err: err.join("\n"), exitCode: process.exitCode as number | undefined };
  } finally {
    log.mockRestore();
    error.mockRestore();
    process.exitCode = undefined;
  }
}

beforeAll(async () => {
  Object.assign(process.env, {
    DATA_DIR: dir,
    DATABASE_URL: "",
    PUBLIC_URL: "https://partners.example.org",
    EWP_CATALOGUE: join(dir, "catalogue.xml"),
    LOG_LEVEL: "silent",
  });
  delete process.env.CONVENTIO_SERVER;
  delete process.env.CONVENTIO_TOKEN;
  const config = loadConfig();
  const log = createLogger(config);
  database = await openDatabase(config, log);
  const services = createServices(database, config, log);
  await services.agreements.createAgreement(
    SYSTEM_ACTOR,
    CreateAgreementInput.parse({ kind: "framework_agreement", title: "Framework with Kyushu" }),
  );
  app = await buildApp({ config, services, log });
  server = await app.listen({ port: 0, host: "127.0.0.1" });
  const created = await conventio(
    "create-user",
    "--email",
    "Reader@Example.org",
    "--name",
    "Reader",
    "--role",
    "viewer",
    "--password",
    "correct horse battery staple",
  );
  expect(created.out).toContain("Created viewer reader@example.org.");
});
afterAll(async () => {
  await app.close();
  await database.destroy();
  process.env = saved;
  rmSync(dir, { recursive: true, force: true });
});

describe("conventio create-token", () => {
  it("prints the token alone on standard output, once, and says what it is on standard error", async () => {
    const run = await conventio(
      "create-token",
      "--email",
      "reader@example.org",
      "--scope",
      "read",
      "--expires-days",
      "30",
    );
    expect(run.exitCode).toBeUndefined();
    expect(run.out).toMatch(/^cvt_[A-Za-z0-9_-]{43}$/);
    expect(run.err).toMatch(
      /^Created the read token "command line" for reader@example\.org, valid until .*shown this once/,
    );
    const res = await fetch(`${server}/api/tokens`, { headers: { authorization: `Bearer ${run.out}` } });
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).not.toContain(run.out);
    expect(JSON.parse(body).items).toHaveLength(1);
  });

  it("refuses an unknown account and a bad expiry, naming them", async () => {
    const unknown = await conventio("create-token", "--email", "nobody@example.org", "--scope", "read");
    expect(unknown.exitCode).toBe(1);
    const bad = await conventio(
      "create-token",
      "--email",
      "reader@example.org",
      "--scope",
      "write",
      "--expires-days",
      "0",
    );
    expect(bad.exitCode).toBe(2);
    expect(bad.err).toContain("expires-days");
    const scope = await conventio("create-token", "--email", "reader@example.org", "--scope", "admin");
    expect(scope.exitCode).toBe(1);
    expect(scope.err).toContain("admin");
  });
});

describe("conventio --server --token", () => {
  it("lists agreements, shows one, the dashboard and the EWP node through the API with the bearer", async () => {
    const token = (await conventio("create-token", "--email", "reader@example.org", "--scope", "read")).out;
    const remote = ["--server", server, "--token", token];
    const list = await conventio(...remote, "agreements");
    expect(list.exitCode).toBeUndefined();
    expect(list.out).toMatch(/\tdraft\t.*\tFramework with Kyushu$/);
    const id = (
      await app.inject({ method: "GET", url: "/api/agreements", headers: { authorization: `Bearer ${token}` } })
    ).json().items[0].id;
    const shown = JSON.parse((await conventio(...remote, "agreement", id)).out);
    expect(shown).toMatchObject({ id, title: "Framework with Kyushu", documents: [] });
    expect((await conventio(...remote, "dashboard")).out).toContain("By status: draft 1");
    const node = JSON.parse((await conventio(...remote, "ewp", "status", "--json")).out);
    expect(node.baseUrl).toBe("https://partners.example.org/ewp");
  });

  it("moves an agreement through its life and changes it with a write token; a read token is refused", async () => {
    await conventio(
      "create-user",
      "--email",
      "editor@example.org",
      "--name",
      "Editor",
      "--role",
      "editor",
      "--password",
      "correct horse battery staple",
    );
    const write = (await conventio("create-token", "--email", "editor@example.org", "--scope", "write")).out;
    const read = (await conventio("create-token", "--email", "editor@example.org", "--scope", "read")).out;
    const bearer = { authorization: `Bearer ${write}` };
    const { id, reference } = (await app.inject({ method: "GET", url: "/api/agreements", headers: bearer })).json()
      .items[0];
    const refused = await conventio("--server", server, "--token", read, "transition", id, "start_negotiation");
    expect(refused.exitCode).toBe(1);
    expect(refused.err).toMatch(/read/i);
    const before = (await app.inject({ method: "GET", url: `/api/agreements/${id}`, headers: bearer })).json();
    expect(before.status).toBe("draft");

    const moved = await conventio("--server", server, "--token", write, "transition", id, "start_negotiation");
    const after = (await app.inject({ method: "GET", url: `/api/agreements/${id}`, headers: bearer })).json();
    expect(after.status).not.toBe("draft");
    expect(moved.out).toBe(`${reference} is now ${after.status}.`);

    const file = join(dir, "change.json");
    writeFileSync(file, JSON.stringify({ title: "Framework with Kyushu Institute of Technology" }));
    const changed = await conventio("--server", server, "--token", write, "update-agreement", id, file);
    expect(changed.exitCode, changed.err).toBeUndefined();
    const read2 = (await app.inject({ method: "GET", url: `/api/agreements/${id}`, headers: bearer })).json();
    expect(read2.title).toBe("Framework with Kyushu Institute of Technology");
    expect(changed.out).toBe(`${reference}\t${read2.status}\t${read2.title}`);
  });

  it("tells the server's refusal as it would be told locally", async () => {
    const revoked = await conventio("--server", server, "--token", "cvt_not-a-real-token", "dashboard");
    expect(revoked.exitCode).toBe(1);
    expect(revoked.err).toContain("This API token is not valid, has expired or was revoked.");
    const token = (await conventio("create-token", "--email", "reader@example.org", "--scope", "read")).out;
    const missing = await conventio("--server", server, "--token", token, "agreement", "missing");
    expect(missing.exitCode).toBe(1);
    expect(missing.err).toContain("This agreement was not found.");
  });

  it("says plainly that a command without an API equivalent works locally only", async () => {
    const run = await conventio(
      "--server",
      server,
      "--token",
      "cvt_x",
      "create-user",
      "--email",
      "x@example.org",
      "--name",
      "X",
    );
    expect(run.exitCode).toBe(2);
    expect(run.err).toContain("conventio create-user works on the local database only: it has no API equivalent.");
    const half = await conventio("--server", server, "dashboard");
    expect(half.exitCode).toBe(2);
    expect(half.err).toContain("--server and --token go together");
  });
});
