import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CreateActionInput } from "@conventio/domain";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "#config.js";
import { connect } from "#db/connection.js";
import { migrateToLatest } from "#db/migrate.js";
import { SYSTEM_ACTOR } from "#db/seed/system-actor.js";
import { createLogger } from "#shared/logger.js";
import { ENGINE, freshPostgresSchema, PASSWORD, TEST_DATABASE_URL } from "#test/harness.js";
import { type MailCatcher, startMailCatcher } from "#test/mail-catcher.js";
import { createServices } from "../services.js";

/**
 * Two real server processes, started as an operator starts them (`conventio serve`), on one
 * PostgreSQL database, each with a data folder of its own so that nothing is shared on disk: what
 * one process is told, the other knows (decision 029). SQLite is served by one process only.
 */
const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const TSX = join(ROOT, "node_modules", ".bin", "tsx");
const CLI = join(ROOT, "packages", "cli", "src", "main.ts");
const EMAIL = "office@example.org";
const ACTION = "Countersign the Kyushu exchange agreement";

interface ServerProcess {
  url: string;
  child: ChildProcess;
  dataDir: string;
  /** What it has written to its standard output and error so far. */
  output(): string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
}

/** Starts `conventio serve` on a free port and waits for it to say it is ready. */
function startProcess(env: Record<string, string>): Promise<ServerProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), "conventio-process-"));
  const child = spawn(TSX, [CLI, "serve"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "test",
      HOST: "127.0.0.1",
      PORT: "0",
      LOG_LEVEL: "info",
      DATA_DIR: dataDir,
      WEB_DIST: join(dataDir, "no-web-app"),
      EWP_CATALOGUE: join(dataDir, "ewp-catalogue.xml"),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The server did not start:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const ready = /Conventio is ready at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (ready?.[1]) {
        clearTimeout(timer);
        resolve({ url: ready[1], child, dataDir, exited, output: () => output });
      }
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", read);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`The server ended with ${code} before it was ready:\n${output}`));
    });
  });
}

/** The database URL of one schema: every connection of the processes opens in it. */
function urlOfSchema(schema: string): string {
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set("options", `-c search_path=${schema}`);
  return url.toString();
}

/** The sum of a counter's series for one job in a process's /metrics. */
async function jobCount(server: ServerProcess, name: string, job: string): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const line = text.split("\n").find((l) => l.startsWith(`${name}{job="${job}"}`));
  return line ? Number(line.split(" ").at(-1)) : 0;
}

describe.skipIf(ENGINE !== "postgres")("two server processes on one PostgreSQL database", () => {
  let smtp: MailCatcher;
  let drop: () => Promise<void>;
  let a: ServerProcess;
  let b: ServerProcess;
  let session: { cookie: string; csrf: string };

  beforeAll(async () => {
    smtp = await startMailCatcher();
    const fresh = await freshPostgresSchema();
    drop = fresh.drop;
    // The installation as both processes will find it: an account, and an action due in two days.
    const seedDir = mkdtempSync(join(tmpdir(), "conventio-seed-"));
    const database = connect({ url: TEST_DATABASE_URL, schema: fresh.schema });
    try {
      await migrateToLatest(database.db);
      const config = loadConfig({ DATA_DIR: seedDir, LOG_LEVEL: "silent" });
      const services = createServices(database, config, createLogger(config));
      const user = await services.accounts.createUserAsOperator({
        email: EMAIL,
        name: "Partnership office",
        role: "admin",
        password: PASSWORD,
      });
      const dueOn = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
      await services.governance.createAction(
        SYSTEM_ACTOR,
        CreateActionInput.parse({ title: ACTION, ownerId: user.id, dueOn }),
      );
      services.mailer.close();
    } finally {
      await database.destroy();
      rmSync(seedDir, { recursive: true, force: true });
    }
    // Both start at once: one prepares the new installation while the other waits, then each runs its
    // first reminder pass, at about the same moment.
    const env = { DATABASE_URL: urlOfSchema(fresh.schema), SMTP_URL: smtp.url };
    [a, b] = await Promise.all([startProcess(env), startProcess(env)]);
  }, 120_000);

  afterAll(async () => {
    for (const server of [a, b]) {
      if (!server) continue;
      if (server.child.exitCode === null) server.child.kill("SIGKILL");
      rmSync(server.dataDir, { recursive: true, force: true });
    }
    await drop?.();
    await smtp?.close();
  });

  it("prepares a new installation in one process while the other waits for it", () => {
    const loaded = [a, b].filter((server) => server.output().includes("bundled registry loaded"));
    expect(loaded).toHaveLength(1);
  });

  it("keeps a sign-in made on one process good on the other, its CSRF token included", async () => {
    const res = await fetch(`${a.url}/api/auth/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    session = { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };

    const seen = await fetch(`${b.url}/api/auth/session`, { headers: { cookie } });
    expect(((await seen.json()) as { user: { email: string } }).user.email).toBe(EMAIL);
    const headers = { cookie, "x-csrf-token": session.csrf, "content-type": "application/json" };
    const written = await fetch(`${b.url}/api/organisations`, {
      method: "POST",
      headers,
      body: JSON.stringify({ kind: "company", name: "Written through the other process" }),
    });
    expect(written.status).toBe(201);
    const refused = await fetch(`${b.url}/api/organisations`, {
      method: "POST",
      headers: { ...headers, "x-csrf-token": "not-the-token" },
      body: JSON.stringify({ kind: "company", name: "Refused" }),
    });
    expect(refused.status).toBe(403);
  });

  it("serves a document and a picture uploaded through one process from the other, byte for byte", async () => {
    const headers = { cookie: session.cookie, "x-csrf-token": session.csrf };
    const agreement = await fetch(`${a.url}/api/agreements`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ kind: "memorandum_of_understanding", title: "MoU kept where both processes reach" }),
    });
    expect(agreement.status).toBe(201);
    const { id } = (await agreement.json()) as { id: string };

    const pdf = Buffer.concat([
      Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n"),
      Buffer.alloc(200_000, 0x41),
      Buffer.from("\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
    ]);
    const form = new FormData();
    form.append("kind", "signed");
    form.append("file", new Blob([pdf]), "signed-mou.pdf");
    const uploaded = await fetch(`${a.url}/api/agreements/${id}/documents`, { method: "POST", headers, body: form });
    expect(uploaded.status).toBe(201);
    const doc = (await uploaded.json()) as { id: string };
    const download = await fetch(`${b.url}/api/agreements/${id}/documents/${doc.id}`, { headers });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);

    const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: "#3366aa" } })
      .jpeg()
      .toBuffer();
    const pictureForm = new FormData();
    pictureForm.append("file", new Blob([photo]), "signing.jpg");
    const picture = await fetch(`${a.url}/api/agreements/${id}/pictures`, {
      method: "POST",
      headers,
      body: pictureForm,
    });
    expect(picture.status).toBe(201);
    const { files } = (await picture.json()) as { files: { thumb: { url: string } } };
    const thumb = await fetch(`${b.url}${files.thumb.url}`, { headers });
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get("content-type")).toBe("image/webp");
    expect((await sharp(Buffer.from(await thumb.arrayBuffer())).metadata()).width).toBe(320);
  });

  it("sends a due reminder once, though both processes ran their reminder pass", async () => {
    const deadline = Date.now() + 20_000;
    while (!smtp.mails.some((m) => m.data.includes(ACTION)) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // Each process made its one pass: run, or skipped because the other was running it.
    const passes = async () => {
      let n = 0;
      for (const server of [a, b]) {
        n += await jobCount(server, "jobs_runs_total", "reminders");
        n += await jobCount(server, "jobs_skipped_total", "reminders");
      }
      return n;
    };
    while ((await passes()) < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await passes()).toBe(2);
    expect(smtp.mails.filter((m) => m.data.includes(ACTION))).toHaveLength(1);
    expect(smtp.mails[0]?.to).toEqual([EMAIL]);
  });

  it("stops both processes gracefully", async () => {
    a.child.kill("SIGTERM");
    b.child.kill("SIGTERM");
    expect(await Promise.all([a.exited, b.exited])).toEqual([0, 0]);
  });
});
