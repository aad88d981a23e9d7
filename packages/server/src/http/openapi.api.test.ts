import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type Session, signedIn, type TestContext } from "#test/harness.js";

/**
 * The served OpenAPI document is checked by the official OpenAPI 3.1 schema, resolves every
 * reference, names and tags every operation, and says what errors and downloads really send.
 */
type Json = Record<string, unknown>;
interface Operation {
  method: string;
  path: string;
  operationId?: string;
  tags?: string[];
  security?: Json[];
  responses: Record<string, Json>;
}
interface Document {
  tags?: Array<{ name: string; description?: string }>;
  paths: Record<string, Record<string, Omit<Operation, "method" | "path">>>;
  components: { schemas: Record<string, Json>; responses?: Record<string, Json> };
}

const PROBLEM_REF = "#/components/schemas/Problem";

let ctx: TestContext;
let admin: Session;
let body: string;
let doc: Document;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await signedIn(ctx, "admin");
  const res = await ctx.app.inject({ method: "GET", url: "/api/openapi.json" });
  expect(res.statusCode).toBe(200);
  body = res.body;
  doc = res.json();
});
afterAll(() => ctx.close());

function operations(): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ ...op, method: method.toUpperCase(), path })),
  );
}

/** Follows a local JSON pointer such as #/components/responses/NotFound; undefined when it leads nowhere. */
function resolvePointer(ref: string): unknown {
  if (!ref.startsWith("#/")) return undefined;
  return ref
    .slice(2)
    .split("/")
    .map((part) => decodeURIComponent(part.replace(/~1/g, "/").replace(/~0/g, "~")))
    .reduce<unknown>((node, key) => (node as Json | undefined)?.[key], doc);
}

function response(op: Operation, status: string): Json {
  const declared = op.responses[status] as Json;
  return typeof declared.$ref === "string" ? (resolvePointer(declared.$ref) as Json) : declared;
}

function findOperation(method: string, path: string): Operation {
  const op = operations().find((o) => o.method === method && o.path === path);
  if (!op) throw new Error(`${method} ${path} is not in the document`);
  return op;
}

describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1 by the official schema, with every reference resolving", async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc) as unknown as Json);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    expect(() => validator.resolveRefs()).not.toThrow();
    const refs = [...body.matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1] as string);
    expect(refs.length).toBeGreaterThan(100);
    expect([...new Set(refs)].filter((ref) => resolvePointer(ref) === undefined)).toEqual([]);
  });

  it("keeps only components something refers to", () => {
    const unused = Object.keys(doc.components.schemas).filter(
      (name) => !body.includes(`"#/components/schemas/${name}"`),
    );
    expect(unused).toEqual([]);
  });

  it("names every operation once, readably", () => {
    const ids = operations().map((op) => op.operationId);
    expect(ids.filter((id) => !id || !/^[a-z][A-Za-z0-9]+$/.test(id))).toEqual([]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(findOperation("GET", "/api/agreements").operationId).toBe("listAgreements");
    expect(findOperation("GET", "/api/agreements/{id}").operationId).toBe("getAgreement");
    expect(findOperation("POST", "/api/agreements").operationId).toBe("createAgreement");
    expect(findOperation("DELETE", "/api/people/{id}/roles/{roleId}").operationId).toBe("deletePersonRole");
    expect(findOperation("POST", "/api/auth/sign-in").operationId).toBe("signIn");
  });

  it("tags every operation with a module declared, with its description, at the top level", () => {
    const declared = new Map((doc.tags ?? []).map((t) => [t.name, t.description]));
    const untagged = operations().filter((op) => !op.tags?.length);
    expect(untagged.map((op) => `${op.method} ${op.path}`)).toEqual([]);
    const undeclared = operations().flatMap((op) => (op.tags ?? []).filter((t) => !declared.has(t)));
    expect([...new Set(undeclared)]).toEqual([]);
    expect([...declared].filter(([, description]) => !description)).toEqual([]);
    const used = new Set(operations().flatMap((op) => op.tags ?? []));
    expect([...declared.keys()].filter((name) => !used.has(name))).toEqual([]);
  });

  it("declares every error as application/problem+json referring to the one Problem schema", () => {
    const wrong: string[] = [];
    let errors = 0;
    for (const op of operations()) {
      for (const status of Object.keys(op.responses).filter((s) => Number(s) >= 400)) {
        errors++;
        const content = response(op, status).content as Record<string, Json> | undefined;
        const schema = content?.["application/problem+json"]?.schema as Json | undefined;
        if (Object.keys(content ?? {}).join() !== "application/problem+json" || schema?.$ref !== PROBLEM_REF) {
          wrong.push(`${op.method} ${op.path} ${status}`);
        }
      }
    }
    expect(errors).toBeGreaterThan(500);
    expect(wrong).toEqual([]);
    // The Problem schema is written out once: its code enum appears in the component only.
    expect(body.split('"duplicate_suspected"').length - 1).toBe(1);
    expect(doc.components.schemas.Problem).toMatchObject({ type: "object" });
  });

  it("is far smaller than when every error repeated the Problem schema", () => {
    console.info(`OpenAPI document: ${Math.round(body.length / 1024)} KB, ${operations().length} operations`);
    // About 460 KB with the IIA and institution schemas; errors repeating Problem made it several times larger.
    expect(body.length).toBeLessThan(600_000);
  });

  it("declares the media types of downloads and feeds", () => {
    const downloads: Array<[string, string, string[]]> = [
      ["GET", "/api/agreements/{id}/review.pdf", ["application/pdf"]],
      ["GET", "/api/agreements/{id}/documents/{documentId}", ["application/octet-stream"]],
      ["GET", "/api/activities/{id}/documents/{documentId}", ["application/octet-stream"]],
      ["GET", "/api/pictures/{pictureId}/files/{size}", ["image/webp"]],
      ["GET", "/api/pictures/{pictureId}/original", ["image/jpeg", "image/png", "image/webp"]],
      ["GET", "/api/public/pictures/{pictureId}/{size}", ["image/webp"]],
      ["GET", "/api/public/calendar.ics", ["text/calendar"]],
      ["GET", "/api/public/agreements/{id}/calendar.ics", ["text/calendar"]],
      ["GET", "/api/public/news.rss", ["application/rss+xml"]],
      ["GET", "/api/public/news.atom", ["application/atom+xml"]],
      ["GET", "/api/people/{id}/export", ["application/json"]],
    ];
    for (const [method, path, types] of downloads) {
      const ok = response(findOperation(method, path), "200");
      expect(Object.keys(ok.content as Json), `${method} ${path}`).toEqual(types);
      expect(ok.description, `${method} ${path}`).not.toBe("Default Response");
    }
    const saved = ["/api/agreements/{id}/documents/{documentId}", "/api/people/{id}/export"];
    for (const path of saved) {
      expect(Object.keys(response(findOperation("GET", path), "200").headers as Json)).toEqual(["content-disposition"]);
    }
  });

  it("documents the health route monitoring calls, open without a session", async () => {
    const health = findOperation("GET", "/api/health");
    expect(health.security).toEqual([]);
    expect(Object.keys(response(health, "200").content as Json)).toEqual(["application/json"]);
    expect((await ctx.app.inject({ method: "GET", url: "/api/health" })).json()).toEqual({ ok: true });
  });

  it("says which operations need a session, as an anonymous caller finds them", async () => {
    const wrong: string[] = [];
    for (const op of operations()) {
      const open =
        op.security !== undefined && (op.security.length === 0 || op.security.some((s) => !Object.keys(s).length));
      const withBody = ["POST", "PUT", "PATCH"].includes(op.method);
      const res = await ctx.app.inject({
        method: op.method as "GET",
        url: op.path.replace(/\{[^}]+\}/g, "missing"),
        ...(withBody ? { payload: {} } : {}),
      });
      // A request the route's schema refuses (422) or that names no record (404) says nothing either way.
      if (open && res.statusCode === 401) wrong.push(`${op.method} ${op.path} is declared open but asks to sign in`);
      if (!open && res.statusCode < 400)
        wrong.push(`${op.method} ${op.path} answers ${res.statusCode} without a session`);
    }
    expect(wrong).toEqual([]);
    expect(findOperation("GET", "/api/public/home").security).toEqual([]);
    expect(findOperation("GET", "/api/agreements").security).toBeUndefined();
  });
});

describe("error responses", () => {
  const validateProblem = () => new Ajv2020({ strict: false }).compile(doc.components.schemas.Problem as object);

  it("send a 404 body that the documented Problem schema accepts", async () => {
    const res = await ctx.app.inject({ method: "GET", url: "/api/agreements/missing", headers: admin.headers });
    expect(res.statusCode).toBe(404);
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
    const validate = validateProblem();
    expect(validate(res.json()), JSON.stringify(validate.errors)).toBe(true);
  });

  it("send a 422 body naming the field, which the documented Problem schema accepts", async () => {
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/organisations",
      headers: admin.headers,
      payload: { kind: "university", name: "", surprise: true },
    });
    expect(res.statusCode).toBe(422);
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
    const problem = res.json() as { errors: Array<{ field: string }> };
    expect(problem.errors.map((e) => e.field)).toContain("surprise");
    const validate = validateProblem();
    expect(validate(problem), JSON.stringify(validate.errors)).toBe(true);
  });

  it("are refused by the documented Problem schema when a field is missing", () => {
    const validate = validateProblem();
    expect(validate({ type: "about:blank", title: "Not found", status: 404 })).toBe(false);
  });
});
