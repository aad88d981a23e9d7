import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type Session, signedIn, type TestContext } from "#test/harness.js";

/**
 * Every lifecycle status × every lifecycle action, through the API. The expected table is
 * written out here from the rules (packages/domain/src/agreement-rules.ts) rather than
 * imported, so a change to the rules has to be made on purpose in both places.
 */

let ctx: TestContext;
let editor: Session;
let viewer: Session;
const org: Record<string, string> = {};

/** The harness's clock starts here; tests that move it put it back afterwards. */
const BASE = new Date("2026-03-02T09:00:00Z");
/** With the default 180-day window, an agreement ending on 2026-12-31 is expiring from 2026-07-04. */
const EXPIRING_AT = new Date("2026-10-01T09:00:00Z");
const EXPIRED_AT = new Date("2027-01-15T09:00:00Z");

const STATUSES = [
  "draft",
  "negotiation",
  "awaiting_signature",
  "active",
  "expiring",
  "expired",
  "renewed",
  "terminated",
] as const;
type Status = (typeof STATUSES)[number];

const ACTIONS = ["start_negotiation", "request_signature", "activate", "terminate", "reopen", "renew"] as const;
type Action = (typeof ACTIONS)[number];

/** Where each allowed action leads; an action missing from a row is refused from that status. */
const ALLOWED: Record<Status, Partial<Record<Action, Status>>> = {
  draft: { start_negotiation: "negotiation", request_signature: "awaiting_signature", activate: "active" },
  negotiation: { request_signature: "awaiting_signature", activate: "active", reopen: "draft" },
  awaiting_signature: { activate: "active", reopen: "negotiation" },
  // Renewal creates a draft successor; the agreement itself keeps its status until that successor is activated.
  active: { terminate: "terminated", renew: "draft" },
  expiring: { terminate: "terminated", renew: "draft" },
  expired: { renew: "draft" },
  renewed: {},
  terminated: {},
};

/** What the database keeps: expiring and expired are active agreements seen through the clock. */
const STORED: Record<Status, string> = {
  draft: "draft",
  negotiation: "negotiation",
  awaiting_signature: "awaiting_signature",
  active: "active",
  expiring: "active",
  expired: "active",
  renewed: "renewed",
  terminated: "terminated",
};

const allowedFrom = (s: Status) => ACTIONS.filter((a) => ALLOWED[s][a] !== undefined);
const words = (s: string) => s.replace(/_/g, " ");

async function api(method: "GET" | "POST" | "PATCH" | "DELETE", url: string, payload?: unknown, s: Session = editor) {
  return ctx.app.inject({
    method,
    url,
    headers: s.headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

const get = async (id: string) => {
  const res = await api("GET", `/api/agreements/${id}`);
  expect(res.statusCode).toBe(200);
  return res.json();
};
const transition = (id: string, body: Record<string, unknown>, s: Session = editor) =>
  api("POST", `/api/agreements/${id}/transitions`, body, s);
const renew = (id: string, s: Session = editor) => api("POST", `/api/agreements/${id}/renewal`, undefined, s);

/** A draft that satisfies every activation rule, unless told otherwise. */
async function draft(title: string, overrides: Record<string, unknown> = {}) {
  const res = await api("POST", "/api/agreements", {
    kind: "memorandum_of_understanding",
    title,
    parties: [{ organisationId: org.lorraine }, { organisationId: org.kyutech }],
    signatories: [{ name: "Karl Tombre", organisationId: org.lorraine, signedOn: "2024-01-10" }],
    signedOn: "2024-01-10",
    startsOn: "2024-02-01",
    endsOn: "2026-12-31",
    ...overrides,
  });
  if (res.statusCode !== 201) throw new Error(`draft failed: ${res.body}`);
  return res.json();
}

async function must(res: Awaited<ReturnType<typeof api>>, status: number) {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  return res.json();
}

/** Builds an agreement in the given status the way people would, moving the clock where needed. */
async function reach(status: Status, title: string): Promise<{ id: string; reference: string }> {
  const a = await draft(title);
  switch (status) {
    case "draft":
      break;
    case "negotiation":
      await must(await transition(a.id, { action: "start_negotiation" }), 200);
      break;
    case "awaiting_signature":
      await must(await transition(a.id, { action: "start_negotiation" }), 200);
      await must(await transition(a.id, { action: "request_signature" }), 200);
      break;
    case "active":
      await must(await transition(a.id, { action: "activate" }), 200);
      break;
    case "expiring":
      await must(await transition(a.id, { action: "activate" }), 200);
      ctx.clock.set(EXPIRING_AT);
      break;
    case "expired":
      await must(await transition(a.id, { action: "activate" }), 200);
      ctx.clock.set(EXPIRED_AT);
      break;
    case "renewed": {
      await must(await transition(a.id, { action: "activate" }), 200);
      const successor = await must(await renew(a.id), 201);
      await must(
        await api("PATCH", `/api/agreements/${successor.id}`, {
          signedOn: "2026-02-20",
          signatories: [{ name: "Tohru Kamiya", organisationId: org.kyutech, signedOn: "2026-02-20" }],
        }),
        200,
      );
      await must(await transition(successor.id, { action: "activate" }), 200);
      break;
    }
    case "terminated":
      await must(await transition(a.id, { action: "activate" }), 200);
      await must(await transition(a.id, { action: "terminate", on: "2025-06-30", reason: "Replaced" }), 200);
      break;
  }
  return { id: a.id, reference: a.reference };
}

/** A body that would be accepted from the right status, so a refusal can only be about the status. */
function bodyFor(action: Exclude<Action, "renew">): Record<string, unknown> {
  return action === "terminate"
    ? { action, on: "2026-09-30", reason: "The partner closed its international office" }
    : { action, note: `Matrix: ${action}` };
}

beforeAll(async () => {
  ctx = await createTestContext();
  editor = await signedIn(ctx, "editor");
  viewer = await signedIn(ctx, "viewer");
  for (const [key, name, country] of [
    ["lorraine", "Université de Lorraine", "FR"],
    ["kyutech", "Kyushu Institute of Technology", "JP"],
  ] as const) {
    org[key] = (await api("POST", "/api/organisations", { kind: "university", name, countryCode: country })).json().id;
  }
});
afterEach(() => ctx.clock.set(BASE));
afterAll(() => ctx.close());

describe("agreement lifecycle: every status reached through the API", () => {
  it.each(STATUSES)("%s shows that status and offers exactly the actions of the rules", async (status) => {
    const { id } = await reach(status, `Fixture ${status}`);
    const a = await get(id);
    expect(a.status).toBe(status);
    expect(a.allowedActions).toEqual(allowedFrom(status));
  });
});

const PAIRS = STATUSES.flatMap((status) => ACTIONS.map((action) => [status, action] as const));

describe("agreement lifecycle: status × action", () => {
  it.each(PAIRS)("from %s, %s", async (status, action) => {
    const { id, reference } = await reach(status, `Matrix ${status} ${action}`);
    const before = await get(id);
    expect(before.status).toBe(status);
    const to = ALLOWED[status][action];

    if (action === "renew") {
      const res = await renew(id);
      if (to === undefined) {
        expect(res.statusCode).toBe(409);
        expect(res.headers["content-type"]).toContain("application/problem+json");
        const problem = res.json();
        expect(problem).toMatchObject({ status: 409, code: "conflict" });
        expect(problem.detail).toBe(`An agreement that is ${words(status)} cannot be renewed.`);
        expect(problem.errors).toEqual([
          { field: "action", message: problem.detail, key: problem.key, params: { status: words(status) } },
        ]);
        expect(await get(id)).toEqual(before);
        return;
      }
      expect(res.statusCode).toBe(201);
      const successor = res.json();
      expect(successor.id).not.toBe(id);
      expect(successor.reference).not.toBe(reference);
      expect(successor.status).toBe(to);
      expect(successor.startsOn).toBe("2027-01-01");
      expect(successor.chain.map((c: { id: string }) => c.id)).toEqual([id, successor.id]);
      expect(successor.history).toEqual([
        {
          at: ctx.clock.now().toISOString(),
          action: "renew",
          from: null,
          to: "draft",
          actor: "The editor",
          note: null,
        },
      ]);
      const after = await get(id);
      // The renewed agreement keeps its status and history; only the way forward changes.
      expect(after.status).toBe(status);
      expect(after.history).toEqual(before.history);
      expect(after.updatedAt).toBe(before.updatedAt);
      expect(after.allowedActions).toEqual(before.allowedActions.filter((x: string) => x !== "renew"));
      expect(after.chain.map((c: { id: string }) => c.id)).toEqual([id, successor.id]);
      return;
    }

    const body = bodyFor(action);
    const res = await transition(id, body);
    if (to === undefined) {
      expect(res.statusCode).toBe(409);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      const problem = res.json();
      expect(problem).toMatchObject({ status: 409, code: "conflict" });
      expect(problem.detail).toBe(`An agreement that is ${words(status)} cannot ${words(action)}.`);
      expect(problem.errors).toEqual([
        {
          field: "action",
          message: problem.detail,
          key: problem.key,
          params: { status: words(status), action: words(action) },
        },
      ]);
      expect(await get(id)).toEqual(before);
      return;
    }
    expect(res.statusCode).toBe(200);
    const done = res.json();
    expect(done.status).toBe(to);
    expect(done.allowedActions).toEqual(allowedFrom(to));
    expect(done.history).toHaveLength(before.history.length + 1);
    expect(done.history.at(-1)).toEqual({
      at: ctx.clock.now().toISOString(),
      action,
      from: STORED[status],
      to: STORED[to],
      actor: "The editor",
      note: action === "terminate" ? body.reason : body.note,
    });
    if (action === "terminate") {
      expect(done).toMatchObject({
        terminatedOn: "2026-09-30",
        terminationReason: "The partner closed its international office",
        endsOn: "2026-09-30",
      });
    }
    // What the transition answered is what is now stored.
    expect(await get(id)).toEqual(done);
  });
});

describe("agreement lifecycle: the clock", () => {
  it("turns an active agreement expiring then expired without a write, and narrows the actions each time", async () => {
    const { id } = await reach("active", "Clockwork memorandum");
    const active = await get(id);
    expect(active).toMatchObject({ status: "active", allowedActions: ["terminate", "renew"] });
    ctx.clock.set(new Date("2026-07-03T12:00:00Z"));
    expect((await get(id)).status).toBe("active");
    ctx.clock.set(new Date("2026-07-04T12:00:00Z"));
    expect(await get(id)).toMatchObject({ status: "expiring", allowedActions: ["terminate", "renew"] });
    ctx.clock.set(new Date("2026-12-31T23:00:00Z"));
    expect((await get(id)).status).toBe("expiring");
    ctx.clock.set(new Date("2027-01-01T00:30:00Z"));
    const expired = await get(id);
    expect(expired).toMatchObject({ status: "expired", allowedActions: ["renew"] });
    expect(expired.updatedAt).toBe(active.updatedAt);
    expect(expired.history).toEqual(active.history);
    const late = await transition(id, bodyFor("terminate"));
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toBe("An agreement that is expired cannot terminate.");
  });
});

describe("agreement lifecycle: rules beyond the status", () => {
  it.each(["draft", "negotiation", "awaiting_signature"] as const)(
    "refuses to activate from %s without a signature date, naming the field, and changes nothing",
    async (status) => {
      const { id } = await reach(status, `No date ${status}`);
      await must(await api("PATCH", `/api/agreements/${id}`, { signedOn: null }), 200);
      const before = await get(id);
      const res = await transition(id, { action: "activate" });
      expect(res.statusCode).toBe(422);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json()).toMatchObject({
        code: "validation_failed",
        detail: "Record the signature date before activating.",
        errors: [{ field: "signedOn", message: "Record the signature date before activating." }],
      });
      expect(await get(id)).toEqual(before);
    },
  );

  it.each(["draft", "negotiation", "awaiting_signature"] as const)(
    "refuses to activate from %s without signatories, naming the field, and changes nothing",
    async (status) => {
      const { id } = await reach(status, `No signatories ${status}`);
      await must(await api("PATCH", `/api/agreements/${id}`, { signatories: [] }), 200);
      const before = await get(id);
      const res = await transition(id, { action: "activate" });
      expect(res.statusCode).toBe(422);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json()).toMatchObject({
        code: "validation_failed",
        detail: "Record who signed before activating.",
        errors: [{ field: "signatories", message: "Record who signed before activating." }],
      });
      expect(await get(id)).toEqual(before);
      // Once the missing part is recorded, the same action goes through.
      await must(
        await api("PATCH", `/api/agreements/${id}`, {
          signatories: [{ name: "Karl Tombre", signedOn: "2024-01-10" }],
        }),
        200,
      );
      expect((await transition(id, { action: "activate" })).json().status).toBe("active");
    },
  );

  it("lists every missing part of an activation at once", async () => {
    const a = await draft("Bare memorandum", {
      signedOn: null,
      signatories: [],
      parties: [{ organisationId: org.lorraine }],
    });
    const res = await transition(a.id, { action: "activate" });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(["signedOn", "signatories", "parties"]);
    // Each rule's message stays with its field; the detail names the fields at fault.
    expect(res.json().detail).toBe("These fields are not valid: signedOn, signatories, parties.");
    expect(res.json().errors.map((e: { message: string }) => e.message)).toEqual([
      "Record the signature date before activating.",
      "Record who signed before activating.",
      "An agreement binds at least two parties.",
    ]);
    expect((await get(a.id)).status).toBe("draft");
  });

  it.each([
    ["no date", { reason: "Closed" }, ["on"]],
    ["no reason", { on: "2026-04-01" }, ["reason"]],
    ["a blank reason", { on: "2026-04-01", reason: "   " }, ["reason"]],
    ["neither", {}, ["on", "reason"]],
    ["a date before the start", { on: "2024-01-31", reason: "Never started" }, ["on"]],
  ] as const)("refuses to terminate with %s, naming the fields, and changes nothing", async (label, extra, fields) => {
    const { id } = await reach("active", `Terminate ${label}`);
    const before = await get(id);
    const res = await transition(id, { action: "terminate", ...extra });
    expect(res.statusCode).toBe(422);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    const problem = res.json();
    expect(problem.code).toBe("validation_failed");
    expect(problem.errors.map((e: { field: string }) => e.field)).toEqual(fields);
    expect(problem.detail.length).toBeGreaterThan(10);
    expect(await get(id)).toEqual(before);
  });

  it("terminates on the start day itself, and keeps an earlier end when the termination comes later", async () => {
    const { id } = await reach("active", "Terminate on the first day");
    const first = await transition(id, { action: "terminate", on: "2024-02-01", reason: "Withdrawn at once" });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: "terminated", terminatedOn: "2024-02-01", endsOn: "2024-02-01" });
    const other = await reach("expiring", "Terminate after the end");
    const late = await transition(other.id, { action: "terminate", on: "2027-03-31", reason: "Formal notice" });
    expect(late.statusCode).toBe(200);
    expect(late.json()).toMatchObject({ status: "terminated", terminatedOn: "2027-03-31", endsOn: "2026-12-31" });
  });

  it("refuses an end before the start on creation and on change, naming the field", async () => {
    const created = await api("POST", "/api/agreements", {
      kind: "cotutelle",
      title: "Backwards thesis",
      startsOn: "2024-09-01",
      endsOn: "2024-08-31",
    });
    expect(created.statusCode).toBe(422);
    expect(created.headers["content-type"]).toContain("application/problem+json");
    expect(created.json().errors).toEqual([{ field: "endsOn", message: "The agreement cannot end before it starts" }]);

    const a = await draft("Dates moved backwards");
    const before = await get(a.id);
    const end = await api("PATCH", `/api/agreements/${a.id}`, { endsOn: "2024-01-31" });
    expect(end.statusCode).toBe(422);
    expect(end.json().errors[0].field).toBe("endsOn");
    const start = await api("PATCH", `/api/agreements/${a.id}`, { startsOn: "2027-01-01" });
    expect(start.statusCode).toBe(422);
    expect(start.json().errors[0].field).toBe("startsOn");
    expect(await get(a.id)).toEqual(before);
  });

  it("refuses to activate an agreement whose start, taken from its signature date, would fall after its end", async () => {
    // No start date: activation starts the agreement on its signature date, which is after its end.
    const a = await draft("Signed after its end", { startsOn: null, signedOn: "2024-05-01", endsOn: "2024-03-31" });
    const before = await get(a.id);
    const res = await transition(a.id, { action: "activate" });
    expect(res.statusCode).toBe(422);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain("endsOn");
    expect(await get(a.id)).toEqual(before);
  });

  it("renews only once: a second renewal names the successor, before and after the successor is activated", async () => {
    const { id } = await reach("active", "Renew me once");
    const successor = await must(await renew(id), 201);
    const before = await get(id);
    const again = await renew(id);
    expect(again.statusCode).toBe(409);
    expect(again.headers["content-type"]).toContain("application/problem+json");
    expect(again.json().detail).toBe(`This agreement is already renewed by ${successor.reference}.`);
    expect(await get(id)).toEqual(before);
    expect(before.chain.map((c: { id: string }) => c.id)).toEqual([id, successor.id]);

    await must(
      await api("PATCH", `/api/agreements/${successor.id}`, {
        signedOn: "2026-02-20",
        signatories: [{ name: "Tohru Kamiya", signedOn: "2026-02-20" }],
      }),
      200,
    );
    await must(await transition(successor.id, { action: "activate" }), 200);
    const renewed = await get(id);
    expect(renewed.status).toBe("renewed");
    expect(renewed.allowedActions).toEqual([]);
    expect(renewed.history.at(-1)).toMatchObject({
      action: "renewed",
      from: "active",
      to: "renewed",
      actor: "The editor",
      at: BASE.toISOString(),
      note: `Renewed by ${successor.reference}`,
    });
    const third = await renew(id);
    expect(third.statusCode).toBe(409);
    expect(third.json().code).toBe("conflict");
    expect(await get(id)).toEqual(renewed);
    // The successor can itself be renewed: the chain grows at its end only.
    const next = await must(await renew(successor.id), 201);
    expect(next.chain.map((c: { id: string }) => c.id)).toEqual([id, successor.id, next.id]);
  });

  it("creates a single successor when the same agreement is renewed twice at once", async () => {
    const { id } = await reach("active", "Double click on renew");
    const [a, b] = await Promise.all([renew(id), renew(id)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.headers["content-type"]).toContain("application/problem+json");
    // The second waits for the first and is told why, not just that something clashed.
    expect(loser.json().detail).toMatch(/^This agreement is already renewed by /);
    const successors = await ctx.database.db
      .selectFrom("agreement")
      .select("id")
      .where("predecessor_id", "=", id)
      .execute();
    expect(successors).toHaveLength(1);
  });
});

describe("agreement lifecycle: who may move an agreement", () => {
  it("refuses transitions and renewal to viewers (403) and to anonymous callers (401), changing nothing", async () => {
    const { id } = await reach("active", "Guarded memorandum");
    const before = await get(id);
    for (const [s, code] of [
      [viewer, 403],
      [{ cookie: "", csrf: "", headers: {} }, 401],
    ] as const) {
      const t = await transition(id, bodyFor("terminate"), s);
      expect(t.statusCode).toBe(code);
      expect(t.headers["content-type"]).toContain("application/problem+json");
      const r = await renew(id, s);
      expect(r.statusCode).toBe(code);
      expect(r.headers["content-type"]).toContain("application/problem+json");
    }
    expect(await get(id)).toEqual(before);
  });
});
