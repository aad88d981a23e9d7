import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  agreementBody,
  api,
  arrangeUnits,
  created,
  limitTo,
  type Units,
} from "#modules/accounts/unit-scope-fixtures.js";
import { createTestContext, signedIn, type TestContext } from "#test/harness.js";

let ctx: TestContext;
let u: Units;
let call: ReturnType<typeof api>;
let scopedCall: ReturnType<typeof api>;
let viewerCall: ReturnType<typeof api>;

const agreement = async (unit: string) => created(await call("POST", "/api/agreements", agreementBody(u, unit)));
const themesOf = async (id: string) =>
  ((await call("GET", `/api/agreements/${id}`)).json().themes as string[]).map((t) => t.toLowerCase());
const read = async (id: string) =>
  (await call("GET", `/api/agreements/${id}`)).json() as { status: string; reference: string };
const move = (ids: string[], action: string) => call("POST", "/api/agreements/bulk/transitions", { ids, action });

beforeAll(async () => {
  ctx = await createTestContext();
  const admin = await signedIn(ctx, "admin");
  call = api(ctx, await signedIn(ctx, "editor"));
  scopedCall = api(ctx, await signedIn(ctx, "editor", "faculty-a@example.org"));
  viewerCall = api(ctx, await signedIn(ctx, "viewer"));
  u = await arrangeUnits(call);
  await limitTo(api(ctx, admin), "faculty-a@example.org", [u.a]);
});
afterAll(() => ctx.close());

describe("adding a theme to several agreements", () => {
  it("adds it to each, once, and finds them by it", async () => {
    const [one, two] = [await agreement(u.a), await agreement(u.b)];
    const res = await call("POST", "/api/agreements/bulk/themes", { ids: [one, two, one], theme: "Blue economy" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ updated: 2 });
    expect(await themesOf(one)).toContain("blue economy");
    expect(await themesOf(two)).toContain("blue economy");
    const again = await call("POST", "/api/agreements/bulk/themes", { ids: [one, two], theme: "blue ECONOMY" });
    expect(again.json()).toEqual({ updated: 0 });
    const listed = (await call("GET", "/api/agreements?theme=Blue%20economy"))
      .json()
      .items.map((a: { id: string }) => a.id);
    expect(listed.sort()).toEqual([one, two].sort());
  });

  it("refuses an unknown id on the ids field and changes nothing", async () => {
    const known = await agreement(u.a);
    const res = await call("POST", "/api/agreements/bulk/themes", {
      ids: [known, "no-such-agreement"],
      theme: "Arctic",
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe("ids");
    expect(res.json().detail).toContain("no-such-agreement");
    expect(await themesOf(known)).not.toContain("arctic");
  });

  it("refuses a limited editor a selection reaching outside their units and changes nothing", async () => {
    const inside = await agreement(u.a);
    const outside = await agreement(u.b);
    const res = await scopedCall("POST", "/api/agreements/bulk/themes", { ids: [inside, outside], theme: "Arctic" });
    expect(res.statusCode).toBe(403);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(await themesOf(inside)).not.toContain("arctic");
    expect(await themesOf(outside)).not.toContain("arctic");
    const own = await scopedCall("POST", "/api/agreements/bulk/themes", { ids: [inside], theme: "Arctic" });
    expect(own.json()).toEqual({ updated: 1 });
  });

  it("refuses viewers, an empty selection and an empty theme", async () => {
    const id = await agreement(u.a);
    expect((await viewerCall("POST", "/api/agreements/bulk/themes", { ids: [id], theme: "Arctic" })).statusCode).toBe(
      403,
    );
    expect((await call("POST", "/api/agreements/bulk/themes", { ids: [], theme: "Arctic" })).statusCode).toBe(422);
    expect((await call("POST", "/api/agreements/bulk/themes", { ids: [id], theme: " " })).statusCode).toBe(422);
  });

  it("exports only the selected agreements, and refuses a malformed selection on its field", async () => {
    const [one, two, other] = [await agreement(u.a), await agreement(u.a), await agreement(u.b)];
    const csv = await call("GET", `/api/exports/agreements.csv?ids=${one},${two}`);
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.body).toContain(one);
    expect(csv.body).toContain(two);
    expect(csv.body).not.toContain(other);
    const listed = (await call("GET", `/api/agreements?ids=${other}`)).json().items.map((a: { id: string }) => a.id);
    expect(listed).toEqual([other]);
    const bad = await call("GET", `/api/agreements?ids=${one},,${two}`);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].field).toBe("querystring.ids");
  });
});

describe("moving several agreements at once", () => {
  it("moves each of the selection, and records the move in each one's history", async () => {
    const [one, two] = [await agreement(u.a), await agreement(u.b)];
    expect((await read(one)).status).toBe("draft");
    const res = await move([one, two, one], "start_negotiation");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ updated: 2 });
    expect((await read(one)).status).toBe("negotiation");
    expect((await read(two)).status).toBe("negotiation");
    const { history } = (await call("GET", `/api/agreements/${one}`)).json();
    expect(JSON.stringify(history)).toContain("negotiation");
  });

  it("refuses the whole selection when one agreement cannot make the move, naming it, and moves none", async () => {
    const draft = await agreement(u.a);
    const negotiating = await agreement(u.a);
    expect((await move([negotiating], "start_negotiation")).statusCode).toBe(200);
    const res = await move([draft, negotiating], "start_negotiation");
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    const problem = res.json();
    expect(problem.errors[0].field).toBe("ids");
    expect(problem.detail).toContain((await read(negotiating)).reference);
    expect((await read(draft)).status).toBe("draft");
  });

  it("refuses a limited editor a selection reaching outside their units, and moves none", async () => {
    const inside = await agreement(u.a);
    const outside = await agreement(u.b);
    const res = await scopedCall("POST", "/api/agreements/bulk/transitions", {
      ids: [inside, outside],
      action: "start_negotiation",
    });
    expect(res.statusCode).toBe(403);
    expect((await read(inside)).status).toBe("draft");
    expect((await read(outside)).status).toBe("draft");
  });

  it("refuses viewers, an unknown id, an empty selection and an unknown move, each on its field", async () => {
    const id = await agreement(u.a);
    const viewer = await viewerCall("POST", "/api/agreements/bulk/transitions", {
      ids: [id],
      action: "start_negotiation",
    });
    expect(viewer.statusCode).toBe(403);
    const unknown = await move([id, "no-such-agreement"], "start_negotiation");
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors[0].field).toBe("ids");
    expect(unknown.json().detail).toContain("no-such-agreement");
    const empty = await move([], "start_negotiation");
    expect(empty.statusCode).toBe(422);
    expect(empty.json().errors[0].field).toBe("ids");
    const bad = await move([id], "explode");
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].field).toBe("action");
    const withNul = await call("POST", "/api/agreements/bulk/transitions", {
      ids: [id],
      action: "terminate",
      reason: "bad\u0000reason",
    });
    expect(withNul.statusCode).toBe(422);
    expect((await read(id)).status).toBe("draft");
  });
});
