import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { up as rebuildAgreementDocuments } from "#db/migrations/015-agreement-public-search.js";
import { createTestContext, type Session, signedIn, type TestContext } from "#test/harness.js";

let ctx: TestContext;
let editor: Session;
const org: Record<string, string> = {};

async function api(method: "GET" | "POST" | "PATCH" | "DELETE", url: string, payload?: unknown) {
  return ctx.app.inject({
    method,
    url,
    headers: editor.headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

async function draft(body: Record<string, unknown>): Promise<string> {
  const res = await api("POST", "/api/agreements", { kind: "bilateral_exchange", ...body });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json().id;
}

async function patch(url: string, body: Record<string, unknown>): Promise<void> {
  const res = await api("PATCH", url, body);
  if (res.statusCode !== 200) throw new Error(res.body);
}

/** Ids found by staff search, sorted so that sets compare exactly. */
async function staffFinds(q: string): Promise<string[]> {
  const res = await api("GET", `/api/agreements?q=${encodeURIComponent(q)}&limit=100`);
  expect(res.statusCode).toBe(200);
  return res
    .json()
    .items.map((a: { id: string }) => a.id)
    .sort();
}

/** Ids found by anonymous search of the public list. */
async function publicFinds(q: string): Promise<string[]> {
  const res = await ctx.app.inject({
    method: "GET",
    url: `/api/public/agreements?q=${encodeURIComponent(q)}&limit=100`,
  });
  expect(res.statusCode).toBe(200);
  return res
    .json()
    .items.map((a: { id: string }) => a.id)
    .sort();
}

const ids = (...xs: string[]) => [...xs].sort();

beforeAll(async () => {
  ctx = await createTestContext();
  editor = await signedIn(ctx, "editor");
  for (const [key, body] of [
    ["lorraine", { name: "Université de Lorraine", acronym: "UL" }],
    [
      "kyutech",
      {
        name: "Kyushu Institute of Technology",
        acronym: "Kyutech",
        names: [{ lang: "ja", value: "九州工業大学" }],
        countryCode: "JP",
      },
    ],
    ["ghent", { name: "Universiteit Gent", names: [{ lang: "en", value: "Ghent University" }], acronym: "UGent" }],
  ] as const) {
    const res = await api("POST", "/api/organisations", { kind: "university", ...body });
    if (res.statusCode !== 201) throw new Error(res.body);
    org[key] = res.json().id;
  }
});
afterAll(() => ctx.close());

describe("public agreement search", () => {
  it("finds a summary the public may read, never one kept internal nor an internal agreement", async () => {
    const open = await draft({
      title: "Open exchange",
      summary: "Joint work on marsupial ecology",
      visibility: "public",
    });
    const hidden = await draft({
      title: "Guarded exchange",
      summary: "Joint work on marsupial genetics",
      visibility: "public",
      internalFields: ["summary"],
    });
    const internal = await draft({ title: "Internal exchange", summary: "Marsupial habitats" });
    expect(await publicFinds("marsupial")).toEqual([open]);
    expect(await publicFinds("internal exchange")).toEqual([]);
    expect(await staffFinds("marsupial")).toEqual(ids(open, hidden, internal));

    // The documents follow the editor's choices both ways.
    await patch(`/api/agreements/${hidden}`, { internalFields: [] });
    await patch(`/api/agreements/${open}`, { visibility: "internal" });
    expect(await publicFinds("marsupial")).toEqual([hidden]);
    await patch(`/api/agreements/${internal}`, { visibility: "public", internalFields: ["summary"] });
    expect(await publicFinds("marsupial")).toEqual([hidden]);
    expect(await publicFinds("internal exchange")).toEqual([internal]);
    expect(await staffFinds("marsupial")).toEqual(ids(open, hidden, internal));
  });

  it("finds translated titles and summaries as the public page shows them", async () => {
    const a = await draft({
      title: "Wombat exchange",
      titles: [{ lang: "fr", value: "Échange des ornithorynques" }],
      summaries: [{ lang: "fr", value: "Étude des échidnés" }],
      visibility: "public",
    });
    const b = await draft({
      title: "Numbat exchange",
      summaries: [{ lang: "fr", value: "Échidnés en captivité" }],
      visibility: "public",
      internalFields: ["summary"],
    });
    expect(await publicFinds("ornithorynques")).toEqual([a]);
    expect(await publicFinds("echidnes")).toEqual([a]);
    expect(await staffFinds("echidnes")).toEqual(ids(a, b));
  });
});

describe("signatories in search", () => {
  it("finds public signatories by name and place, and internal ones only for staff", async () => {
    const signatories = [
      {
        name: "Émilie Vauquelin",
        title: "Vice-présidente",
        titles: [{ lang: "en", value: "Vice-president for partnerships" }],
        place: "Nancy",
        organisationId: org.lorraine,
      },
      { name: "Hiroshi Tanabe", place: "Kitakyushu", organisationId: org.kyutech },
    ];
    const shown = await draft({
      title: "Signed exchange",
      visibility: "public",
      internalFields: [],
      signatories,
    });
    const guarded = await draft({ title: "Quiet exchange", visibility: "public", signatories });
    expect(await publicFinds("vauquelin")).toEqual([shown]);
    expect(await publicFinds("kitakyushu")).toEqual([shown]);
    expect(await publicFinds("emilie vauq")).toEqual([shown]);
    expect(await publicFinds("vice presidente")).toEqual([shown]);
    expect(await publicFinds("partnerships")).toEqual([shown]);
    expect(await staffFinds("partnerships")).toEqual(ids(shown, guarded));
    expect(await staffFinds("vauquelin")).toEqual(ids(shown, guarded));
    expect(await staffFinds("tanabe kitakyushu")).toEqual(ids(shown, guarded));

    await patch(`/api/agreements/${shown}`, { signatories: [{ name: "Paul Durand", place: "Metz" }] });
    expect(await publicFinds("vauquelin")).toEqual([]);
    expect(await publicFinds("durand metz")).toEqual([shown]);
    expect(await staffFinds("vauquelin")).toEqual([guarded]);
  });
});

describe("partners in search", () => {
  it("finds agreements by a partner's name, acronym and names in other languages", async () => {
    const pub = await draft({
      title: "Robotics exchange",
      visibility: "public",
      parties: [{ organisationId: org.lorraine }, { organisationId: org.kyutech }],
    });
    const staff = await draft({
      title: "Materials exchange",
      parties: [{ organisationId: org.kyutech }, { organisationId: org.ghent }],
    });
    const other = await draft({
      title: "Ghent exchange",
      visibility: "public",
      parties: [{ organisationId: org.lorraine }, { organisationId: org.ghent }],
    });
    for (const q of ["kyutech", "Kyushu", "九州工業大学"]) {
      expect(await staffFinds(q)).toEqual(ids(pub, staff));
      expect(await publicFinds(q)).toEqual([pub]);
    }
    expect(await staffFinds("ghent university")).toEqual(ids(staff, other));
    expect(await publicFinds("ugent")).toEqual([other]);
  });

  it("reindexes a partner's agreements when its name, names or acronym change", async () => {
    const partner = (
      await api("POST", "/api/organisations", { kind: "university", name: "Hokkaido University", acronym: "HokuDai" })
    ).json().id;
    const made = [];
    for (const [i, visibility] of ["public", "internal", "public"].entries()) {
      made.push(
        await draft({
          title: `Exchange number ${i}`,
          visibility,
          parties: [{ organisationId: org.lorraine }, { organisationId: partner }],
        }),
      );
    }
    const [a, b, c] = made as [string, string, string];
    const untouched = await draft({ title: "Unrelated exchange", visibility: "public" });
    expect(await staffFinds("hokudai")).toEqual(ids(a, b, c));

    await patch(`/api/organisations/${partner}`, {
      name: "Sapporo Imperial University",
      acronym: "SIU",
      names: [{ lang: "ja", value: "北海道大学" }],
    });
    expect(await staffFinds("hokudai")).toEqual([]);
    expect(await staffFinds("hokkaido")).toEqual([]);
    expect(await staffFinds("sapporo imperial")).toEqual(ids(a, b, c));
    expect(await publicFinds("siu")).toEqual(ids(a, c));
    expect(await publicFinds("北海道大学")).toEqual(ids(a, c));
    expect(await publicFinds("unrelated")).toEqual([untouched]);
  });
});

describe("the search documents themselves", () => {
  const documentsOf = async (id: string) =>
    (
      await ctx.database.db
        .selectFrom("search_document")
        .select("entity")
        .where("entity_id", "=", id)
        .orderBy("entity")
        .execute()
    ).map((d) => d.entity);

  it("keeps a public document only for public agreements, and drops both when a draft is deleted", async () => {
    const pub = await draft({ title: "Platypus exchange", visibility: "public" });
    const internal = await draft({ title: "Echidna exchange" });
    expect(await documentsOf(pub)).toEqual(["agreement", "agreement_public"]);
    expect(await documentsOf(internal)).toEqual(["agreement"]);
    expect((await api("DELETE", `/api/agreements/${pub}`)).statusCode).toBe(204);
    expect(await documentsOf(pub)).toEqual([]);
  });

  it("writes the documents of agreements entered before the public index existed", async () => {
    const pub = await draft({
      title: "Quokka exchange",
      summary: "Rottnest island",
      visibility: "public",
      parties: [{ organisationId: org.kyutech }],
    });
    const internal = await draft({ title: "Quokka research", parties: [{ organisationId: org.kyutech }] });
    // As a database written by an earlier version: no public documents, staff ones without partners.
    await ctx.database.db.deleteFrom("search_document").where("entity", "=", "agreement_public").execute();
    await ctx.database.db
      .updateTable("search_document")
      .set({ body: sql<string>`'quokka'` })
      .where("entity", "=", "agreement")
      .where("entity_id", "in", [pub, internal])
      .execute();
    expect(await publicFinds("quokka")).toEqual([]);
    expect(await staffFinds("quokka kyutech")).toEqual([]);

    await rebuildAgreementDocuments(ctx.database.db as Kysely<unknown>);
    expect(await publicFinds("quokka")).toEqual([pub]);
    expect(await publicFinds("rottnest kyutech")).toEqual([pub]);
    expect(await staffFinds("quokka kyutech")).toEqual(ids(pub, internal));
  });
});
