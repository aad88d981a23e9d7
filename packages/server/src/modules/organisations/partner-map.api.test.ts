import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type Session, signedIn, type TestContext } from "#test/harness.js";

let ctx: TestContext;
let editor: Session;
const org: Record<string, string> = {};

async function api(method: "GET" | "POST", url: string, payload?: unknown, s: Session | null = editor) {
  return ctx.app.inject({
    method,
    url,
    ...(s ? { headers: s.headers } : {}),
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

/** The map's counts as { code: count }, for the actor of `s` (null: a visitor). */
async function counts(query = "", s: Session | null = editor): Promise<Record<string, number>> {
  const res = await api("GET", `/api/map/countries${query ? `?${query}` : ""}`, undefined, s);
  expect(res.statusCode, res.body).toBe(200);
  return Object.fromEntries(
    (res.json().items as Array<{ countryCode: string; count: number }>).map((c) => [c.countryCode, c.count]),
  );
}

async function agreement(
  url: "/api/agreements" | "/api/agreements/past",
  title: string,
  parties: Array<{ organisationId: string; responsibleUnitId?: string }>,
  extra: Record<string, unknown> = {},
) {
  const res = await api("POST", url, { kind: "memorandum_of_understanding", title, parties, ...extra });
  if (res.statusCode !== 201) throw new Error(res.body);
}

beforeAll(async () => {
  ctx = await createTestContext();
  editor = await signedIn(ctx, "editor");
  for (const [key, name, kind, countryCode, visibility] of [
    ["lille", "Université de Lille", "university", "FR", "public"],
    ["lund", "Lund University", "university", "SE", "public"],
    ["kth", "KTH Royal Institute of Technology", "university", "SE", "internal"],
    ["uppsala", "Uppsala University", "university", "SE", "public"],
    ["sorbonne", "Sorbonne Université", "university", "FR", "internal"],
    ["reunion", "Université de La Réunion", "university", "RE", "internal"],
    ["region", "Région Réunion", "local_authority", "RE", "public"],
  ] as const) {
    const res = await api("POST", "/api/organisations", { kind, name, countryCode, visibility });
    if (res.statusCode !== 201) throw new Error(res.body);
    org[key] = res.json().id;
  }
  for (const [key, name] of [
    ["science", "Faculty of Science"],
    ["law", "Faculty of Law"],
  ] as const) {
    const res = await api("POST", "/api/organisations", {
      kind: "unit",
      name,
      countryCode: "FR",
      parentId: org.lille,
      visibility: "public",
    });
    if (res.statusCode !== 201) throw new Error(res.body);
    org[key] = res.json().id;
  }
  const lille = (unit: string) => ({ organisationId: org.lille as string, responsibleUnitId: org[unit] as string });
  const party = (key: string) => ({ organisationId: org[key] as string });
  // Active, public: Lille (science) with Lund.
  await agreement("/api/agreements/past", "Exchange with Lund", [lille("science"), party("lund")], {
    status: "active",
    signedOn: "2024-01-10",
    startsOn: "2024-01-10",
    visibility: "public",
  });
  // A draft, internal: Lille (law) with Réunion and KTH.
  await agreement("/api/agreements", "Law school in the Indian Ocean", [lille("law"), party("reunion"), party("kth")]);
  // Terminated, public: Lille (science) with the Réunion region and the Sorbonne.
  await agreement(
    "/api/agreements/past",
    "Marine biology chair",
    [lille("science"), party("region"), party("sorbonne")],
    { status: "terminated", signedOn: "2020-05-01", terminatedOn: "2023-05-01", visibility: "public" },
  );
});
afterAll(() => ctx.close());

describe("the partner map", () => {
  it("counts partners, not every organisation: units and organisations without agreement are left out", async () => {
    const all = await counts();
    expect(all).toEqual({ FR: 2, SE: 2, RE: 2 });
    // Uppsala (SE) has no agreement; the faculties are units.
    expect(all.SE).toBe(2);
  });

  it("counts an overseas territory under its own code, not its metropole's", async () => {
    const all = await counts();
    expect(all.RE).toBe(2);
    expect(all.FR).toBe(2); // Lille and the Sorbonne: neither Réunion partner is added to France
  });

  it("narrows by the partner's kind, the agreement's status and the responsible unit", async () => {
    expect(await counts("kind=local_authority")).toEqual({ RE: 1 });
    expect(await counts("status=draft")).toEqual({ FR: 1, SE: 1, RE: 1 });
    expect(await counts("status=active")).toEqual({ FR: 1, SE: 1 });
    expect(await counts("status=terminated")).toEqual({ FR: 2, RE: 1 });
    expect(await counts("status=expired")).toEqual({});
    expect(await counts(`unit=${org.law}`)).toEqual({ FR: 1, SE: 1, RE: 1 });
    expect(await counts(`unit=${org.science}&status=active`)).toEqual({ FR: 1, SE: 1 });
    expect(await counts(`unit=${org.science}&kind=university`)).toEqual({ FR: 2, SE: 1 });
    expect(await counts(`unit=${org.lund}`)).toEqual({});
  });

  it("shows visitors public partners of public agreements only", async () => {
    expect(await counts("", null)).toEqual({ FR: 1, SE: 1, RE: 1 });
    expect(await counts("status=terminated", null)).toEqual({ FR: 1, RE: 1 });
  });

  it("refuses a bad filter with a problem naming its field", async () => {
    for (const [query, field] of [
      ["status=signed", "querystring.status"],
      ["kind=castle", "querystring.kind"],
      ["unit=a%20b", "querystring.unit"],
    ] as const) {
      const res = await api("GET", `/api/map/countries?${query}`);
      expect(res.statusCode, query).toBe(422);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json().errors[0].field).toBe(field);
    }
  });
});
