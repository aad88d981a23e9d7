import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type Session, signedIn, type TestContext } from "#test/harness.js";
import { agreementBody, api, arrangeUnits, created, limitTo, type Units } from "./unit-scope-fixtures.js";

/**
 * What accounts limited to units see, how their tokens act, and how administrators set units:
 * lists are filtered by the database, pages outside the units are refused, administrators are
 * never limited.
 */

let ctx: TestContext;
let u: Units;
let adminCall: ReturnType<typeof api>;
let call: ReturnType<typeof api>;
let viewerCall: ReturnType<typeof api>;
let plainViewerCall: ReturnType<typeof api>;
let scopedEditor: Session;
const ids: Record<string, string> = {};

const itemIds = (res: { json(): { items: Array<{ id: string }> } }) =>
  res
    .json()
    .items.map((i) => i.id)
    .sort();

beforeAll(async () => {
  ctx = await createTestContext();
  adminCall = api(ctx, await signedIn(ctx, "admin"));
  call = api(ctx, await signedIn(ctx, "editor"));
  viewerCall = api(ctx, await signedIn(ctx, "viewer", "viewer-a@example.org"));
  plainViewerCall = api(ctx, await signedIn(ctx, "viewer"));
  scopedEditor = await signedIn(ctx, "editor", "editor-a@example.org");
  u = await arrangeUnits(call);
  for (const [key, unit, title] of [
    ["a", u.a, "Robotics exchange with Kyutech"],
    ["a1", u.a1, "Robotics laboratory with Kyutech"],
    ["b", u.b, "Robotics law clinic with Kyutech"],
  ] as const) {
    ids[key] = await created(await call("POST", "/api/agreements", agreementBody(u, unit, { title })));
    ids[`activity_${key}`] = await created(
      await call("POST", "/api/activities", {
        kind: "seminar",
        title: `Seminar ${key}`,
        startsOn: "2026-04-10",
        agreementId: ids[key],
        partnerIds: [u.partner],
      }),
    );
  }
  ids.viewer = await limitTo(adminCall, "viewer-a@example.org", [u.a]);
  ids.editor = await limitTo(adminCall, "editor-a@example.org", [u.a]);
});
afterAll(() => ctx.close());

describe("a viewer limited to faculty A", () => {
  it("lists only the agreements of faculty A and the units under it", async () => {
    expect(itemIds(await viewerCall("GET", "/api/agreements"))).toEqual([ids.a, ids.a1].sort());
    expect(itemIds(await plainViewerCall("GET", "/api/agreements"))).toEqual([ids.a, ids.a1, ids.b].sort());
  });

  it("finds only faculty A's agreements when searching", async () => {
    const res = await viewerCall("GET", "/api/agreements?q=robotics");
    expect(itemIds(res)).toEqual([ids.a, ids.a1].sort());
    expect(itemIds(await viewerCall("GET", "/api/agreements?q=law"))).toEqual([]);
  });

  it("pages through faculty A's agreements only", async () => {
    const first = await viewerCall("GET", "/api/agreements?limit=1");
    const cursor = first.json().nextCursor;
    expect(cursor).toBeTruthy();
    const second = await viewerCall("GET", `/api/agreements?limit=1&cursor=${encodeURIComponent(cursor)}`);
    expect([...itemIds(first), ...itemIds(second)].sort()).toEqual([ids.a, ids.a1].sort());
    expect(second.json().nextCursor).toBeNull();
  });

  it("opens faculty A's agreement and is refused faculty B's with 403 problem+json", async () => {
    expect((await viewerCall("GET", `/api/agreements/${ids.a1}`)).statusCode).toBe(200);
    const res = await viewerCall("GET", `/api/agreements/${ids.b}`);
    expect(res.statusCode).toBe(403);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json()).toMatchObject({ code: "forbidden", detail: "This agreement is outside your units." });
  });

  it("is refused what hangs from faculty B's agreement", async () => {
    for (const path of ["indicators", "bodies", "actions", "documents", "pictures"]) {
      expect((await viewerCall("GET", `/api/agreements/${ids.b}/${path}`)).statusCode, path).toBe(403);
      expect((await viewerCall("GET", `/api/agreements/${ids.a}/${path}`)).statusCode, path).toBe(200);
    }
  });

  it("lists and opens only faculty A's activities", async () => {
    expect(itemIds(await viewerCall("GET", "/api/activities"))).toEqual([ids.activity_a, ids.activity_a1].sort());
    expect(itemIds(await viewerCall("GET", `/api/activities?agreement=${ids.b}`))).toEqual([]);
    expect((await viewerCall("GET", `/api/activities/${ids.activity_a}`)).statusCode).toBe(200);
    const res = await viewerCall("GET", `/api/activities/${ids.activity_b}`);
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toBe("This activity is outside your units.");
    expect(itemIds(await plainViewerCall("GET", "/api/activities"))).toHaveLength(3);
  });

  it("still needs the editor role to write", async () => {
    const res = await viewerCall("PATCH", `/api/agreements/${ids.a}`, { title: "Renamed" });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toBe("This needs the editor role.");
  });

  it("sees its units in its session", async () => {
    const session = (await viewerCall("GET", "/api/auth/session")).json();
    expect(session.user.units).toEqual([{ id: u.a, name: "Faculty of Science" }]);
  });
});

describe("a personal API token of an editor limited to faculty A", () => {
  it("reads and writes within faculty A only", async () => {
    const made = await api(ctx, scopedEditor)("POST", "/api/tokens", { name: "Scripts", scope: "write" });
    expect(made.statusCode).toBe(201);
    const bearer: Session = { cookie: "", csrf: "", headers: { authorization: `Bearer ${made.json().token}` } };
    const tokenCall = api(ctx, bearer);
    expect(itemIds(await tokenCall("GET", "/api/agreements"))).toEqual([ids.a, ids.a1].sort());
    expect((await tokenCall("PATCH", `/api/agreements/${ids.a}`, { summary: "Kept by faculty A" })).statusCode).toBe(
      200,
    );
    const refused = await tokenCall("PATCH", `/api/agreements/${ids.b}`, { summary: "Taken over" });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toBe("This agreement is outside your units.");
    expect((await call("GET", `/api/agreements/${ids.b}`)).json().summary).toBeNull();
  });
});

describe("administrators setting units", () => {
  it("list each account's units", async () => {
    const users = (await adminCall("GET", "/api/users")).json().items as Array<{ email: string; units: unknown }>;
    expect(users.find((x) => x.email === "editor-a@example.org")?.units).toEqual([
      { id: u.a, name: "Faculty of Science" },
    ]);
    expect(users.find((x) => x.email === "editor@example.org")?.units).toEqual([]);
  });

  it("cannot limit an administrator (422)", async () => {
    const admin = (await adminCall("GET", "/api/auth/session")).json().user.id;
    const res = await adminCall("PATCH", `/api/users/${admin}`, { units: [u.a] });
    expect(res.statusCode).toBe(422);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json()).toMatchObject({
      detail: "An administrator cannot be limited to units.",
      errors: [{ field: "units" }],
    });
  });

  it("cannot make a limited account an administrator while it keeps its units (422)", async () => {
    const res = await adminCall("PATCH", `/api/users/${ids.editor}`, { role: "admin" });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: "role" })]);
    const both = await adminCall("PATCH", `/api/users/${ids.editor}`, { role: "admin", units: [u.a] });
    expect(both.statusCode).toBe(422);
    const users = (await adminCall("GET", "/api/users")).json().items as Array<{ id: string; role: string }>;
    expect(users.find((x) => x.id === ids.editor)?.role).toBe("editor");
  });

  it("accept only organisations of kind unit, naming the item at fault", async () => {
    const res = await adminCall("PATCH", `/api/users/${ids.editor}`, { units: [u.a, u.university, "no-such-unit"] });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(["units.1", "units.2"]);
    const users = (await adminCall("GET", "/api/users")).json().items as Array<{ id: string; units: unknown[] }>;
    expect(users.find((x) => x.id === ids.editor)?.units).toHaveLength(1);
  });

  it("keep a unit someone is limited to from being deleted (409), which would lift the limit", async () => {
    const c = await created(
      await call("POST", "/api/organisations", { kind: "unit", name: "Faculty of Medicine", parentId: u.university }),
    );
    await signedIn(ctx, "viewer", "viewer-c@example.org");
    const id = await limitTo(adminCall, "viewer-c@example.org", [c]);
    const res = await call("DELETE", `/api/organisations/${c}`);
    expect(res.statusCode).toBe(409);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    const users = (await adminCall("GET", "/api/users")).json().items as Array<{ id: string; units: unknown[] }>;
    expect(users.find((x) => x.id === id)?.units).toEqual([{ id: c, name: "Faculty of Medicine" }]);
    expect((await adminCall("PATCH", `/api/users/${id}`, { units: [] })).statusCode).toBe(200);
    expect((await call("DELETE", `/api/organisations/${c}`)).statusCode).toBe(204);
  });

  it("lift the limit by giving no units", async () => {
    const id = await limitTo(adminCall, "viewer@example.org", [u.b]);
    expect(itemIds(await plainViewerCall("GET", "/api/agreements"))).toEqual([ids.b]);
    const res = await adminCall("PATCH", `/api/users/${id}`, { units: [] });
    expect(res.json().units).toEqual([]);
    expect(itemIds(await plainViewerCall("GET", "/api/agreements"))).toEqual([ids.a, ids.a1, ids.b].sort());
  });
});
