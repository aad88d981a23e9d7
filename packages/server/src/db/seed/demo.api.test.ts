import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateWithXmllint } from "#modules/ewp/ewp-xml-test-tools.js";
import { hashIiasGetResponse } from "#modules/ewp/iia-hash.js";
import { createTestContext, type TestContext } from "#test/harness.js";
import { loadDemoData } from "./demo.js";
import { SYSTEM_ACTOR } from "./system-actor.js";

let ctx: TestContext;

const get = async (url: string) => {
  const res = await ctx.app.inject({ method: "GET", url });
  expect(res.statusCode).toBe(200);
  return res.json();
};

beforeAll(async () => {
  ctx = await createTestContext();
  const loaded = await loadDemoData(ctx.services);
  expect(loaded?.organisations).toBeGreaterThan(300);
}, 120_000);
afterAll(() => ctx.close());

describe("demo data, as the public sees it", () => {
  it("tells the MEL – Université de Lille convention: objectives, three operational axes and a transversal one, its groups and the July 2021 review", async () => {
    const list = (await get("/api/public/agreements?q=metropole")).items;
    const page = await get(`/api/public/partnerships/${list[0].id}`);
    expect(page.agreement.objectives).toHaveLength(4);
    expect(page.agreement.axes.map((a: { kind: string }) => a.kind)).toEqual([
      "operational",
      "operational",
      "operational",
      "transversal",
    ]);
    expect(page.governance.map((g: { name: string }) => g.name)).toContain("Aménagement des campus");
    expect(page.governance).toHaveLength(7);
    // Signatories are published with their functions, in the reader's language, and the review is a public meeting.
    expect(
      page.agreement.signatories.map((x: { name: string; title: { text: string } }) => [x.name, x.title.text]),
    ).toEqual([
      ["Nour-Eddine Oussous", "Vice-president for territorial relations"],
      ["Bernard Haesebroeck", "First vice-president"],
    ]);
    const steering = page.governance.find((g: { kind: string }) => g.kind === "steering");
    expect(steering.meetings.map((m: { heldOn: string; place: string }) => m.heldOn)).toEqual(["2021-07-02"]);
    const fr = await get(`/api/public/partnerships/${list[0].id}?lang=fr`);
    expect(fr.agreement.signatories[0].title.text).toBe("Vice-président Relations territoriales");
    expect(fr.agreement.signedOn).toBe("2019");
    expect(page.news[0]).toMatchObject({
      publishedOn: "2021-07-12",
      tags: ["convention", "MEL", "partenariat", "territoire"],
    });
    const post = await get(`/api/news/${page.news[0].id}`);
    expect(post.related.map((r: { title: string }) => r.title)).toContain("Chaire TREND(S)");
  });

  it("tells the Lorraine – Kyutech relationship since 2003 and its 2022 framework agreement", async () => {
    const [framework] = (await get("/api/public/agreements?q=accord%20cadre%20kyushu")).items;
    const page = await get(`/api/public/partnerships/${framework.id}`);
    // The history since 2003 is known to the month, recorded as it stands, without invented signatories.
    expect(page.history.chain.map((c: { startsOn: string }) => c.startsOn)).toEqual([
      "2003-09",
      "2007-09",
      "2012-09",
      "2017-09",
      "2022-09",
    ]);
    expect(page.history.chain.every((c: { recordedAsPast: boolean }) => c.recordedAsPast)).toBe(true);
    expect(page.history.chain.at(-1).id).toBe(framework.id);
    expect(page.agreement.signatories).toEqual([]);
    expect(page.activities.map((a: { kind: string }) => a.kind)).toEqual(
      expect.arrayContaining(["delegation_visit", "anniversary", "double_degree", "joint_supervision", "scholarship"]),
    );
    expect(page.events.map((e: { title: string }) => e.title)).toContain(
      "20 years of the Lorraine – Kyutech partnership",
    );
  });

  it("lists Lille's networks and programmes and puts the partners on the public map", async () => {
    const publicOrgs = (await get("/api/public/organisations?limit=100")).items.map((o: { name: string }) => o.name);
    expect(publicOrgs).toEqual(
      expect.arrayContaining([
        "3i University Network",
        "InclusU",
        "Erasmus+",
        "International Student Exchange Program",
        "Campus France",
      ]),
    );
    const map = (await get("/api/map/countries")).items;
    expect(map.map((c: { countryCode: string }) => c.countryCode)).toEqual(
      expect.arrayContaining(["FR", "BE", "JP", "DE", "GB"]),
    );
  });

  it("shows Lille's public partner page: its networks since when, its office abroad and its partnerships", async () => {
    const [lille] = (await get("/api/public/organisations?q=universite%20de%20lille&kind=university")).items;
    const page = await get(`/api/public/organisations/${lille.id}`);
    const networks = page.memberOf.map((m: { network: { name: { text: string } } }) => m.network.name.text);
    expect(networks).toEqual(
      expect.arrayContaining(["European University Association", "SGroup European Universities' Network", "InclusU"]),
    );
    expect(
      page.memberOf.find((m: { network: { name: { text: string } } }) => m.network.name.text.startsWith("SGroup"))
        ?.since,
    ).toBe("2020");
    expect(page.units.map((u: { name: { text: string } }) => u.name.text)).toContain(
      "Université de Lille office in Belo Horizonte",
    );
    expect(page.partnerships.map((a: { title: { text: string } }) => a.title.text).join(" ")).toMatch(/Metropolis/);
  });

  it("says which news posts relay an article published elsewhere, in the news and in the feed", async () => {
    const posts = (await get("/api/news?limit=100")).items as { title: string; sourceOutlet: string | null }[];
    expect(posts.find((p) => p.title.startsWith("Le partenariat avec Kyutech"))).toMatchObject({
      sourceOutlet: "Kyushu Institute of Technology",
      sourceUrl: "https://www.kyutech.ac.jp/",
      sourcePublishedOn: "2022-09-21",
    });
    expect(posts.find((p) => p.title.startsWith("Convention MEL"))?.sourceOutlet).toBeNull();
    const atom = await ctx.app.inject({ method: "GET", url: "/api/public/news.atom" });
    expect(atom.body).toContain('<link rel="via" type="text/html" href="https://www.kyutech.ac.jp/"');
  });
});

describe("demo Erasmus+ agreements", () => {
  it("hold Lille's and Lorraine's IIAs with real SCHAC codes, each exported as XML valid against the official schema", async () => {
    const db = ctx.database.db;
    const rows = await db
      .selectFrom("agreement_iia")
      .select(["agreement_id", "hei_id", "partner_hei_id"])
      .orderBy("hei_id")
      .execute();
    expect(rows.map((r) => [r.hei_id, r.partner_hei_id])).toEqual([
      ["univ-lille.fr", "ugent.be"],
      ["univ-lorraine.fr", "kuleuven.be"],
    ]);
    const erasmus = await db.selectFrom("agreement").select("id").where("kind", "=", "erasmus_iia").execute();
    expect(erasmus.map((a) => a.id).sort()).toEqual(rows.map((r) => r.agreement_id).sort());
    for (const { agreement_id } of rows) {
      const xml = await ctx.services.ewp.iias.exportXml(SYSTEM_ACTOR, agreement_id);
      const view = await ctx.services.ewp.iias.getIia(SYSTEM_ACTOR, agreement_id);
      expect(view.iia.mobilitySpecs.length).toBeGreaterThan(3);
      expect(hashIiasGetResponse(xml)[0]?.iiaHash).toBe(view.iiaHash);
      expect(validateWithXmllint(xml, "ewp-specs-api-iias/endpoints/get-response.xsd")).toMatchObject({ ok: true });
    }
    const institutions = await ctx.services.ewp.institutions.document(SYSTEM_ACTOR, "institutions");
    expect(validateWithXmllint(institutions, "ewp-specs-api-institutions/response.xsd")).toMatchObject({ ok: true });
    expect(institutions).toContain("F  NANCY43");
  });
});
