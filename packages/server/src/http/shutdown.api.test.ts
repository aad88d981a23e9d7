import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINE, freshPostgresSchema, PASSWORD, TEST_DATABASE_URL } from "#test/harness.js";

/**
 * Shutdown as an orchestrator meets it: `main.ts` in its own process, a request in flight that
 * is held inside its service (the password-reset mail waits on a mail server that answers only
 * when the test says so), then SIGTERM.
 */

const MAIN = fileURLToPath(new URL("../main.ts", import.meta.url));
const ADMIN = { email: "shutdown-admin@example.org", password: PASSWORD };

/** A port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/** A real SMTP server that takes a message only once released; `arrived` resolves when one is being sent. */
async function startHeldMailServer() {
  let arrive = () => {};
  let release = () => {};
  const arrived = new Promise<void>((resolve) => {
    arrive = resolve;
  });
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      arrive();
      stream.resume();
      stream.on("end", () => void released.then(() => callback()));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    arrived,
    release,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let server: ChildProcess;
let output = "";
let base: string;
let mail: Awaited<ReturnType<typeof startHeldMailServer>>;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), "conventio-shutdown-"));
  const port = await freePort();
  mail = await startHeldMailServer();
  const env: Record<string, string> = {
    NODE_ENV: "test",
    HOST: "127.0.0.1",
    PORT: String(port),
    DATA_DIR: dataDir,
    WEB_DIST: join(dataDir, "no-web-app"),
    LOG_LEVEL: "info",
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    SMTP_URL: mail.url,
  };
  let drop: (() => Promise<void>) | null = null;
  if (ENGINE === "postgres") {
    const fresh = await freshPostgresSchema();
    drop = fresh.drop;
    const url = new URL(TEST_DATABASE_URL);
    url.searchParams.set("options", `-c search_path=${fresh.schema}`);
    env.DATABASE_URL = url.toString();
  }
  server = spawn(process.execPath, ["--import", "tsx", MAIN], {
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  server.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  cleanup = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      const stopped = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGKILL");
      await stopped;
    }
    await mail.close();
    if (drop) await drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  await new Promise<void>((resolve, reject) => {
    const ready = () => {
      if (output.includes('"msg":"Conventio is ready at ')) {
        server.stdout?.off("data", ready);
        resolve();
      }
    };
    server.stdout?.on("data", ready);
    server.once("exit", (code) => reject(new Error(`The server stopped (${code}) before it was ready:\n${output}`)));
  });
  base = `http://127.0.0.1:${port}`;
  // The first start loads the bundled registry, which takes a while on a busy machine.
}, 120_000);
afterAll(() => cleanup());

/** Whether a new connection to the server is refused. */
async function refusesConnections(): Promise<boolean> {
  try {
    await fetch(`${base}/health`, { signal: AbortSignal.timeout(1000) });
    return false;
  } catch {
    return true;
  }
}

describe("shutdown on SIGTERM", () => {
  it("stops taking connections, lets the request in flight finish, then exits 0", async () => {
    const inFlight = fetch(`${base}/api/auth/password-reset`, {
      method: "POST",
      headers: { "content-type": "application/json", connection: "keep-alive" },
      body: JSON.stringify({ email: ADMIN.email }),
    });
    // The request is inside its service, sending the mail.
    await mail.arrived;
    const exited = new Promise<number | null>((resolve) => server.once("exit", (code) => resolve(code)));
    server.kill("SIGTERM");

    let refused = false;
    for (let i = 0; i < 40 && !refused; i++) {
      refused = await refusesConnections();
      if (!refused) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(refused).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(server.exitCode).toBeNull();

    mail.release();
    const res = await inFlight;
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({});
    expect(await exited).toBe(0);
    expect(output).toContain('"msg":"shutting down"');
    expect(output).toContain('"msg":"stopped"');
    expect(output).not.toContain("were cut");
  });
});
