import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type Session, signedIn, type TestContext } from "#test/harness.js";
import { download, type Office, seedOffice } from "./export-fixtures.js";

/**
 * What an export must never do: run a formula on the reader's computer, show a caller more than
 * the list shows them, or answer bad input with anything but a problem naming the field.
 */

let ctx: TestContext;
let editor: Session;
let viewer: Session;
let admin: Session;
let office: Office;
let trap: { org: string; person: string };

const HYPERLINK = '=HYPERLINK("http://x","y")';

beforeAll(async () => {
  ctx = await createTestContext();
  editor = await signedIn(ctx, "editor");
  viewer = await signedIn(ctx, "viewer");
  admin = await signedIn(ctx, "admin");
  office = await seedOffice(ctx, editor);
  const post = async (url: string, payload: object) => {
    const res = await ctx.app.inject({ method: "POST", url, headers: editor.headers, payload });
    if (res.statusCode !== 201) throw new Error(res.body);
    return (res.json() as { id: string }).id;
  };
  const org = await post("/api/organisations", {
    kind: "company",
    name: HYPERLINK,
    acronym: "@SUM(1)",
    city: "-2+3",
    description: "+cmd|' /C calc'!A0",
  });
  const person = await post("/api/people", { givenName: "@SUM(1)", familyName: HYPERLINK, organisationId: org });
  // A public event under an internal agreement: the public may read the event, not the agreement.
  await post("/api/events", {
    title: "Open lecture",
    startsAt: "2024-12-01T10:00:00+01:00",
    audiences: ["public"],
    agreementId: office.agreement.research,
    visibility: "public",
  });
  trap = { org, person };
});
afterAll(() => ctx.close());

describe.each(["csv", "xlsx"] as const)("formulas in %s", (format) => {
  it("come out as inert text, prefixed with an apostrophe", async () => {
    const { sheet } = await download(ctx, viewer, `/api/exports/organisations.${format}?kind=company`);
    const row = sheet?.rows.find((r) => r.id === trap.org);
    expect(row).toMatchObject({
      name: `'${HYPERLINK}`,
      acronym: "'@SUM(1)",
      city: "'-2+3",
      description: "'+cmd|' /C calc'!A0",
    });
    const people = await download(ctx, viewer, `/api/exports/people.${format}?q=sum`);
    const person = people.sheet?.rows.find((r) => r.id === trap.person);
    expect(person).toMatchObject({ givenName: "'@SUM(1)", familyName: `'${HYPERLINK}`, organisation: `'${HYPERLINK}` });
  });
});

describe("a workbook", () => {
  it("holds a would-be formula as a string cell, never as a formula", async () => {
    const res = await ctx.app.inject({
      method: "GET",
      url: "/api/exports/organisations.xlsx?kind=company",
      headers: viewer.headers,
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const cells: ExcelJS.Cell[] = [];
    sheet?.eachRow((row) => row.eachCell((cell) => void cells.push(cell)));
    const trapped = cells.filter((c) => String(c.value).includes("HYPERLINK") || String(c.value).includes("SUM("));
    expect(trapped.length).toBeGreaterThanOrEqual(2);
    for (const cell of trapped) {
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
    }
    expect(cells.some((c) => c.type === ExcelJS.ValueType.Formula)).toBe(false);
    expect(res.rawPayload.includes(Buffer.from("<f>"))).toBe(false);
  });
});

describe("who gets what", () => {
  it("asks a visitor to sign in for the staff lists", async () => {
    for (const kind of ["organisations", "people", "agreements", "activities", "audit"]) {
      const { status, headers } = await download(ctx, null, `/api/exports/${kind}.csv`);
      expect(status, kind).toBe(401);
      expect(String(headers["content-type"])).toMatch(/^application\/problem\+json/);
    }
  });

  it("keeps the audit log from anyone but an administrator, in both formats", async () => {
    for (const session of [viewer, editor]) {
      for (const format of ["csv", "xlsx"]) {
        const { status, body } = await download(ctx, session, `/api/exports/audit.${format}`);
        expect(status).toBe(403);
        expect(JSON.parse(body)).toMatchObject({ code: "forbidden" });
      }
    }
  });

  it("gives a visitor the published events only, without naming an internal agreement", async () => {
    const staff = await download(ctx, viewer, "/api/exports/events.csv");
    const visitor = await download(ctx, null, "/api/exports/events.csv");
    expect(visitor.status).toBe(200);
    expect(staff.sheet?.rows.map((r) => r.title)).toEqual([
      "Erasmus Days 2024",
      "Steering committee with Kyutech",
      "Open lecture",
    ]);
    expect(visitor.sheet?.rows.map((r) => [r.title, r.visibility, r.agreement])).toEqual([
      ["Erasmus Days 2024", "public", staff.sheet?.rows[0]?.agreement],
      ["Open lecture", "public", ""],
    ]);
    expect(staff.sheet?.rows[2]?.agreement).not.toBe("");
  });
});

describe("bad requests", () => {
  it("answer an unknown list or format with 404 problem+json", async () => {
    for (const path of ["/api/exports/widgets.csv", "/api/exports/agreements.pdf", "/api/exports/agreements"]) {
      const res = await ctx.app.inject({ method: "GET", url: path, headers: viewer.headers });
      expect(res.statusCode, path).toBe(404);
      expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
      expect(res.json()).toMatchObject({ code: "not_found" });
    }
  });

  it.each([
    ["/api/exports/agreements.csv?status=nonsense", "status"],
    ["/api/exports/agreements.xlsx?expiringWithinDays=-4", "expiringWithinDays"],
    ["/api/exports/organisations.csv?country=XX", "country"],
    ["/api/exports/organisations.xlsx?kind=castle", "kind"],
    ["/api/exports/activities.csv?status=sleeping", "status"],
    ["/api/exports/events.xlsx?from=yesterday", "from"],
    [`/api/exports/people.csv?q=${"x".repeat(201)}`, "q"],
    [`/api/exports/audit.csv?entityId=${"x".repeat(65)}`, "entityId"],
  ])("answer %s with 422 naming %s", async (url, field) => {
    const res = await ctx.app.inject({ method: "GET", url, headers: admin.headers });
    expect(res.statusCode).toBe(422);
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(`querystring.${field}`);
  });
});
