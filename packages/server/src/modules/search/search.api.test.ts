import type { GlobalSearchResult, SearchKind } from "@conventio/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  agreementBody,
  api,
  arrangeUnits,
  created,
  limitTo,
  type Units,
} from "#modules/accounts/unit-scope-fixtures.js";
import { readBundledRegistry } from "#modules/registry/bundled-registry.js";
import type { IndexedCandidate } from "#modules/registry/ror-record.js";
import { createTestContext, signedIn, type TestContext } from "#test/harness.js";

/**
 * The header's search: one query, every kind of record, accent-blind prefixes, best matches
 * first, and each group holding only what the caller's own list of that kind would show.
 */
let ctx: TestContext;
let u: Units;
let call: ReturnType<typeof api>;
let viewerCall: ReturnType<typeof api>;
let limitedCall: ReturnType<typeof api>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  ctx = await createTestContext();
  const adminCall = api(ctx, await signedIn(ctx, "admin"));
  call = api(ctx, await signedIn(ctx, "editor"));
  viewerCall = api(ctx, await signedIn(ctx, "viewer"));
  limitedCall = api(ctx, await signedIn(ctx, "viewer", "viewer-a@example.org"));
  u = await arrangeUnits(call);
  const post = async (url: string, body: object) => created(await call("POST", url, body));
  ids.org = await post("/api/organisations", {
    kind: "university",
    name: "Université Côte d'Azur",
    city: "Nice",
    countryCode: "FR",
  });
  ids.other = await post("/api/organisations", { kind: "university", name: "Côte Ouest Académie" });
  ids.person = await post("/api/people", { givenName: "Åsa", familyName: "Lindqvïst", organisationId: ids.org });
  ids.agreementA = await post("/api/agreements", agreementBody(u, u.a, { title: "Échange Azuréen de chimie" }));
  ids.agreementB = await post("/api/agreements", agreementBody(u, u.b, { title: "Échange Azuréen de droit" }));
  ids.activityA = await post("/api/activities", {
    kind: "seminar",
    title: "Séminaire azuréen de chimie",
    startsOn: "2026-04-10",
    agreementId: ids.agreementA,
    partnerIds: [u.partner],
  });
  ids.activityB = await post("/api/activities", {
    kind: "seminar",
    title: "Séminaire azuréen de droit",
    startsOn: "2026-04-11",
    agreementId: ids.agreementB,
    partnerIds: [u.partner],
  });
  ids.event = await post("/api/events", {
    title: "Journée d'accueil à Malmö",
    startsAt: "2026-09-10T09:00:00Z",
    place: "Hörsal Niels Bohr",
  });
  ids.news = await post("/api/news", {
    title: "Rentrée à Göteborg",
    body: "Les étudiants arrivent.",
    tags: ["Mobilité"],
  });
  const entries: IndexedCandidate[] = [];
  for await (const c of readBundledRegistry()) if (/Jyväskylä/.test(c.name)) entries.push(c);
  await ctx.services.registry.loadRegistry(entries);
  await limitTo(adminCall, "viewer-a@example.org", [u.a]);
}, 120_000);
afterAll(() => ctx.close());

async function search(caller: ReturnType<typeof api>, q: string, limit?: number): Promise<GlobalSearchResult> {
  const res = await caller("GET", `/api/search?q=${encodeURIComponent(q)}${limit ? `&limit=${limit}` : ""}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const idsOf = (r: GlobalSearchResult, kind: SearchKind) =>
  r.groups.find((g) => g.kind === kind)?.items.map((i) => i.id) ?? [];

describe("GET /api/search", () => {
  it("finds every kind of record by unaccented prefixes, with its address", async () => {
    const r = await search(viewerCall, "cote azu");
    expect(r.groups.map((g) => g.kind)).toEqual([
      "organisation",
      "agreement",
      "person",
      "activity",
      "event",
      "news",
      "registry",
    ]);
    const org = r.groups[0]?.items[0];
    expect(org).toMatchObject({ kind: "organisation", id: ids.org, country: "FR", detail: "Nice" });
    expect(org?.href).toBe(`/organisations/${ids.org}`);
    expect(idsOf(r, "organisation")).not.toContain(ids.other);
    expect(idsOf(await search(viewerCall, "echange azur"), "agreement").sort()).toEqual(
      [ids.agreementA, ids.agreementB].sort(),
    );
    expect(idsOf(await search(viewerCall, "seminaire azu"), "activity")).toHaveLength(2);
    const person = (await search(viewerCall, "asa lindq")).groups.find((g) => g.kind === "person")?.items[0];
    expect(person).toMatchObject({ id: ids.person, title: "Åsa Lindqvïst", href: `/people/${ids.person}` });
    expect(person?.detail).toContain("Université Côte d'Azur");
    const event = (await search(viewerCall, "malmo horsal")).groups.find((g) => g.kind === "event")?.items[0];
    expect(event).toMatchObject({ id: ids.event, detail: "Hörsal Niels Bohr", href: `/events/${ids.event}` });
    const news = (await search(viewerCall, "goteb")).groups.find((g) => g.kind === "news")?.items[0];
    expect(news).toMatchObject({ id: ids.news, status: "draft", href: `/news/${ids.news}` });
    expect(idsOf(await search(viewerCall, "mobilite"), "news")).toEqual([ids.news]);
    const registry = (await search(viewerCall, "jyvasky")).groups.find((g) => g.kind === "registry");
    expect(registry?.items.length).toBeGreaterThan(0);
    expect(registry?.items[0]?.title).toMatch(/Jyväskylä/);
    expect(registry?.items[0]?.href).toMatch(/^\/registry\?q=/);
  });

  it("puts the best match first and keeps to the limit per group", async () => {
    for (let i = 0; i < 4; i++) {
      await call("POST", "/api/organisations", {
        kind: "company",
        name: `Azurite Mining Company number ${i} of the coast`,
      });
    }
    const r = await search(viewerCall, "azur", 3);
    const orgs = idsOf(r, "organisation");
    expect(orgs).toHaveLength(3);
    const exact = await search(viewerCall, "universite cote d azur", 3);
    expect(idsOf(exact, "organisation")[0]).toBe(ids.org);
  });

  it("shows an account limited to units only the agreements and activities of its units", async () => {
    const r = await search(limitedCall, "azur");
    expect(idsOf(r, "agreement")).toEqual([ids.agreementA]);
    expect(idsOf(r, "activity")).toEqual([ids.activityA]);
    expect(idsOf(r, "organisation")).toContain(ids.org);
    const list = await limitedCall("GET", "/api/agreements?q=azur");
    expect(list.json().items.map((i: { id: string }) => i.id)).toEqual([ids.agreementA]);
  });

  it("forgets a deleted event", async () => {
    const id = await created(
      await call("POST", "/api/events", { title: "Fête éphémère", startsAt: "2026-10-01T09:00:00Z" }),
    );
    expect(idsOf(await search(viewerCall, "ephem"), "event")).toEqual([id]);
    expect((await call("DELETE", `/api/events/${id}`)).statusCode).toBe(204);
    expect(idsOf(await search(viewerCall, "ephem"), "event")).toEqual([]);
  });

  it("answers 401 to anonymous callers", async () => {
    const res = await ctx.app.inject({ method: "GET", url: "/api/search?q=azur" });
    expect(res.statusCode).toBe(401);
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
  });

  it.each([
    ["empty", "/api/search?q=", "querystring.q"],
    ["blank", "/api/search?q=%20%20", "querystring.q"],
    ["missing", "/api/search", "querystring.q"],
    ["too long", `/api/search?q=${"a".repeat(201)}`, "querystring.q"],
    ["a control character", "/api/search?q=az%01ur", "query.q"],
    ["a bad limit", "/api/search?q=azur&limit=500", "querystring.limit"],
    ["a NUL byte", "/api/search?q=az%00ur", "url"],
  ])("refuses %s with a problem naming the field", async (_label, url, field) => {
    const res = await viewerCall("GET", url);
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
    const fields = (res.json().errors ?? []).map((e: { field: string }) => e.field);
    expect(fields).toContain(field);
  });

  it("answers empty groups to punctuation alone", async () => {
    const r = await search(viewerCall, "?!");
    expect(r.groups.every((g) => g.items.length === 0)).toBe(true);
  });
});
