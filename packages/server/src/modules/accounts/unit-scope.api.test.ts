import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type Session, signedIn, type TestContext } from "#test/harness.js";
import {
  agreementBody,
  api,
  arrangeUnits,
  type Call,
  created,
  limitTo,
  multipart,
  PDF,
  smallPicture,
  type Units,
} from "./unit-scope-fixtures.js";

/**
 * An editor limited to faculty A writes the agreements A or a unit under it is responsible for,
 * and what hangs from them; every write on faculty B's is refused with 403 and changes nothing.
 */

let ctx: TestContext;
let editor: Session;
let scoped: Session;
let u: Units;
let picture: Buffer;
let call: ReturnType<typeof api>;
let scopedCall: ReturnType<typeof api>;

const OUTSIDE = "This agreement is outside your units.";
const ACTIVITY_OUTSIDE = "This activity is outside your units.";
const NAME_A_UNIT = "Name one of your units as responsible for this agreement.";

/** A draft agreement the unit is responsible for, arranged by the editor who is not limited. */
async function agreement(unit: string, over: Record<string, unknown> = {}): Promise<string> {
  return created(await call("POST", "/api/agreements", agreementBody(u, unit, over)));
}

async function activeAgreement(unit: string): Promise<string> {
  const id = await agreement(unit);
  const res = await call("POST", `/api/agreements/${id}/transitions`, { action: "activate" });
  if (res.statusCode !== 200) throw new Error(res.body);
  return id;
}

const activityBody = (agreementId: string) => ({
  kind: "seminar",
  title: "Joint robotics seminar",
  startsOn: "2026-04-10",
  agreementId,
  partnerIds: [u.partner],
});

async function activity(unit: string): Promise<string> {
  return created(await call("POST", "/api/activities", activityBody(await agreement(unit))));
}

async function body(unit: string): Promise<{ agreement: string; body: string }> {
  const agreementId = await agreement(unit);
  const id = await created(
    await call("POST", "/api/bodies", { agreementId, kind: "steering", name: "Steering committee" }),
  );
  return { agreement: agreementId, body: id };
}

async function pictureOf(agreementId: string): Promise<string> {
  const form = multipart("signing.png", picture);
  return created(await call("POST", `/api/agreements/${agreementId}/pictures`, form.payload, form.headers));
}

/** Every write of agreements and what hangs from them: the call on a record the unit is responsible for. */
const WRITES: Array<[string, (unit: string) => Promise<Call>, string?]> = [
  [
    "create an agreement",
    async (unit) => ({ method: "POST", url: "/api/agreements", payload: agreementBody(u, unit) }),
    NAME_A_UNIT,
  ],
  [
    "record a past agreement",
    async (unit) => ({
      method: "POST",
      url: "/api/agreements/past",
      payload: { ...agreementBody(u, unit), status: "active" },
    }),
    NAME_A_UNIT,
  ],
  [
    "change an agreement",
    async (unit) => ({
      method: "PATCH",
      url: `/api/agreements/${await agreement(unit)}`,
      payload: { title: "Renamed" },
    }),
  ],
  ["delete a draft agreement", async (unit) => ({ method: "DELETE", url: `/api/agreements/${await agreement(unit)}` })],
  [
    "move an agreement through its life",
    async (unit) => ({
      method: "POST",
      url: `/api/agreements/${await agreement(unit)}/transitions`,
      payload: { action: "activate" },
    }),
  ],
  [
    "renew an agreement",
    async (unit) => ({ method: "POST", url: `/api/agreements/${await activeAgreement(unit)}/renewal` }),
  ],
  [
    "attach a document to an agreement",
    async (unit) => {
      const form = multipart("convention.pdf", PDF);
      return { method: "POST", url: `/api/agreements/${await agreement(unit)}/documents`, ...form };
    },
  ],
  [
    "attach a picture to an agreement",
    async (unit) => {
      const form = multipart("signing.png", picture);
      return { method: "POST", url: `/api/agreements/${await agreement(unit)}/pictures`, ...form };
    },
  ],
  [
    "describe a picture",
    async (unit) => ({
      method: "PATCH",
      url: `/api/pictures/${await pictureOf(await agreement(unit))}`,
      payload: { credit: "Photo service" },
    }),
  ],
  [
    "put pictures in order",
    async (unit) => {
      const id = await agreement(unit);
      const pic = await pictureOf(id);
      return { method: "PUT", url: `/api/agreements/${id}/pictures/order`, payload: { ids: [pic] } };
    },
  ],
  [
    "remove a picture",
    async (unit) => ({ method: "DELETE", url: `/api/pictures/${await pictureOf(await agreement(unit))}` }),
  ],
  [
    "create a group",
    async (unit) => ({
      method: "POST",
      url: "/api/bodies",
      payload: { agreementId: await agreement(unit), kind: "working_group", name: "Robotics" },
    }),
  ],
  [
    "add a member to a group",
    async (unit) => ({
      method: "POST",
      url: `/api/bodies/${(await body(unit)).body}/members`,
      payload: { organisationId: u.partner, role: "member" },
    }),
  ],
  [
    "remove a member from a group",
    async (unit) => {
      const g = (await body(unit)).body;
      const member = await created(
        await call("POST", `/api/bodies/${g}/members`, { organisationId: u.partner, role: "member" }),
      );
      return { method: "DELETE", url: `/api/bodies/${g}/members/${member}` };
    },
  ],
  [
    "record a meeting",
    async (unit) => ({
      method: "POST",
      url: `/api/bodies/${(await body(unit)).body}/meetings`,
      payload: { heldOn: "2026-02-10" },
    }),
  ],
  [
    "change a meeting",
    async (unit) => {
      const g = (await body(unit)).body;
      const meeting = await created(await call("POST", `/api/bodies/${g}/meetings`, { heldOn: "2026-02-10" }));
      return { method: "PATCH", url: `/api/meetings/${meeting}`, payload: { heldOn: "2026-02-11", place: "Nancy" } };
    },
  ],
  [
    "create an action",
    async (unit) => ({
      method: "POST",
      url: "/api/actions",
      payload: { title: "Send the draft", agreementId: await agreement(unit) },
    }),
  ],
  [
    "change an action",
    async (unit) => {
      const agreementId = await agreement(unit);
      const action = await created(await call("POST", "/api/actions", { title: "Send the draft", agreementId }));
      return { method: "PATCH", url: `/api/actions/${action}`, payload: { title: "Send the signed copy" } };
    },
  ],
  [
    "create an activity",
    async (unit) => ({ method: "POST", url: "/api/activities", payload: activityBody(await agreement(unit)) }),
    ACTIVITY_OUTSIDE,
  ],
  [
    "change an activity",
    async (unit) => {
      const id = await activity(unit);
      const row = (await call("GET", `/api/activities/${id}`)).json();
      return {
        method: "PUT",
        url: `/api/activities/${id}`,
        payload: { ...activityBody(row.agreement.id), title: "Joint robotics workshop" },
      };
    },
    ACTIVITY_OUTSIDE,
  ],
  [
    "delete an activity",
    async (unit) => ({ method: "DELETE", url: `/api/activities/${await activity(unit)}` }),
    ACTIVITY_OUTSIDE,
  ],
  [
    "attach a document to an activity",
    async (unit) => {
      const form = multipart("programme.pdf", PDF);
      return { method: "POST", url: `/api/activities/${await activity(unit)}/documents`, ...form };
    },
    ACTIVITY_OUTSIDE,
  ],
  [
    "define an indicator",
    async (unit) => ({
      method: "POST",
      url: "/api/indicators",
      payload: { agreementId: await agreement(unit), name: "Exchange students", unit: "students", target: 10 },
    }),
  ],
  [
    "record an indicator value",
    async (unit) => {
      const indicator = await created(
        await call("POST", "/api/indicators", {
          agreementId: await agreement(unit),
          name: "Exchange students",
          unit: "students",
        }),
      );
      return { method: "PUT", url: `/api/indicators/${indicator}/values`, payload: { year: 2025, value: 4 } };
    },
  ],
];

const TABLES = [
  "agreement",
  "agreement_party",
  "agreement_event",
  "activity",
  "activity_partner",
  "indicator",
  "indicator_value",
  "governance_body",
  "body_member",
  "meeting",
  "action_item",
  "document",
  "picture",
  "audit_event",
] as const;

/** Every row of every table a write could touch, in a stable order. */
async function snapshot(): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of TABLES) {
    const rows = await ctx.database.db.selectFrom(t).selectAll().execute();
    out[t] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

const send = (c: Call, as: ReturnType<typeof api>) => as(c.method, c.url, c.payload, c.headers ?? {});

beforeAll(async () => {
  ctx = await createTestContext();
  const admin = await signedIn(ctx, "admin");
  editor = await signedIn(ctx, "editor");
  scoped = await signedIn(ctx, "editor", "faculty-a@example.org");
  call = api(ctx, editor);
  scopedCall = api(ctx, scoped);
  u = await arrangeUnits(call);
  picture = await smallPicture();
  await limitTo(api(ctx, admin), "faculty-a@example.org", [u.a]);
});
afterAll(() => ctx.close());

describe("an editor limited to faculty A", () => {
  it.each(WRITES)("may %s for faculty A", async (_label, arrange) => {
    const res = await send(await arrange(u.a), scopedCall);
    expect(res.statusCode, res.body).toBeGreaterThanOrEqual(200);
    expect(res.statusCode, res.body).toBeLessThan(300);
  });

  it.each(WRITES)("may %s for a laboratory under faculty A", async (_label, arrange) => {
    const res = await send(await arrange(u.a1), scopedCall);
    expect(res.statusCode, res.body).toBeGreaterThanOrEqual(200);
    expect(res.statusCode, res.body).toBeLessThan(300);
  });

  it.each(WRITES)(
    "gets 403 problem+json, and nothing changes, when they %s for faculty B",
    async (_label, arrange, detail) => {
      const c = await arrange(u.b);
      const before = await snapshot();
      const res = await send(c, scopedCall);
      expect(res.statusCode, res.body).toBe(403);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json()).toMatchObject({ status: 403, code: "forbidden", detail: detail ?? OUTSIDE });
      expect(await snapshot()).toEqual(before);
    },
  );

  it("cannot hand an agreement of faculty A over to faculty B alone", async () => {
    const id = await agreement(u.a);
    const before = await snapshot();
    const res = await scopedCall("PATCH", `/api/agreements/${id}`, {
      parties: [{ organisationId: u.university, responsibleUnitId: u.b }, { organisationId: u.partner }],
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ detail: NAME_A_UNIT, errors: [{ field: "parties" }] });
    expect(await snapshot()).toEqual(before);
  });

  it("cannot move an activity of faculty A to an agreement of faculty B", async () => {
    const id = await activity(u.a);
    const elsewhere = await agreement(u.b);
    const before = await snapshot();
    const res = await scopedCall("PUT", `/api/activities/${id}`, activityBody(elsewhere));
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toBe(ACTIVITY_OUTSIDE);
    expect(await snapshot()).toEqual(before);
  });

  it("cannot record an activity or an action that hangs from no agreement", async () => {
    const before = await snapshot();
    const a = await scopedCall("POST", "/api/activities", { ...activityBody(await agreement(u.a)), agreementId: null });
    expect(a.statusCode).toBe(403);
    const b = await scopedCall("POST", "/api/actions", { title: "Call the partner" });
    expect(b.statusCode).toBe(403);
    expect((await snapshot()).activity).toEqual(before.activity);
    expect((await snapshot()).action_item).toEqual(before.action_item);
  });

  it("may still close an action of faculty B they own, as any owner may", async () => {
    const me = (await scopedCall("GET", "/api/auth/session")).json().user.id;
    const action = await created(
      await call("POST", "/api/actions", { title: "Sign", agreementId: await agreement(u.b), ownerId: me }),
    );
    expect((await scopedCall("PATCH", `/api/actions/${action}`, { status: "done" })).statusCode).toBe(200);
    expect((await scopedCall("PATCH", `/api/actions/${action}`, { title: "Renamed" })).statusCode).toBe(403);
  });

  it("gets 404, not 403, for an agreement that does not exist", async () => {
    const res = await scopedCall("PATCH", "/api/agreements/no-such-agreement", { title: "Renamed" });
    expect(res.statusCode).toBe(404);
  });
});

describe("an editor not limited to units", () => {
  it.each(WRITES)("may %s for any faculty, as before", async (_label, arrange) => {
    const res = await send(await arrange(u.b), call);
    expect(res.statusCode, res.body).toBeLessThan(300);
  });

  it("may create an agreement that names no responsible unit", async () => {
    const res = await call("POST", "/api/agreements", { ...agreementBody(u, u.a), parties: [] });
    expect(res.statusCode).toBe(201);
  });
});
