import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type Session, signedIn, type TestContext } from "#test/harness.js";
import { walkPages } from "#test/walk-pages.js";

let ctx: TestContext;
let editor: Session;

interface Listed {
  id: string;
  reference: string;
  startsOn: string | null;
  endsOn: string | null;
  status: string;
}

const get = (url: string) => ctx.app.inject({ method: "GET", url, headers: editor.headers });

/** Every row of a sorted list, read two at a time by following the cursors. */
function walk(query: string): Promise<Listed[]> {
  return walkPages<Listed>(ctx, editor, `/api/agreements?${query}`);
}

beforeAll(async () => {
  ctx = await createTestContext();
  editor = await signedIn(ctx, "editor");
  for (const [title, startsOn, endsOn] of [
    ["Alpha exchange", "2021-01-01", "2026-12-31"],
    ["Bravo research", "2020-05-01", null],
    ["Charlie thesis", null, "2025-06-30"],
    ["Delta summer school", "2023-03-01", "2025-06-30"],
    ["Echo double degree", "2019-09-01", "2030-08-31"],
  ] as const) {
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/agreements",
      headers: editor.headers,
      payload: { kind: "cotutelle", title, ...(startsOn ? { startsOn } : {}), ...(endsOn ? { endsOn } : {}) },
    });
    if (res.statusCode !== 201) throw new Error(res.body);
  }
});
afterAll(() => ctx.close());

const byKey = (key: (a: Listed) => string) => (a: Listed, b: Listed) =>
  key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

describe("sorting the agreement list", () => {
  it("pages every sort in both orders without losing or repeating a row", async () => {
    const all = await walk("sort=title");
    expect(all).toHaveLength(5);
    const keys: Record<string, (a: Listed) => string> = {
      reference: (a) => a.reference,
      startsOn: (a) => a.startsOn ?? "",
      endsOn: (a) => a.endsOn ?? "9999-12-31",
      status: (a) => a.status,
    };
    for (const [sort, key] of Object.entries(keys)) {
      const asc = [...all].sort(byKey(key)).map((a) => a.id);
      expect((await walk(`sort=${sort}`)).map((a) => a.id)).toEqual(asc);
      expect((await walk(`sort=${sort}&order=desc`)).map((a) => a.id)).toEqual([...asc].reverse());
    }
  });

  it("puts agreements without an end last when sorted by end, whatever their order of creation", async () => {
    const ends = (await walk("sort=endsOn")).map((a) => a.endsOn);
    expect(ends).toEqual(["2025-06-30", "2025-06-30", "2026-12-31", "2030-08-31", null]);
  });

  it("refuses an unknown sort or order as problem+json naming the field", async () => {
    for (const [query, field, status] of [
      ["sort=createdAt", "querystring.sort", 422],
      ["order=sideways", "querystring.order", 422],
      // NUL bytes stop at the edge, before validation, which names the address as their field.
      ["sort=title%00", "url", 400],
      ["sort=%00", "url", 400],
    ] as const) {
      const res = await get(`/api/agreements?${query}`);
      expect(res.statusCode, query).toBe(status);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([field]);
    }
  });
});
