/**
 * The parts of the EWP demonstration that start and talk to installations: a TLS certificate
 * for loopback, a fresh PostgreSQL database, Conventio processes, and signed-in HTTPS calls.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { request } from "node:https";
import { createServer } from "node:net";
import { join } from "node:path";
import pg from "pg";
import { generate } from "selfsigned";

export const ROOT = join(import.meta.dirname, "..");

/** A certificate for 127.0.0.1 that both installations serve and trust. */
export async function loopbackCertificate(dir: string): Promise<{ cert: string; key: string; pem: string }> {
  const made = await generate([{ name: "commonName", value: "127.0.0.1" }], {
    keySize: 2048,
    extensions: [{ name: "subjectAltName", altNames: [{ type: 7, ip: "127.0.0.1" }] }],
  });
  const cert = join(dir, "loopback.crt");
  const key = join(dir, "loopback.key");
  writeFileSync(cert, made.cert);
  writeFileSync(key, made.private);
  return { cert, key, pem: made.cert };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** A database of its own on the PostgreSQL server, and how to drop it. */
export async function freshPostgres(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `conventio_ewp_demo_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  try {
    await admin(`create database ${name}`);
  } catch (error) {
    throw new Error(`The demonstration needs a PostgreSQL server at ${serverUrl}: ${String(error)}`);
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

export interface Answer {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

/** An HTTPS call that trusts the loopback certificate. */
export function call(
  ca: string,
  method: string,
  url: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, ca, timeout: 30_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), headers: res.headers }),
      );
    });
    req.on("timeout", () => req.destroy(new Error(`${method} ${url} timed out`)));
    req.on("error", reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

export interface Installation {
  name: string;
  heiId: string;
  url: string;
  port: number;
  engine: "SQLite" | "PostgreSQL";
  process: ChildProcess;
  /** A signed-in administrator's JSON call to the installation's API. */
  api<T = unknown>(method: string, path: string, payload?: unknown): Promise<T>;
  stop(): Promise<void>;
}

/** Starts Conventio as a process of its own, serving HTTPS on loopback, and signs in its administrator. */
export async function startInstallation(options: {
  name: string;
  heiId: string;
  dataDir: string;
  databaseUrl?: string;
  tls: { cert: string; key: string; pem: string };
  catalogue: string;
  /** The port of an earlier run, so that the catalogue's addresses still hold after a restart. */
  port?: number;
  /** More settings, e.g. polling. */
  env?: Record<string, string>;
}): Promise<Installation> {
  const port = options.port ?? (await freePort());
  const url = `https://127.0.0.1:${port}`;
  const admin = { email: `admin@${options.heiId}`, password: "a-long-enough-demo-password" };
  const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "packages/server/src/main.ts")], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      PUBLIC_URL: url,
      DATA_DIR: options.dataDir,
      ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : { DATABASE_URL: "" }),
      TLS_CERT_FILE: options.tls.cert,
      TLS_KEY_FILE: options.tls.key,
      NODE_EXTRA_CA_CERTS: options.tls.cert,
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
      EWP_CATALOGUE: options.catalogue,
      EWP_OUTBOX_SECONDS: "0.2",
      EWP_RETRY_SECONDS: "0.5",
      EWP_POLL_MINUTES: "0",
      LOG_LEVEL: "warn",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${options.name} stopped while starting:\n${output}`);
    const ready = await call(options.tls.pem, "GET", `${url}/api/health`).catch(() => null);
    if (ready?.status === 200) break;
    if (Date.now() > deadline) throw new Error(`${options.name} did not start within two minutes:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const signIn = await call(
    options.tls.pem,
    "POST",
    `${url}/api/auth/sign-in`,
    { "content-type": "application/json" },
    JSON.stringify(admin),
  );
  if (signIn.status !== 200) throw new Error(`${options.name}: sign-in failed (${signIn.status}) ${signIn.body}`);
  const cookie = String(signIn.headers["set-cookie"] ?? "").split(";")[0] ?? "";
  const csrf = (JSON.parse(signIn.body) as { csrfToken: string }).csrfToken;

  return {
    name: options.name,
    heiId: options.heiId,
    url,
    port,
    engine: options.databaseUrl ? "PostgreSQL" : "SQLite",
    process: child,
    async api<T>(method: string, path: string, payload?: unknown): Promise<T> {
      const headers: Record<string, string> = { cookie, "x-csrf-token": csrf };
      if (payload !== undefined) headers["content-type"] = "application/json";
      const res = await call(
        options.tls.pem,
        method,
        `${url}${path}`,
        headers,
        payload === undefined ? undefined : JSON.stringify(payload),
      );
      if (res.status >= 400) throw new Error(`${options.name}: ${method} ${path} answered ${res.status}: ${res.body}`);
      return (res.status === 204 ? undefined : JSON.parse(res.body)) as T;
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}
