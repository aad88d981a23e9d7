import { SAVED_VIEWS_PER_LIST } from "@conventio/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type Session, signedIn, type TestContext } from "#test/harness.js";

let ctx: TestContext;
let viewer: Session;
let editor: Session;

type Method = "GET" | "POST" | "DELETE";
const call = (s: Session | null, method: Method, url: string, payload?: unknown) =>
  ctx.app.inject({
    method,
    url,
    ...(s ? { headers: s.headers } : {}),
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

interface Listed {
  id: string;
  name: string;
  list: string;
  search: Record<string, unknown>;
}
const views = async (s: Session, list: string) =>
  ((await call(s, "GET", `/api/saved-views?list=${list}`)).json() as { items: Listed[] }).items;

beforeAll(async () => {
  ctx = await createTestContext();
  viewer = await signedIn(ctx, "viewer");
  editor = await signedIn(ctx, "editor");
});
afterAll(() => ctx.close());

describe("saved views", () => {
  it("keeps a person's views of a list by name, reads back what was saved and replaces a name in use", async () => {
    const first = await call(viewer, "POST", "/api/saved-views", {
      list: "agreements",
      name: "Ending soon",
      search: { expiringWithinDays: 180, status: "active" },
    });
    expect(first.statusCode, first.body).toBe(201);
    const second = await call(viewer, "POST", "/api/saved-views", {
      list: "agreements",
      name: "Ändrade avtal i Sverige",
      search: { country: "SE", sort: "endsOn", order: "desc" },
    });
    expect(second.statusCode, second.body).toBe(201);
    expect((await views(viewer, "agreements")).map((v) => [v.name, v.search])).toEqual([
      ["Ändrade avtal i Sverige", { country: "SE", sort: "endsOn", order: "desc" }],
      ["Ending soon", { expiringWithinDays: 180, status: "active" }],
    ]);
    const replaced = await call(viewer, "POST", "/api/saved-views", {
      list: "agreements",
      name: "Ending soon",
      search: { expiringWithinDays: 90 },
    });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json().id).toBe(first.json().id);
    const now = await views(viewer, "agreements");
    expect(now).toHaveLength(2);
    expect(now.find((v) => v.name === "Ending soon")?.search).toEqual({ expiringWithinDays: 90 });
  });

  it("keeps each list's views and each person's views apart", async () => {
    await call(viewer, "POST", "/api/saved-views", { list: "people", name: "Ending soon", search: { q: "lund" } });
    expect((await views(viewer, "people")).map((v) => v.search)).toEqual([{ q: "lund" }]);
    expect(await views(editor, "agreements")).toEqual([]);
    const theirs = (await views(viewer, "agreements"))[0] as Listed;
    const refused = await call(editor, "DELETE", `/api/saved-views/${theirs.id}`);
    expect(refused.statusCode).toBe(404);
    expect(await views(viewer, "agreements")).toHaveLength(2);
  });

  it("deletes a view of one's own", async () => {
    const target = (await views(viewer, "people"))[0] as Listed;
    expect((await call(viewer, "DELETE", `/api/saved-views/${target.id}`)).statusCode).toBe(204);
    expect(await views(viewer, "people")).toEqual([]);
    expect((await call(viewer, "DELETE", `/api/saved-views/${target.id}`)).statusCode).toBe(404);
  });

  it("asks a visitor to sign in", async () => {
    expect((await call(null, "GET", "/api/saved-views?list=agreements")).statusCode).toBe(401);
    expect(
      (await call(null, "POST", "/api/saved-views", { list: "agreements", name: "x", search: {} })).statusCode,
    ).toBeGreaterThanOrEqual(401);
  });

  it("refuses bad input on its field and stores nothing", async () => {
    const before = await views(editor, "organisations");
    for (const [payload, field] of [
      [{ list: "meetings", name: "x", search: {} }, "list"],
      [{ list: "organisations", name: "  ", search: {} }, "name"],
      [{ list: "organisations", name: "x".repeat(81), search: {} }, "name"],
      [{ list: "organisations", name: "Nul\u0000name", search: {} }, "name"],
      [{ list: "organisations", name: "x", search: { "bad key": "1" } }, "search"],
      [{ list: "organisations", name: "x", search: { q: "a".repeat(501) } }, "search"],
      [{ list: "organisations", name: "x", search: { q: { nested: true } } }, "search"],
      [{ list: "organisations", name: "x", search: { q: "nul\u0000value" } }, "search"],
    ] as const) {
      const res = await call(editor, "POST", "/api/saved-views", payload);
      expect(res.statusCode, JSON.stringify(payload)).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, JSON.stringify(payload)).toBeLessThan(500);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      const fields = (res.json().errors ?? []).map((e: { field: string }) => e.field).join(" ");
      expect(fields, res.body).toContain(field);
    }
    const list = await call(editor, "GET", "/api/saved-views?list=meetings");
    expect(list.statusCode).toBe(422);
    expect(list.json().errors[0].field).toBe("querystring.list");
    expect(await views(editor, "organisations")).toEqual(before);
  });

  it(`keeps at most ${SAVED_VIEWS_PER_LIST} views of one list, and still replaces one of them`, async () => {
    for (let i = 0; i < SAVED_VIEWS_PER_LIST; i++) {
      const res = await call(editor, "POST", "/api/saved-views", { list: "activities", name: `View ${i}`, search: {} });
      expect(res.statusCode).toBe(201);
    }
    const over = await call(editor, "POST", "/api/saved-views", { list: "activities", name: "One more", search: {} });
    expect(over.statusCode).toBe(409);
    expect(over.json().errors[0].field).toBe("name");
    const again = await call(editor, "POST", "/api/saved-views", {
      list: "activities",
      name: "View 7",
      search: { sort: "title" },
    });
    expect(again.statusCode).toBe(200);
    expect(await views(editor, "activities")).toHaveLength(SAVED_VIEWS_PER_LIST);
  });
});
