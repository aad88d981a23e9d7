import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type Session, signedIn, type TestContext } from "#test/harness.js";
import { walkPages } from "#test/walk-pages.js";

let ctx: TestContext;
let editor: Session;

const get = (url: string) => ctx.app.inject({ method: "GET", url, headers: editor.headers });

/** Every name of a sorted list, read two at a time by following the cursors. */
async function walk(query: string): Promise<string[]> {
  return (await walkPages<{ name: string }>(ctx, editor, `/api/organisations?${query}`)).map((x) => x.name);
}

beforeAll(async () => {
  ctx = await createTestContext();
  editor = await signedIn(ctx, "editor");
  for (const [name, countryCode] of [
    ["Université de Lille", "FR"],
    ["Aalto University", "FI"],
    ["Linköping University", "SE"],
    ["Université de Lorraine", "FR"],
    ["Erasmus network office", null],
  ] as const) {
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/organisations",
      headers: editor.headers,
      payload: { kind: "university", name, ...(countryCode ? { countryCode } : {}) },
    });
    if (res.statusCode !== 201) throw new Error(res.body);
  }
});
afterAll(() => ctx.close());

describe("sorting the organisation list", () => {
  it("sorts by name, and by country then name with no country last, in both orders across pages", async () => {
    const byName = [
      "Aalto University",
      "Erasmus network office",
      "Linköping University",
      "Université de Lille",
      "Université de Lorraine",
    ];
    expect(await walk("sort=name")).toEqual(byName);
    expect(await walk("order=desc")).toEqual([...byName].reverse());
    const byCountry = [
      "Aalto University",
      "Université de Lille",
      "Université de Lorraine",
      "Linköping University",
      "Erasmus network office",
    ];
    expect(await walk("sort=country")).toEqual(byCountry);
    expect(await walk("sort=country&order=desc")).toEqual([...byCountry].reverse());
  });

  it("refuses an unknown sort on its field, and a NUL byte at the edge", async () => {
    const unknown = await get("/api/organisations?sort=city");
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors[0].field).toBe("querystring.sort");
    const nul = await get("/api/organisations?sort=name%00");
    expect(nul.statusCode).toBe(400);
    expect(nul.headers["content-type"]).toContain("application/problem+json");
  });
});
