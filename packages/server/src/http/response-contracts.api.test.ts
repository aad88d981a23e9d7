import {
  DashboardView,
  DocumentList,
  DocumentView,
  DormantAgreements,
  ProgressReview,
  PublicOrganisationPage,
  PublicPartnershipPage,
  RecordedReviews,
} from "@conventio/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createTestContext, type Session, signedIn, type TestContext } from "#test/harness.js";
import { type EnteredFacts, enterPublicFacts } from "#test/public-facts.js";

/**
 * Real responses read against the response schemas of `@conventio/domain`, every object made
 * strict: a field the server sends that the contract does not name, or one the contract names that
 * the server leaves out, fails here. The route schemas strip unknown fields silently, so without
 * this a route that stopped using the domain's schema would drift unseen.
 */

const LEAVES = new Set([
  "string",
  "number",
  "int",
  "boolean",
  "enum",
  "literal",
  "null",
  "unknown",
  "any",
  "date",
  "bigint",
  "template_literal",
]);

/** The schema with every object, however deep, refusing keys it does not name. */
function strictly(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodObject) {
    const shape = Object.fromEntries(
      Object.entries(schema.shape as Record<string, z.ZodType>).map(([k, v]) => [k, strictly(v)]),
    );
    return z.strictObject(shape);
  }
  if (schema instanceof z.ZodArray) return z.array(strictly(schema.element as z.ZodType));
  if (schema instanceof z.ZodNullable) return strictly(schema.unwrap() as z.ZodType).nullable();
  if (schema instanceof z.ZodOptional) return strictly(schema.unwrap() as z.ZodType).optional();
  if (schema instanceof z.ZodDefault) return strictly(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodUnion) {
    const options = (schema.options as z.ZodType[]).map(strictly);
    return z.union(options as [z.ZodType, z.ZodType, ...z.ZodType[]]);
  }
  if (schema instanceof z.ZodRecord) {
    return z.record(schema.keyType as z.ZodString, strictly(schema.valueType as z.ZodType));
  }
  const type = schema._zod.def.type;
  if (LEAVES.has(type)) return schema;
  throw new Error(`No strict form for a ${type} schema; teach strictly() about it`);
}

/** Parses a body with the strict schema; the issues name the path of every field at fault. */
function issuesOf(schema: z.ZodType, body: unknown): string[] {
  const result = strictly(schema).safeParse(body);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

let ctx: TestContext;
let admin: Session;
let facts: EnteredFacts;
let documentList: unknown;

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

async function call(method: "GET" | "POST" | "PATCH" | "PUT", url: string, body?: unknown): Promise<unknown> {
  const res = await ctx.app.inject({
    method,
    url,
    headers: admin.headers,
    ...(body === undefined ? {} : { payload: body as object }),
  });
  if (res.statusCode >= 400) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** A multipart upload with one field and the file, as the web app sends it. */
async function uploadScan(agreementId: string): Promise<unknown> {
  const boundary = "----contract-boundary";
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nsigned\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="signed.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    PDF,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await ctx.app.inject({
    method: "POST",
    url: `/api/agreements/${agreementId}/documents`,
    headers: { ...admin.headers, "content-type": `multipart/form-data; boundary=${boundary}` },
    payload,
  });
  expect(res.statusCode).toBe(201);
  return res.json();
}

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await signedIn(ctx, "admin");
  facts = await enterPublicFacts(call);
  const current = facts.chain[2];
  // What the fixture leaves empty: an indicator, an open action due soon, a mobility with its year.
  await call("POST", "/api/indicators", { agreementId: current, name: "Students hosted", unit: "students" });
  await call("POST", "/api/actions", { title: "Send the annual report", agreementId: current, dueOn: "2026-04-15" });
  await call("POST", "/api/activities", {
    kind: "student_mobility",
    title: "Exchange semester",
    status: "completed",
    startsOn: "2025-09-01",
    agreementId: current,
    partnerIds: [facts.municipality],
    mobility: { direction: "incoming", level: "master", academicYear: "2025-2026", count: 3 },
  });
  // Active for years, ending next month, with nothing recorded: expiring and dormant at once.
  const quiet = (await call("POST", "/api/agreements", {
    kind: "memorandum_of_understanding",
    title: "Quiet memorandum",
    signedOn: "2020-01-10",
    startsOn: "2020-01-10",
    endsOn: "2026-04-01",
    parties: [{ organisationId: facts.lorraine }, { organisationId: facts.kyutech }],
    signatories: [{ name: "Hélène Martin", organisationId: facts.lorraine, signedOn: "2020-01-10" }],
  })) as { id: string };
  await call("POST", `/api/agreements/${quiet.id}/transitions`, { action: "activate" });
  await uploadScan(facts.mou);
  documentList = await call("GET", `/api/agreements/${facts.mou}/documents`);
});
afterAll(() => ctx.close());

describe("responses match the domain's contracts exactly", () => {
  it("a progress review", async () => {
    const review = (await call("GET", `/api/agreements/${facts.chain[2]}/review`)) as ProgressReview;
    expect(issuesOf(ProgressReview, review)).toEqual([]);
    // Every list is filled, so the strict parse reaches the objects inside them.
    expect(review.bodies.length).toBeGreaterThan(0);
    expect(review.activities.length).toBeGreaterThan(0);
    expect(review.indicators.length).toBeGreaterThan(0);
    expect(review.openActions.length).toBeGreaterThan(0);
    expect(review.deadlines.map((d) => d.kind)).toContain("action");
  });

  it("a recorded review", async () => {
    const res = await ctx.app.inject({
      method: "POST",
      url: `/api/agreements/${facts.chain[2]}/reviews`,
      headers: admin.headers,
      payload: { on: "2026-03-01" },
    });
    expect(res.statusCode).toBe(201);
    expect(issuesOf(RecordedReviews, res.json())).toEqual([]);
  });

  it("a document and the list of a record's documents", async () => {
    const list = documentList as DocumentList;
    expect(list.items).toHaveLength(1);
    expect(issuesOf(DocumentList, list)).toEqual([]);
    expect(issuesOf(DocumentView, list.items[0])).toEqual([]);
  });

  it("the dashboard and the dormant agreements", async () => {
    const dashboard = (await call("GET", "/api/dashboard")) as DashboardView;
    expect(issuesOf(DashboardView, dashboard)).toEqual([]);
    expect(dashboard.expiring.length).toBeGreaterThan(0);
    expect(dashboard.dormant.length).toBeGreaterThan(0);
    expect(dashboard.mobility.length).toBeGreaterThan(0);
    expect(issuesOf(DormantAgreements, await call("GET", "/api/dormant-agreements"))).toEqual([]);
  });

  it("a public partnership page and its staff preview", async () => {
    const page = await call("GET", `/api/public/partnerships/${facts.chain[2]}?lang=fr`);
    expect(issuesOf(PublicPartnershipPage, page)).toEqual([]);
    const preview = await call("GET", `/api/agreements/${facts.mou}/public-preview?lang=sv`);
    expect(issuesOf(PublicPartnershipPage, preview)).toEqual([]);
  });

  it("a public organisation page and its staff preview", async () => {
    const page = await call("GET", `/api/public/organisations/${facts.liu}?lang=en`);
    expect(issuesOf(PublicOrganisationPage, page)).toEqual([]);
    const preview = await call("GET", `/api/organisations/${facts.municipality}/public-preview?lang=fr`);
    expect(issuesOf(PublicOrganisationPage, preview)).toEqual([]);
  });
});

describe("the strict reading itself", () => {
  it("names a field the contract does not know, however deep", async () => {
    const review = (await call("GET", `/api/agreements/${facts.chain[2]}/review`)) as ProgressReview;
    const drifted = { ...review, deadlines: review.deadlines.map((d) => ({ ...d, urgent: true })) };
    expect(issuesOf(ProgressReview, drifted)[0]).toMatch(/^deadlines\.0: .*urgent/);
  });

  it("names a field the contract expects and the response lacks", async () => {
    const { dormantTotal: _left, ...dashboard } = (await call("GET", "/api/dashboard")) as DashboardView;
    expect(issuesOf(DashboardView, dashboard)).toEqual([expect.stringMatching(/^dormantTotal: /)]);
  });
});
