import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type Session, signedIn, type TestContext } from "#test/harness.js";

/**
 * Every write endpoint of the OpenAPI document gets broken JSON, wrong types, missing and
 * unknown fields and huge strings: each must answer a 4xx problem+json and write nothing.
 */
let ctx: TestContext;
let admin: Session;
let ids: Record<string, string>;

type Operation = { method: string; path: string };

async function rowCounts(): Promise<Record<string, number>> {
  const tables = [
    "organisation",
    "organisation_identifier",
    "membership",
    "person",
    "person_role",
    "app_user",
    "search_document",
  ] as const;
  const out: Record<string, number> = {};
  for (const t of tables) {
    const r = await ctx.database.db
      .selectFrom(t)
      .select(({ fn }) => fn.countAll<string | number>().as("n"))
      .executeTakeFirst();
    out[t] = Number(r?.n);
  }
  return out;
}

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await signedIn(ctx, "admin");
  const net = await ctx.app.inject({
    method: "POST",
    url: "/api/organisations",
    headers: admin.headers,
    payload: { kind: "network", name: "Fuzz Network" },
  });
  const person = await ctx.app.inject({
    method: "POST",
    url: "/api/people",
    headers: admin.headers,
    payload: { givenName: "F", familyName: "Z" },
  });
  ids = { id: net.json().id, person: person.json().id };
});
afterAll(() => ctx.close());

function writeOperations(spec: { paths: Record<string, Record<string, unknown>> }): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(spec.paths)) {
    for (const method of Object.keys(methods)) {
      if (["post", "patch", "put"].includes(method)) ops.push({ method: method.toUpperCase(), path });
    }
  }
  return ops;
}

const BODIES: Array<[string, string]> = [
  ["broken JSON", '{"name": "Lille",'],
  ["a JSON string", '"just a string"'],
  [
    "wrong types",
    JSON.stringify({ kind: 42, name: ["x"], email: false, givenName: 7, role: {}, memberId: 1, identifiers: "x" }),
  ],
  ["unknown fields", JSON.stringify({ surprise: true, __proto__x: 1 })],
  [
    "huge strings",
    JSON.stringify({
      name: "x".repeat(100_000),
      givenName: "y".repeat(100_000),
      email: `${"a".repeat(300)}@example.org`,
    }),
  ],
  ["a body over the limit", JSON.stringify({ name: "z".repeat(1_200_000) })],
];

describe("malformed input", () => {
  it("gets a 4xx problem+json from every write endpoint and writes nothing", async () => {
    const spec = (await ctx.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    const ops = writeOperations(spec);
    expect(ops.length).toBeGreaterThanOrEqual(10);
    const before = await rowCounts();
    const failures: string[] = [];
    for (const op of ops) {
      const url = op.path
        .replace("{id}", op.path.startsWith("/api/people") ? (ids.person ?? "") : (ids.id ?? ""))
        .replace(/\{[^}]+\}/g, "missing");
      for (const [label, payload] of BODIES) {
        const res = await ctx.app.inject({
          method: op.method,
          url,
          headers: { ...admin.headers, "content-type": "application/json" },
          payload,
        });
        const ok =
          res.statusCode >= 400 &&
          res.statusCode < 500 &&
          String(res.headers["content-type"]).startsWith("application/problem+json");
        if (!ok) failures.push(`${op.method} ${op.path} with ${label}: ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await rowCounts()).toEqual(before);
  });

  it("never answers a 500 to junk in the query string or the path of any read endpoint", async () => {
    const spec = (await ctx.app.inject({ method: "GET", url: "/api/openapi.json" })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const reads = Object.entries(spec.paths)
      .filter(([, methods]) => "get" in methods)
      .map(([path]) => path);
    expect(reads.length).toBeGreaterThanOrEqual(20);
    const junk =
      "?limit=abc&cursor=%E2%9C%93%25&kind=nonsense&status=%00&from=yesterday&on=2021-13-45&months=-1&q=" +
      "x".repeat(300);
    const failures: string[] = [];
    for (const path of reads) {
      for (const id of ["missing", "x".repeat(500), "%2e%2e%2f%2e%2e%2fetc"]) {
        const res = await ctx.app.inject({
          method: "GET",
          url: path.replace(/\{[^}]+\}/g, id) + junk,
          headers: admin.headers,
        });
        if (res.statusCode >= 500)
          failures.push(`GET ${path} (${id.slice(0, 12)}): ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("answers unknown routes and wrong media types with problem+json", async () => {
    const missing = await ctx.app.inject({ method: "GET", url: "/api/nothing-here", headers: admin.headers });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe("not_found");
    const form = await ctx.app.inject({
      method: "POST",
      url: "/api/organisations",
      headers: { ...admin.headers, "content-type": "text/plain" },
      payload: "name=x",
    });
    expect(form.statusCode).toBe(415);
    expect(form.json().code).toBe("unsupported_media_type");
  });

  it("names unknown fields as errors on those fields", async () => {
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/organisations",
      headers: admin.headers,
      payload: { kind: "company", name: "Fine", colour: "blue" },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toContainEqual({ field: "colour", message: "Unknown field" });
  });
});
