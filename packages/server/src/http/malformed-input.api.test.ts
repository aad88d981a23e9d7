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

/** Tables of the agreements, documents, governance, activities and publication modules (migrations 002–008). */
const NEWER_TABLES = [
  "agreement",
  "agreement_party",
  "agreement_theme",
  "agreement_signatory",
  "agreement_axis",
  "agreement_commitment",
  "agreement_event",
  "theme",
  "document",
  "governance_body",
  "body_member",
  "meeting",
  "action_item",
  "activity",
  "activity_partner",
  "indicator",
  "indicator_value",
  "event",
  "news_post",
  "news_tag",
  "news_comment",
] as const;

/** Which record a path's {id} names, by path prefix; anything else gets the organisation. */
const ID_OF_PATH: Array<[string, string]> = [
  ["/api/people/", "person"],
  ["/api/users/", "user"],
  ["/api/agreements/", "agreement"],
  ["/api/bodies/", "body"],
  ["/api/meetings/", "meeting"],
  ["/api/actions/", "action"],
  ["/api/activities/", "activity"],
  ["/api/indicators/", "indicator"],
  ["/api/events/", "event"],
  ["/api/news/", "post"],
  ["/api/comments/", "comment"],
];

/** Write endpoints of the newer modules that must be among those the OpenAPI walk reaches. */
const NEWER_WRITES = [
  "POST /api/agreements",
  "PATCH /api/agreements/{id}",
  "POST /api/agreements/{id}/transitions",
  "POST /api/agreements/{id}/renewal",
  "POST /api/agreements/{id}/documents",
  "POST /api/activities/{id}/documents",
  "POST /api/themes",
  "POST /api/bodies",
  "POST /api/bodies/{id}/members",
  "POST /api/bodies/{id}/meetings",
  "PATCH /api/meetings/{id}",
  "POST /api/actions",
  "PATCH /api/actions/{id}",
  "POST /api/activities",
  "PUT /api/activities/{id}",
  "POST /api/indicators",
  "PUT /api/indicators/{id}/values",
  "POST /api/events",
  "PUT /api/events/{id}",
  "POST /api/news",
  "PUT /api/news/{id}",
  "POST /api/news/{id}/comments",
  "POST /api/comments/{id}/moderation",
];

async function rowCounts(): Promise<Record<string, number>> {
  const tables = [
    "organisation",
    "organisation_identifier",
    "membership",
    "person",
    "person_role",
    "app_user",
    "search_document",
    "audit_event",
    ...NEWER_TABLES,
    "inbox_message",
    "mail_outbox",
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
  // A record behind every {id} of the newer modules, so a body that slipped past validation would
  // reach a real write (and show in the row counts) instead of stopping at "not found".
  const post = async (url: string, payload: object) => {
    const res = await ctx.app.inject({ method: "POST", url, headers: admin.headers, payload });
    if (res.statusCode !== 201 && res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const other = await post("/api/organisations", { kind: "university", name: "Fuzz University" });
  await post("/api/themes", { label: "Fuzzing", labels: [{ lang: "fr", value: "Fuzzing" }] });
  const agreement = await post("/api/agreements", {
    kind: "framework_agreement",
    title: "Fuzz agreement",
    signedOn: "2024-01-10",
    parties: [{ organisationId: ids.id }, { organisationId: other.id }],
    signatories: [{ name: "F Z", personId: ids.person, signedOn: "2024-01-10" }],
    themes: ["Fuzzing"],
    axes: [{ title: "Fuzz axis", coordinatorIds: [ids.person] }],
    commitments: [{ kind: "other", description: "Send junk" }],
  });
  const body = await post("/api/bodies", { agreementId: agreement.id, kind: "steering", name: "Fuzz committee" });
  await post(`/api/bodies/${body.id}/members`, { personId: ids.person, role: "chair" });
  const meeting = await post(`/api/bodies/${body.id}/meetings`, { heldOn: "2025-01-10", decisions: ["Fuzz more"] });
  const action = await post("/api/actions", {
    title: "Fuzz the API",
    agreementId: agreement.id,
    meetingId: meeting.id,
  });
  const activity = await post("/api/activities", {
    kind: "seminar",
    title: "Fuzz seminar",
    agreementId: agreement.id,
    partnerIds: [other.id],
  });
  const indicator = await post("/api/indicators", { agreementId: agreement.id, name: "Junk sent", unit: "bodies" });
  await ctx.app.inject({
    method: "PUT",
    url: `/api/indicators/${indicator.id}/values`,
    headers: admin.headers,
    payload: { year: 2025, value: 6 },
  });
  const event = await post("/api/events", { title: "Fuzz day", startsAt: "2025-03-01T09:00:00Z" });
  const news = await post("/api/news", { title: "Fuzz news", body: "…", tags: ["fuzz"], status: "published" });
  const comment = await post(`/api/news/${news.id}/comments`, { body: "First!" });
  const boundary = "----fuzz-boundary";
  const upload = await ctx.app.inject({
    method: "POST",
    url: `/api/agreements/${agreement.id}/documents`,
    headers: { ...admin.headers, "content-type": `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="fuzz.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
  if (upload.statusCode !== 201) throw new Error(`upload: ${upload.statusCode} ${upload.body}`);
  const session = await ctx.app.inject({ method: "GET", url: "/api/auth/session", headers: admin.headers });
  Object.assign(ids, {
    user: session.json().user.id,
    // A draft: renewal, which takes no body, is refused for it rather than carried out.
    agreement: agreement.id,
    body: body.id,
    meeting: meeting.id,
    action: action.id,
    activity: activity.id,
    indicator: indicator.id,
    event: event.id,
    post: news.id,
    comment: comment.id,
  });
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
  [
    "NUL bytes",
    JSON.stringify({ kind: "university", name: "Lil\u0000le", givenName: "A\u0000", title: "T\u0000", body: "\u0000" }),
  ],
  ["a terminal escape", JSON.stringify({ kind: "university", name: "\u001b[2JLille", title: "\u001b]0;x\u0007" })],
];

describe("malformed input", () => {
  it("gets a 4xx problem+json from every write endpoint and writes nothing", async () => {
    const spec = (await ctx.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    const ops = writeOperations(spec);
    expect(ops.length).toBeGreaterThanOrEqual(10);
    expect(ops.map((o) => `${o.method} ${o.path}`)).toEqual(expect.arrayContaining(NEWER_WRITES));
    const before = await rowCounts();
    // Every table of the newer modules holds rows, so a half-written change would show in the counts.
    expect(NEWER_TABLES.filter((t) => !before[t])).toEqual([]);
    const failures: string[] = [];
    for (const op of ops) {
      const record = ID_OF_PATH.find(([prefix]) => op.path.startsWith(prefix))?.[1] ?? "id";
      const url = op.path.replace("{id}", ids[record] ?? "").replace(/\{[^}]+\}/g, "missing");
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

  it("answers a NUL byte in the path or the query of every operation with a 4xx problem", async () => {
    const spec = (await ctx.app.inject({ method: "GET", url: "/api/openapi.json" })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const failures: string[] = [];
    let sent = 0;
    for (const [path, methods] of Object.entries(spec.paths)) {
      for (const method of Object.keys(methods).filter((m) => ["get", "post", "put", "patch", "delete"].includes(m))) {
        const record = ID_OF_PATH.find(([prefix]) => path.startsWith(prefix))?.[1] ?? "id";
        const url = path.replace("{id}", `${ids[record]}%00`).replace(/\{[^}]+\}/g, "x%00y");
        const query = `${path.replace(/\{[^}]+\}/g, "missing")}?q=%00&cursor=%00`;
        for (const target of path.includes("{") ? [url, query] : [query]) {
          for (const session of [admin.headers, {}]) {
            sent++;
            const res = await ctx.app.inject({ method: method.toUpperCase() as "GET", url: target, headers: session });
            const ok =
              res.statusCode >= 400 &&
              res.statusCode < 500 &&
              String(res.headers["content-type"]).startsWith("application/problem+json");
            if (!ok) failures.push(`${method.toUpperCase()} ${target}: ${res.statusCode} ${res.body.slice(0, 120)}`);
          }
        }
      }
    }
    expect(sent).toBeGreaterThan(200);
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
