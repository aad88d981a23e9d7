import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type Session, signedIn, type TestContext } from "#test/harness.js";
import { walkPages } from "#test/walk-pages.js";

let ctx: TestContext;
let editor: Session;

const get = (url: string) => ctx.app.inject({ method: "GET", url, headers: editor.headers });

/** Every title of a list of events, read two at a time by following the cursors. */
async function titles(query: string): Promise<string[]> {
  return (await walkPages<{ title: string }>(ctx, editor, `/api/events?${query}`)).map((x) => x.title);
}

beforeAll(async () => {
  ctx = await createTestContext();
  editor = await signedIn(ctx, "editor");
  for (const [title, startsAt] of [
    ["Welcome week", "2025-09-01T09:00:00+02:00"],
    ["Erasmus days", "2025-10-09T10:00:00+02:00"],
    ["Partners' forum", "2026-02-12T09:30:00+01:00"],
    ["Summer school", "2026-07-06T09:00:00+02:00"],
    ["Alumni evening", "2026-11-20T18:00:00+01:00"],
  ] as const) {
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/events",
      headers: editor.headers,
      payload: { title, startsAt, timeZone: "Europe/Paris", audiences: ["staff"] },
    });
    if (res.statusCode !== 201) throw new Error(res.body);
  }
});
afterAll(() => ctx.close());

describe("the order of the event list", () => {
  it("reads the soonest first by default, and the latest first when asked, across pages", async () => {
    const soonest = await titles("from=2025-01-01T00:00:00Z");
    expect(soonest).toEqual(["Welcome week", "Erasmus days", "Partners' forum", "Summer school", "Alumni evening"]);
    expect(await titles("from=2025-01-01T00:00:00Z&order=asc")).toEqual(soonest);
    expect(await titles("from=2025-01-01T00:00:00Z&order=desc")).toEqual([...soonest].reverse());
  });

  it("reads past events back from the latest, an event still under way counted as coming, not past", async () => {
    const week = await ctx.app.inject({
      method: "POST",
      url: "/api/events",
      headers: editor.headers,
      payload: {
        title: "Exchange week",
        startsAt: "2026-02-27T09:00:00+01:00",
        endsAt: "2026-03-03T17:00:00+01:00",
        timeZone: "Europe/Paris",
        audiences: ["staff"],
      },
    });
    expect(week.statusCode, week.body).toBe(201);
    expect(await titles("endsBefore=2026-03-01T00:00:00Z&order=desc")).toEqual([
      "Partners' forum",
      "Erasmus days",
      "Welcome week",
    ]);
    expect(await titles("from=2026-03-01T00:00:00Z")).toEqual(["Exchange week", "Summer school", "Alumni evening"]);
  });

  it("refuses an unknown order on its field", async () => {
    const res = await get("/api/events?order=latest");
    expect(res.statusCode).toBe(422);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json().errors[0].field).toBe("querystring.order");
  });
});
