import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type Session, signedIn, type TestContext } from "#test/harness.js";

let ctx: TestContext;
let editor: Session;

const api = (method: "GET" | "POST" | "PUT", url: string, payload?: unknown, s?: Session) =>
  ctx.app.inject({
    method,
    url,
    headers: s?.headers ?? {},
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

const fieldsOf = (body: { errors: { field: string }[] }) => [...new Set(body.errors.map((e) => e.field))].sort();

const SUMMER_SCHOOL = {
  title: "Summer school on sustainable campuses",
  startsAt: "2026-07-06T09:00:00+02:00",
  endsAt: "2026-07-10T17:00:00+02:00",
  timeZone: "Europe/Paris",
  place: "Campus Cité Scientifique, Villeneuve-d'Ascq",
  contactName: "Claire Dubois",
  contactEmail: "Claire.Dubois@Example.org",
  contactPhone: "+33 3 20 43 43 43",
  audiences: ["researchers", "students", "alumni", "students"],
  registrationDeadline: "2026-07-07T12:00:00+02:00",
  registrationUrl: "https://events.example.org/summer-school?lang=en",
};

beforeAll(async () => {
  ctx = await createTestContext();
  editor = await signedIn(ctx, "editor");
});
afterAll(() => ctx.close());

describe("an event's contact, audiences and registration", () => {
  it("shows the public what was entered, audiences once each in a fixed order", async () => {
    const created = await api("POST", "/api/events", SUMMER_SCHOOL, editor);
    expect(created.statusCode, created.body).toBe(201);
    const read = await api("GET", `/api/events/${created.json().id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({
      contactName: "Claire Dubois",
      contactEmail: "claire.dubois@example.org",
      contactPhone: "+33 3 20 43 43 43",
      audiences: ["students", "researchers", "alumni"],
      registrationDeadline: "2026-07-07T10:00:00.000Z",
      registrationUrl: "https://events.example.org/summer-school?lang=en",
    });
    const listed = (await api("GET", "/api/events?from=2026-07-01T00:00:00Z&to=2026-08-01T00:00:00Z")).json().items;
    expect(listed.map((e: { audiences: string[] }) => e.audiences)).toEqual([["students", "researchers", "alumni"]]);
  });

  it("replaces the audiences and clears registration on an edit", async () => {
    const id = (await api("POST", "/api/events", SUMMER_SCHOOL, editor)).json().id;
    const edited = await api(
      "PUT",
      `/api/events/${id}`,
      { ...SUMMER_SCHOOL, audiences: ["staff"], registrationUrl: null, registrationDeadline: null, contactPhone: null },
      editor,
    );
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await api("GET", `/api/events/${id}`)).json()).toMatchObject({
      audiences: ["staff"],
      registrationUrl: null,
      registrationDeadline: null,
      contactPhone: null,
    });
  });

  it("gives an event without audiences the general public", async () => {
    const { audiences: _, ...withoutAudiences } = SUMMER_SCHOOL;
    const created = await api("POST", "/api/events", withoutAudiences, editor);
    expect(created.json().audiences).toEqual(["public"]);
  });

  it.each([
    ["registrationUrl", { registrationUrl: "http://events.example.org/register" }],
    ["registrationUrl", { registrationUrl: "javascript:alert(1)" }],
    ["registrationUrl", { registrationUrl: "https://localhost/register" }],
    ["registrationDeadline", { registrationDeadline: "2026-07-10T17:01:00+02:00" }],
    ["registrationDeadline", { registrationDeadline: "next week" }],
    ["contactPhone", { contactPhone: "call the office" }],
    ["contactEmail", { contactEmail: "claire.dubois" }],
    ["contactName", { contactName: "x".repeat(201) }],
    ["audiences", { audiences: [] }],
    ["audiences.0", { audiences: ["everyone"] }],
  ])("refuses a bad %s with 422 naming it", async (field, change) => {
    const res = await api("POST", "/api/events", { ...SUMMER_SCHOOL, ...change }, editor);
    expect(res.statusCode).toBe(422);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(fieldsOf(res.json())).toEqual([field]);
  });

  it("lets registration close during the event, but not after it ends or, without an end, after it starts", async () => {
    const during = await api(
      "POST",
      "/api/events",
      { ...SUMMER_SCHOOL, registrationDeadline: SUMMER_SCHOOL.endsAt },
      editor,
    );
    expect(during.statusCode).toBe(201);
    const noEnd = { ...SUMMER_SCHOOL, endsAt: null, registrationDeadline: "2026-07-06T09:30:00+02:00" };
    const late = await api("POST", "/api/events", noEnd, editor);
    expect(late.statusCode).toBe(422);
    expect(late.json().errors[0]).toMatchObject({
      field: "registrationDeadline",
      message: "Registration must close by the end of the event",
    });
  });

  it("refuses control characters naming the field, and stores nothing", async () => {
    const before = (await api("GET", "/api/events?limit=100", undefined, editor)).json().items.length;
    for (const [field, value] of [
      ["title", "Summer\u001b[2J school"],
      ["description", "Day 1\r\nDay 2\u0007\tlab"],
      ["contactName", "Claire Dubois\u009b"],
    ] as const) {
      const res = await api("POST", "/api/events", { ...SUMMER_SCHOOL, [field]: value }, editor);
      expect(res.statusCode).toBe(422);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([field]);
    }
    expect((await api("GET", "/api/events?limit=100", undefined, editor)).json().items.length).toBe(before);
    // Tabs and line breaks are text; a Windows line break is kept as one.
    const kept = await api("POST", "/api/events", { ...SUMMER_SCHOOL, description: "Day 1\r\nDay 2\tlab" }, editor);
    expect(kept.json()).toMatchObject({ description: "Day 1\nDay 2\tlab" });
  });
});
