import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINE, freshPostgresSchema, PASSWORD, TEST_DATABASE_URL } from "#test/harness.js";

/**
 * The feeds as a calendar client meets them: a real server process, in a time zone that is
 * neither UTC nor any event's (Los Angeles), on a fresh database of the engine under test, read
 * over HTTP and parsed by ical.js with only the VTIMEZONEs the feed itself carries.
 */

const MAIN = fileURLToPath(new URL("../../main.ts", import.meta.url));
const ADMIN = { email: "calendar-admin@example.org", password: PASSWORD };

let server: ChildProcess | undefined;
let base: string;
let headers: Record<string, string>;
let cleanup: () => Promise<void>;

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

/** Starts `main.ts` in its own process and resolves once it says it is ready. */
function startServer(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", MAIN], {
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('"msg":"Conventio is ready at ')) resolve(child);
    });
    child.once("exit", (code) =>
      reject(new Error(`The server stopped (${code}) before it was ready:\n${out}\n${err}`)),
    );
  });
}

async function call(method: "GET" | "POST", path: string, body?: unknown) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, type: res.headers.get("content-type") ?? "", text: await res.text() };
}

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), "conventio-calendar-"));
  const port = await freePort();
  const env: Record<string, string> = {
    TZ: "America/Los_Angeles",
    NODE_ENV: "test",
    HOST: "127.0.0.1",
    PORT: String(port),
    DATA_DIR: dataDir,
    WEB_DIST: join(dataDir, "no-web-app"),
    PUBLIC_URL: "https://partnerships.example.org",
    LOG_LEVEL: "info",
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
  };
  let drop: (() => Promise<void>) | null = null;
  if (ENGINE === "postgres") {
    const fresh = await freshPostgresSchema();
    drop = fresh.drop;
    const url = new URL(TEST_DATABASE_URL);
    url.searchParams.set("options", `-c search_path=${fresh.schema}`);
    env.DATABASE_URL = url.toString();
  }
  cleanup = async () => {
    const child = server;
    if (child && child.exitCode === null) {
      const stopped = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await stopped;
    }
    if (drop) await drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  server = await startServer(env);
  base = `http://127.0.0.1:${port}`;
  headers = {};
  const signIn = await fetch(`${base}/api/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(ADMIN),
  });
  expect(signIn.status).toBe(200);
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  headers = { cookie, "x-csrf-token": ((await signIn.json()) as { csrfToken: string }).csrfToken };
}, 120_000);

afterAll(async () => {
  await cleanup?.();
});

/** What a calendar client makes of a feed: the zones it defines, and each event's start and end. */
function readFeed(text: string) {
  ICAL.TimezoneService.reset();
  const calendar = new ICAL.Component(ICAL.parse(text));
  const defined = calendar.getAllSubcomponents("vtimezone").map((vtz) => {
    const zone = new ICAL.Timezone(vtz);
    ICAL.TimezoneService.register(zone);
    return zone.tzid;
  });
  const events = calendar.getAllSubcomponents("vevent").map((v) => {
    const e = new ICAL.Event(v);
    return {
      summary: e.summary,
      description: e.description,
      location: e.location,
      zone: e.startDate.zone?.tzid,
      start: e.startDate.toJSDate().toISOString(),
      end: e.endDate.toJSDate().toISOString(),
    };
  });
  const unfolded = text.replace(/\r\n[ \t]/g, "");
  const used = [...new Set([...unfolded.matchAll(/;TZID=([^:;]+)/g)].map((m) => m[1] as string))];
  return { defined, used, events, unfolded };
}

const EVENTS = [
  {
    title: "Winter welcome day in Stockholm",
    startsAt: "2026-01-15T09:30:00+01:00",
    endsAt: "2026-01-15T12:00:00+01:00",
    timeZone: "Europe/Stockholm",
    expected: { start: "2026-01-15T08:30:00.000Z", end: "2026-01-15T11:00:00.000Z" },
    line: "DTSTART;TZID=Europe/Stockholm:20260115T093000",
  },
  {
    title: "Midsummer seminar in Stockholm",
    startsAt: "2026-06-15T07:30:00Z",
    endsAt: "2026-06-15T09:00:00Z",
    timeZone: "Europe/Stockholm",
    expected: { start: "2026-06-15T07:30:00.000Z", end: "2026-06-15T09:00:00.000Z" },
    line: "DTSTART;TZID=Europe/Stockholm:20260615T093000",
  },
  {
    title: "Kyutech research day",
    startsAt: "2026-04-10T09:30:00+09:00",
    endsAt: "2026-04-10T17:00:00+09:00",
    timeZone: "Asia/Tokyo",
    expected: { start: "2026-04-10T00:30:00.000Z", end: "2026-04-10T08:00:00.000Z" },
    line: "DTSTART;TZID=Asia/Tokyo:20260410T093000",
  },
  {
    title: "Night of research, across the change to winter time",
    startsAt: "2026-10-24T22:00:00+02:00",
    endsAt: "2026-10-25T10:00:00+01:00",
    timeZone: "Europe/Paris",
    expected: { start: "2026-10-24T20:00:00.000Z", end: "2026-10-25T09:00:00.000Z" },
    line: "DTEND;TZID=Europe/Paris:20261025T100000",
  },
];

describe("the iCal feeds, read by a calendar client", () => {
  it("places every event at the instant entered, from the feed's own time zone definitions", async () => {
    for (const { expected: _e, line: _l, ...event } of EVENTS) {
      const res = await call("POST", "/api/events", event);
      expect(res.status, res.text).toBe(201);
    }
    const res = await call("GET", "/api/public/calendar.ics");
    expect(res.status).toBe(200);
    expect(res.type).toContain("text/calendar");
    const feed = readFeed(res.text);
    for (const e of EVENTS) {
      const found = feed.events.find((x) => x.summary === e.title);
      expect(found, e.title).toMatchObject({ zone: e.timeZone, ...e.expected });
      expect(feed.unfolded).toContain(`${e.line}\r\n`);
    }
  });

  it("defines each time zone it names, once", async () => {
    const feed = readFeed((await call("GET", "/api/public/calendar.ics")).text);
    expect(feed.used.sort()).toEqual(["Asia/Tokyo", "Europe/Paris", "Europe/Stockholm"]);
    expect([...feed.defined].sort()).toEqual(feed.used);
  });

  it("refuses control characters and terminal escapes, and carries the rest escaped without bidirectional overrides", async () => {
    const refused = await call("POST", "/api/events", {
      title: "Open day\u001b[31m, \u0007again\u009b",
      startsAt: "2026-05-20T10:00:00+02:00",
      timeZone: "Europe/Paris",
    });
    expect(refused.status).toBe(422);
    expect(JSON.parse(refused.text).errors.map((e: { field: string }) => e.field)).toEqual(["title"]);
    const created = await call("POST", "/api/events", {
      title: "Open day, again",
      description: "Programme; talks, then lunch.\r\nBring a \\ badge.\u202e",
      startsAt: "2026-05-20T10:00:00+02:00",
      timeZone: "Europe/Paris",
      place: "Lille;\nCité scientifique, building A",
      contactName: 'Ann "the" Lind',
      contactEmail: "ann.lind@example.org",
    });
    expect(created.status, created.text).toBe(201);
    const res = await call("GET", "/api/public/calendar.ics");
    expect(res.text).not.toContain("\u001b");
    // Line ends aside, no C0 or C1 control character, DEL nor bidirectional override reaches the feed.
    const controls = [...res.text.replace(/\r\n/g, "")].filter((ch) => {
      const c = ch.codePointAt(0) ?? 0;
      return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e);
    });
    expect(controls).toEqual([]);
    const e = readFeed(res.text).events.find((x) => x.summary?.startsWith("Open day"));
    expect(e).toMatchObject({
      summary: "Open day, again",
      location: "Lille; Cité scientifique, building A",
      zone: "Europe/Paris",
      start: "2026-05-20T08:00:00.000Z",
    });
    expect(e?.description).toBe(
      'Programme; talks, then lunch.\nBring a \\ badge.\n\nContact: Ann "the" Lind · ann.lind@example.org',
    );
    expect(res.text).toContain('ORGANIZER;CN="Ann the Lind":mailto:ann.lind@example.org');
  });
});
