import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type Session, signedIn, type TestContext } from "#test/harness.js";
import { walkPages } from "#test/walk-pages.js";

let ctx: TestContext;
let editor: Session;

const get = (url: string) => ctx.app.inject({ method: "GET", url, headers: editor.headers });

interface Listed {
  id: string;
  givenName: string;
  familyName: string;
  title: string | null;
}

/** Every person of a sorted list, read two at a time by following the cursors. */
function walk(query: string): Promise<Listed[]> {
  return walkPages<Listed>(ctx, editor, `/api/people?${query}`);
}

const names = (people: Listed[]) => people.map((p) => `${p.givenName} ${p.familyName}`);

const ids: Record<string, string> = {};

beforeAll(async () => {
  ctx = await createTestContext();
  editor = await signedIn(ctx, "editor");
  for (const [key, givenName, familyName, title] of [
    ["anna", "Anna", "Lindqvist", "Vice-rector"],
    ["elodie", "Élodie", "Durand", "International officer"],
    ["bo", "Bo", "Åberg", null],
    ["marc1", "Marc", "Dupont", "Coordinator"],
    ["marc2", "Marc", "Dupont", "Coordinator"],
    ["zoe", "Zoé", "Adams", "Coordinator of the network"],
  ] as const) {
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/people",
      headers: editor.headers,
      payload: { givenName, familyName, ...(title ? { title } : {}) },
    });
    if (res.statusCode !== 201) throw new Error(res.body);
    ids[key] = (res.json() as { id: string }).id;
  }
});
afterAll(() => ctx.close());

describe("sorting the people list", () => {
  it("sorts by family then given name by default, accents folded, in both orders across pages", async () => {
    const byName = await walk("sort=name");
    expect(names(byName)).toEqual([
      "Bo Åberg",
      "Zoé Adams",
      "Marc Dupont",
      "Marc Dupont",
      "Élodie Durand",
      "Anna Lindqvist",
    ]);
    expect(await walk("")).toEqual(byName);
    expect(await walk("order=desc")).toEqual([...byName].reverse());
  });

  it("breaks ties between namesakes by id, the same way on every page and reversed when descending", async () => {
    const twins = [ids.marc1, ids.marc2].sort();
    const asc = (await walk("sort=name")).map((p) => p.id).filter((id) => twins.includes(id));
    expect(asc).toEqual(twins);
    const desc = (await walk("sort=name&order=desc")).map((p) => p.id).filter((id) => twins.includes(id));
    expect(desc).toEqual([...twins].reverse());
  });

  it("sorts by position or title then name, a shorter title before a longer one it begins, none last", async () => {
    const byTitle = await walk("sort=title");
    expect(byTitle.map((p) => p.title)).toEqual([
      "Coordinator",
      "Coordinator",
      "Coordinator of the network",
      "International officer",
      "Vice-rector",
      null,
    ]);
    expect(byTitle.slice(0, 2).map((p) => p.id)).toEqual([ids.marc1, ids.marc2].sort());
    expect(await walk("sort=title&order=desc")).toEqual([...byTitle].reverse());
  });

  it("moves a person in the title sort when their title changes", async () => {
    const res = await ctx.app.inject({
      method: "PATCH",
      url: `/api/people/${ids.bo}`,
      headers: editor.headers,
      payload: { title: "Archivist" },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(names(await walk("sort=title")).slice(0, 1)).toEqual(["Bo Åberg"]);
    await ctx.app.inject({
      method: "PATCH",
      url: `/api/people/${ids.bo}`,
      headers: editor.headers,
      payload: { title: null },
    });
    expect(names(await walk("sort=title")).at(-1)).toBe("Bo Åberg");
  });

  it("refuses an unknown sort or order on its field", async () => {
    const unknown = await get("/api/people?sort=organisation");
    expect(unknown.statusCode).toBe(422);
    expect(unknown.headers["content-type"]).toContain("application/problem+json");
    expect(unknown.json().errors[0].field).toBe("querystring.sort");
    const order = await get("/api/people?sort=name&order=up");
    expect(order.statusCode).toBe(422);
    expect(order.json().errors[0].field).toBe("querystring.order");
  });
});
