import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { controlCharacterAt } from "#http/edge-guard.js";
import { createTestContext, type Session, signedIn, type TestContext } from "#test/harness.js";

/**
 * Junk that must stop at the edge on both engines: NUL bytes (PostgreSQL cannot store them),
 * control characters and terminal escapes, and dates in year 0000.
 */
let ctx: TestContext;
let admin: Session;
let org: string;
let person: string;
let agreement: string;

async function post(url: string, payload: object): Promise<{ id: string }> {
  const res = await ctx.app.inject({ method: "POST", url, headers: admin.headers, payload });
  if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await signedIn(ctx, "admin");
  org = (await post("/api/organisations", { kind: "university", name: "Université de Lille" })).id;
  const other = (await post("/api/organisations", { kind: "local_authority", name: "Ville de Lille" })).id;
  person = (await post("/api/people", { givenName: "Anne", familyName: "Martin" })).id;
  agreement = (
    await post("/api/agreements", {
      kind: "framework_agreement",
      title: "Convention cadre",
      parties: [{ organisationId: org }, { organisationId: other }],
    })
  ).id;
});
afterAll(() => ctx.close());

function expectProblem(res: { statusCode: number; headers: Record<string, unknown> }, label: string): void {
  expect(res.statusCode, label).toBeGreaterThanOrEqual(400);
  expect(res.statusCode, label).toBeLessThan(500);
  expect(String(res.headers["content-type"]), label).toMatch(/^application\/problem\+json/);
}

describe("NUL bytes", () => {
  it("are refused with a 4xx in the path, the query and the body, signed in or not", async () => {
    const cases: Array<{ method: "GET" | "POST" | "PATCH" | "DELETE"; url: string; payload?: unknown; auth: boolean }> =
      [
        { method: "GET", url: "/api/public/organisations/ab%00cd", auth: false },
        { method: "GET", url: "/api/public/agreements?q=lille%00", auth: false },
        { method: "GET", url: "/api/public/events/x%00y", auth: false },
        { method: "GET", url: `/api/organisations/${org}%00`, auth: true },
        { method: "GET", url: "/api/organisations?q=%00", auth: true },
        { method: "DELETE", url: "/api/people/%00", auth: true },
        {
          method: "POST",
          url: "/api/auth/sign-in",
          payload: { email: "a\u0000@example.org", password: "x" },
          auth: false,
        },
        {
          method: "POST",
          url: "/api/organisations",
          payload: { kind: "local_authority", name: "Lil\u0000le" },
          auth: true,
        },
        { method: "PATCH", url: `/api/organisations/${org}`, payload: { name: "Lille\u0000" }, auth: true },
        {
          method: "POST",
          url: "/api/organisations",
          payload: { kind: "local_authority", "na\u0000me": "Lille" },
          auth: true,
        },
        { method: "POST", url: `/api/people/${person}/roles`, payload: { role: ["x", "y\u0000"] }, auth: true },
      ];
    for (const c of cases) {
      const res = await ctx.app.inject({
        method: c.method,
        url: c.url,
        headers: c.auth ? admin.headers : {},
        ...(c.payload === undefined ? {} : { payload: c.payload as object }),
      });
      expectProblem(res, `${c.method} ${c.url}`);
    }
  });

  it("names the field holding it", async () => {
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/organisations",
      headers: admin.headers,
      payload: { kind: "local_authority", name: "Lille", names: [{ lang: "fr", value: "Li\u0000lle" }] },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(["names.0.value"]);
  });
});

describe("control characters and terminal escapes", () => {
  it("are refused in text, and nothing is stored", async () => {
    const before = await ctx.app.inject({ method: "GET", url: "/api/events", headers: admin.headers });
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/events",
      headers: admin.headers,
      payload: { title: "Open day \u001b[31mred\u001b[0m", startsAt: "2027-03-01T09:00:00+01:00" },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe("title");
    const after = await ctx.app.inject({ method: "GET", url: "/api/events", headers: admin.headers });
    expect(after.json().items.length).toBe(before.json().items.length);
  });

  it("are refused in a C1 form (CSI) and in a query", async () => {
    const csi = await ctx.app.inject({
      method: "PATCH",
      url: `/api/agreements/${agreement}`,
      headers: admin.headers,
      payload: { title: "Convention \u009b2J cadre" },
    });
    expect(csi.statusCode).toBe(422);
    expect(csi.json().errors[0].field).toBe("title");
    const query = await ctx.app.inject({ method: "GET", url: "/api/agreements?q=%1B%5B2J", headers: admin.headers });
    expect(query.statusCode).toBe(422);
    expect(query.json().errors[0].field).toBe("query.q");
  });

  it("leaves tabs and line breaks in text", async () => {
    const res = await ctx.app.inject({
      method: "PATCH",
      url: `/api/agreements/${agreement}`,
      headers: admin.headers,
      payload: { summary: "First line\r\nSecond\tline" },
    });
    expect(res.statusCode).toBe(200);
  });

  it("are refused in the fields of a multipart upload, and no file is kept", async () => {
    const boundary = "----edge-guard-boundary";
    const body = (fields: Record<string, string>) =>
      Buffer.concat([
        ...Object.entries(fields).map(([k, v]) =>
          Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
        ),
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="minutes.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\n\r\n--${boundary}--\r\n`,
        ),
      ]);
    const send = (url: string, fields: Record<string, string>) =>
      ctx.app.inject({
        method: "POST",
        url,
        headers: { ...admin.headers, "content-type": `multipart/form-data; boundary=${boundary}` },
        payload: body(fields),
      });
    const documents = `/api/agreements/${agreement}/documents`;
    for (const [fields, field] of [
      [{ kind: "other", title: "Minutes\u0000 of the board" }, "title"],
      [{ kind: "other", title: "Minutes \u001b[2J" }, "title"],
      [{ kind: "other", "ti\u0007tle": "Minutes" }, "fields"],
    ] as const) {
      const res = await send(documents, fields);
      expect(res.statusCode, JSON.stringify(fields)).toBe(422);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([field]);
    }
    const list = await ctx.app.inject({ method: "GET", url: documents, headers: admin.headers });
    expect(list.json().items).toEqual([]);
    const picture = await send(`/api/agreements/${agreement}/pictures`, { "alt\u0000": "x" });
    expect(picture.statusCode).toBe(422);
    expect(picture.json().errors.map((e: { field: string }) => e.field)).toEqual(["fields"]);
  });

  it("are found in keys and nested values alike", () => {
    expect(controlCharacterAt({ a: [{ b: "ok" }, { c: "x\u0007" }] })).toBe("a.1.c");
    expect(controlCharacterAt({ "k\u0000": 1 })).toBe("k\u0000");
    expect(controlCharacterAt({ a: "tab\tnew\nline\r" })).toBeNull();
    expect(controlCharacterAt("\u007f")).toBe("");
  });
});

describe("dates in year 0000 or far beyond", () => {
  it("are refused in every kind of date with the field named", async () => {
    const body = (await post("/api/bodies", { agreementId: agreement, kind: "steering", name: "Comité" })).id;
    const cases: Array<{ method: "POST" | "PATCH"; url: () => string; payload: object; field: string }> = [
      {
        method: "PATCH",
        url: () => `/api/agreements/${agreement}`,
        payload: { signedOn: "0000-01-01" },
        field: "signedOn",
      },
      { method: "PATCH", url: () => `/api/agreements/${agreement}`, payload: { endsOn: "0000" }, field: "endsOn" },
      {
        method: "POST",
        url: () => `/api/people/${person}/roles`,
        payload: { role: "Coordinator", since: "0000-01-01" },
        field: "since",
      },
      {
        method: "POST",
        url: () => "/api/bodies",
        payload: { agreementId: agreement, kind: "steering", name: "B", startsOn: "0000-06-01" },
        field: "startsOn",
      },
      { method: "POST", url: () => `/api/bodies/${body}/meetings`, payload: { heldOn: "0000-02" }, field: "heldOn" },
      { method: "POST", url: () => "/api/actions", payload: { title: "Act", dueOn: "1066-10-14" }, field: "dueOn" },
      {
        method: "POST",
        url: () => "/api/events",
        payload: { title: "Day", startsAt: "0000-01-01T00:00:00Z" },
        field: "startsAt",
      },
      {
        method: "POST",
        url: () => "/api/news",
        payload: { title: "News", body: "Text", publishedOn: "0000-01-01" },
        field: "publishedOn",
      },
      {
        method: "POST",
        url: () => `/api/organisations/${org}/memberships`,
        payload: { memberId: org, since: "0000" },
        field: "since",
      },
      {
        method: "POST",
        url: () => "/api/activities",
        payload: { kind: "research_project", title: "P", funding: { funder: "EU", deadline: "0000-01-01" } },
        field: "funding.deadline",
      },
    ];
    for (const c of cases) {
      const res = await ctx.app.inject({ method: c.method, url: c.url(), headers: admin.headers, payload: c.payload });
      const label = `${c.method} ${c.url()} ${JSON.stringify(c.payload)}`;
      expect(res.statusCode, label).toBe(422);
      expect(
        res.json().errors.map((e: { field: string }) => e.field),
        label,
      ).toContain(c.field);
    }
  });

  it("accepts the years a partnership office really records", async () => {
    const res = await ctx.app.inject({
      method: "POST",
      url: `/api/people/${person}/roles`,
      headers: admin.headers,
      payload: { role: "Coordinator", since: "1968-09-01" },
    });
    expect(res.statusCode).toBe(201);
  });
});
