import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type Session, signedIn, type TestContext } from "#test/harness.js";
import { walkPages } from "#test/walk-pages.js";

let ctx: TestContext;
let editor: Session;

const get = (url: string) => ctx.app.inject({ method: "GET", url, headers: editor.headers });

interface Listed {
  id: string;
  title: string;
  startsOn: string | null;
}

/** Every activity of a sorted list, read two at a time by following the cursors. */
function walk(query: string): Promise<Listed[]> {
  return walkPages<Listed>(ctx, editor, `/api/activities?${query}`);
}

const titles = (activities: Listed[]) => activities.map((a) => a.title);

const ids: Record<string, string> = {};

async function record(title: string, startsOn: string) {
  return ctx.app.inject({
    method: "POST",
    url: "/api/activities",
    headers: editor.headers,
    payload: { kind: "research_project", title, startsOn, status: "planned" },
  });
}

beforeAll(async () => {
  ctx = await createTestContext();
  editor = await signedIn(ctx, "editor");
  for (const [key, title, startsOn] of [
    ["summer", "Summer school in Nancy", "2024-07-01"],
    ["etude", "Étude des matériaux", "2025-03-10"],
    ["atelier1", "Atelier doctoral", "2023-11-20"],
    ["atelier2", "Atelier doctoral", "2026-01-15"],
    ["zero", "Zero-waste campus", "2022-05-04"],
  ] as const) {
    const res = await record(title, startsOn);
    if (res.statusCode !== 201) throw new Error(res.body);
    ids[key] = (res.json() as { id: string }).id;
  }
});
afterAll(() => ctx.close());

describe("sorting the activity list", () => {
  it("reads the latest first by default, and the earliest first when asked, across pages", async () => {
    const latest = await walk("");
    expect(latest.map((a) => a.startsOn)).toEqual([
      "2026-01-15",
      "2025-03-10",
      "2024-07-01",
      "2023-11-20",
      "2022-05-04",
    ]);
    expect(await walk("sort=date")).toEqual(latest);
    expect(await walk("sort=date&order=desc")).toEqual(latest);
    expect(await walk("sort=date&order=asc")).toEqual([...latest].reverse());
  });

  it("sorts by title from A with accents folded, namesakes by id, and reverses on desc", async () => {
    const byTitle = await walk("sort=title");
    expect(titles(byTitle)).toEqual([
      "Atelier doctoral",
      "Atelier doctoral",
      "Étude des matériaux",
      "Summer school in Nancy",
      "Zero-waste campus",
    ]);
    expect(byTitle.slice(0, 2).map((a) => a.id)).toEqual([ids.atelier1, ids.atelier2].sort());
    expect(await walk("sort=title&order=desc")).toEqual([...byTitle].reverse());
  });

  it("keeps the filters while sorting", async () => {
    await ctx.app.inject({
      method: "POST",
      url: "/api/activities",
      headers: editor.headers,
      payload: {
        kind: "delegation_visit",
        title: "Delegation from Kyutech",
        startsOn: "2021-09-20",
        status: "completed",
      },
    });
    expect(titles(await walk("kind=delegation_visit&sort=title"))).toEqual(["Delegation from Kyutech"]);
    expect(titles(await walk("q=atelier&sort=title&order=desc"))).toEqual(["Atelier doctoral", "Atelier doctoral"]);
  });

  it("moves an activity in the title sort when its title changes", async () => {
    const res = await ctx.app.inject({
      method: "PUT",
      url: `/api/activities/${ids.zero}`,
      headers: editor.headers,
      payload: {
        kind: "research_project",
        title: "Accueil des délégations",
        startsOn: "2022-05-04",
        status: "planned",
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(titles(await walk("kind=research_project&sort=title"))[0]).toBe("Accueil des délégations");
  });

  it("refuses an unknown sort or order on its field", async () => {
    const unknown = await get("/api/activities?sort=status");
    expect(unknown.statusCode).toBe(422);
    expect(unknown.headers["content-type"]).toContain("application/problem+json");
    expect(unknown.json().errors[0].field).toBe("querystring.sort");
    const order = await get("/api/activities?sort=title&order=sideways");
    expect(order.statusCode).toBe(422);
    expect(order.json().errors[0].field).toBe("querystring.order");
  });
});
