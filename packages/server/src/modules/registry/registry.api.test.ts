import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type Session, signedIn, type TestContext } from "#test/harness.js";
import { readBundledRegistry } from "./bundled-registry.js";
import type { IndexedCandidate } from "./registry.service.js";

let ctx: TestContext;
let editor: Session;

/** A slice of the bundled registry: Japanese and Swedish entries, and Lille's. */
async function* slice(): AsyncGenerator<IndexedCandidate> {
  for await (const c of readBundledRegistry()) {
    if (c.countryCode === "JP" || c.countryCode === "SE" || c.erasmusCode === "F  LILLE103") yield c;
  }
}

beforeAll(async () => {
  ctx = await createTestContext();
  editor = await signedIn(ctx, "editor");
  const r = await ctx.services.registry.loadRegistry(slice());
  expect(r.inserted).toBeGreaterThan(500);
});
afterAll(() => ctx.close());

const find = async (q: string, s: Session = editor) =>
  (await ctx.app.inject({ method: "GET", url: `/api/registry?q=${encodeURIComponent(q)}`, headers: s.headers })).json()
    .items;

describe("registry API", () => {
  it("finds Kyutech by its alias, and Swedish universities without their accents", async () => {
    const items = await find("kyutech");
    expect(items[0]).toMatchObject({
      name: "Kyushu Institute of Technology",
      countryCode: "JP",
      rorId: "https://ror.org/02278tr80",
      organisationId: null,
    });
    const linkoping = await find("linkoping");
    expect(linkoping.map((i: { name: string }) => i.name)).toContain("Linköping University");
    expect((await find("kyus")).map((i: { name: string }) => i.name)).toContain("Kyushu Institute of Technology");
  });

  it("carries the Erasmus code, PIC and OID merged from the charter list", async () => {
    const [lille] = await find("universite lille");
    expect(lille).toMatchObject({ erasmusCode: "F  LILLE103", pic: "888146648" });
  });

  it("adds an entry as a partner in one step, then shows it as already a partner", async () => {
    const [entry] = await find("kyutech");
    const res = await ctx.app.inject({
      method: "POST",
      url: `/api/registry/${encodeURIComponent(entry.id)}/adopt`,
      headers: editor.headers,
      payload: {},
    });
    expect(res.statusCode).toBe(201);
    const org = res.json();
    expect(org).toMatchObject({
      name: "Kyushu Institute of Technology",
      countryCode: "JP",
      city: "Kitakyushu",
      acronym: "KIT",
    });
    expect(org.lat).toBeCloseTo(33.85, 1);
    expect(org.identifiers).toContainEqual({ scheme: "ror", value: "https://ror.org/02278tr80" });
    expect((await find("kyutech"))[0].organisationId).toBe(org.id);
    const again = await ctx.app.inject({
      method: "POST",
      url: `/api/registry/${encodeURIComponent(entry.id)}/adopt`,
      headers: editor.headers,
      payload: { confirmDuplicate: true },
    });
    expect(again.statusCode).toBe(409);
  });

  it("is internal: the public cannot search it and viewers cannot add from it", async () => {
    expect((await ctx.app.inject({ method: "GET", url: "/api/registry?q=kyutech" })).statusCode).toBe(401);
    const viewer = await signedIn(ctx, "viewer");
    const [entry] = await find("linkoping", viewer);
    const res = await ctx.app.inject({
      method: "POST",
      url: `/api/registry/${encodeURIComponent(entry.id)}/adopt`,
      headers: viewer.headers,
      payload: {},
    });
    expect(res.statusCode).toBe(403);
  });

  it("imports organisations in bulk, leaving those already present and reporting withdrawn and inactive records", async () => {
    const { registry } = ctx.services;
    const first = await registry.importOrganisations({ kind: "public" }, slice());
    expect(first.created).toBeGreaterThan(500);
    expect(first.unchanged).toBe(1); // Kyutech was adopted above
    expect(first.skipped).toBe(first.withdrawn + first.inactive);
    expect(new Set(first.skips.map((s) => s.reason))).toEqual(new Set(["withdrawn", "inactive"]));
    expect(first.imported + first.merged + first.skipped).toBe(first.rows);
    const second = await registry.importOrganisations({ kind: "public" }, slice());
    expect(second).toMatchObject({ created: 0, unchanged: first.imported, skipped: first.skipped });
  });
});
