import { READER_LANGUAGE_COOKIE, type ShownText } from "@conventio/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type Session, signedIn, type TestContext } from "#test/harness.js";

/**
 * Lists and views carry each agreement's title and each organisation's name in the reader's
 * language beside the original, so no page needs a second call to show them.
 */

let ctx: TestContext;
let editor: Session;
let linkoping: string;
let lille: string;
let agreement: string;

const TITLE_FR = "Convention de partenariat Lille–Linköping";
const TITLE_EN = "Partnership agreement Lille–Linköping";
const TITLE_SV = "Partnerskapsavtal Lille–Linköping";

async function get(url: string, headers: Record<string, string> = editor.headers) {
  const res = await ctx.app.inject({ method: "GET", url, headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function post(url: string, payload: object) {
  const res = await ctx.app.inject({ method: "POST", url, headers: editor.headers, payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

interface Named {
  id: string;
  name: string;
  shown: ShownText;
}

const byId = <T extends { id: string }>(items: T[], id: string): T => {
  const found = items.find((i) => i.id === id);
  if (!found) throw new Error(`${id} is not listed`);
  return found;
};

beforeAll(async () => {
  ctx = await createTestContext();
  editor = await signedIn(ctx, "editor");
  linkoping = (
    await post("/api/organisations", {
      kind: "university",
      name: "Linköping University",
      names: [
        { lang: "en", value: "Linköping University" },
        { lang: "sv", value: "Linköpings universitet" },
      ],
      countryCode: "SE",
      visibility: "public",
    })
  ).id;
  // No names list: the language of the name is unknown.
  lille = (
    await post("/api/organisations", {
      kind: "university",
      name: "Université de Lille",
      countryCode: "FR",
      visibility: "public",
    })
  ).id;
  agreement = (
    await post("/api/agreements", {
      kind: "partnership_convention",
      title: TITLE_FR,
      language: "fr",
      titles: [
        { lang: "en", value: TITLE_EN },
        { lang: "sv", value: TITLE_SV },
      ],
      parties: [{ organisationId: lille }, { organisationId: linkoping, responsibleUnitId: null }],
      visibility: "public",
    })
  ).id;
});
afterAll(() => ctx.close());

const cases = [
  { lang: "en", title: { text: TITLE_EN, lang: "en" }, linkoping: { text: "Linköping University", lang: "en" } },
  { lang: "sv", title: { text: TITLE_SV, lang: "sv" }, linkoping: { text: "Linköpings universitet", lang: "sv" } },
  // No French name is stored: the original, with its language.
  { lang: "fr", title: { text: TITLE_FR, lang: "fr" }, linkoping: { text: "Linköping University", lang: "en" } },
] as const;

describe.each(cases)("in $lang", ({ lang, title, linkoping: linkopingShown }) => {
  it("the staff agreement list shows titles and parties in the reader's language, originals kept", async () => {
    const page = await get(`/api/agreements?lang=${lang}`);
    const a = byId(page.items as Array<{ id: string; title: string; shown: ShownText; parties: Named[] }>, agreement);
    expect(a.title).toBe(TITLE_FR);
    expect(a.shown).toEqual(title);
    expect(byId(a.parties, linkoping)).toMatchObject({ name: "Linköping University", shown: linkopingShown });
    expect(byId(a.parties, lille).shown).toEqual({ text: "Université de Lille", lang: null });
  });

  it("the agreement's page names it, its parties and its chain in the reader's language", async () => {
    const a = await get(`/api/agreements/${agreement}?lang=${lang}`);
    expect(a.title).toBe(TITLE_FR);
    expect(a.shown).toEqual(title);
    expect(a.chain.map((c: { shown: ShownText }) => c.shown)).toEqual([title]);
    const party = a.partyDetails.find((p: { organisation: Named }) => p.organisation.id === linkoping);
    expect(party.organisation.shown).toEqual(linkopingShown);
  });

  it("the organisation list and page show the name in the reader's language", async () => {
    const page = await get(`/api/organisations?lang=${lang}`);
    expect(byId(page.items as Named[], linkoping)).toMatchObject({
      name: "Linköping University",
      shown: linkopingShown,
    });
    const org = await get(`/api/organisations/${linkoping}?lang=${lang}`);
    expect(org.name).toBe("Linköping University");
    expect(org.shown).toEqual(linkopingShown);
  });

  it("the public search and directory answer anonymous readers in their language", async () => {
    const anonymous = {};
    const agreements = await get(`/api/public/agreements?lang=${lang}`, anonymous);
    const a = byId(agreements.items as Array<{ id: string; shown: ShownText; parties: Named[] }>, agreement);
    expect(a.shown).toEqual(title);
    expect(byId(a.parties, linkoping).shown).toEqual(linkopingShown);
    const partners = await get(`/api/public/organisations?lang=${lang}`, anonymous);
    expect(byId(partners.items as Named[], linkoping).shown).toEqual(linkopingShown);
  });
});

describe("without ?lang=", () => {
  it("follows the browser's Accept-Language", async () => {
    const headers = { ...editor.headers, "accept-language": "sv-SE,sv;q=0.9,en;q=0.5" };
    const page = await get("/api/agreements", headers);
    const a = byId(page.items as Array<{ id: string; shown: ShownText; parties: Named[] }>, agreement);
    expect(a.shown).toEqual({ text: TITLE_SV, lang: "sv" });
    expect(byId(a.parties, linkoping).shown).toEqual({ text: "Linköpings universitet", lang: "sv" });
    const org = await get(`/api/organisations/${linkoping}`, headers);
    expect(org.shown).toEqual({ text: "Linköpings universitet", lang: "sv" });
    const partners = await get("/api/public/organisations", { "accept-language": "sv" });
    expect(byId(partners.items as Named[], linkoping).shown.text).toBe("Linköpings universitet");
  });

  it("prefers the language chosen in the web app over the browser's", async () => {
    const headers = {
      ...editor.headers,
      cookie: `${editor.cookie}; ${READER_LANGUAGE_COOKIE}=sv`,
      "accept-language": "en",
    };
    const page = await get("/api/organisations", headers);
    expect(byId(page.items as Named[], linkoping).shown).toEqual({ text: "Linköpings universitet", lang: "sv" });
  });

  it("is English for a reader who says nothing", async () => {
    const a = await get(`/api/agreements/${agreement}`);
    expect(a.shown).toEqual({ text: TITLE_EN, lang: "en" });
  });
});

describe("other views that name partners", () => {
  it("activities name their partners and agreement in the reader's language", async () => {
    const activity = await post("/api/activities?lang=sv", {
      kind: "research_project",
      title: "Shared laboratory",
      agreementId: agreement,
      partnerIds: [linkoping],
    });
    const view = await get(`/api/activities/${activity.id}?lang=sv`);
    expect(view.partners[0].shown).toEqual({ text: "Linköpings universitet", lang: "sv" });
    expect(view.agreement).toMatchObject({ title: TITLE_FR, shown: { text: TITLE_SV, lang: "sv" } });
    const list = await get(`/api/activities?lang=en&agreement=${agreement}`);
    expect(list.items[0].partners[0].shown).toEqual({ text: "Linköping University", lang: "en" });
  });

  it("a person's organisation is named in the reader's language", async () => {
    const person = await post("/api/people", { givenName: "Karin", familyName: "Axelsson", organisationId: linkoping });
    const view = await get(`/api/people/${person.id}?lang=sv`);
    expect(view.organisation.shown).toEqual({ text: "Linköpings universitet", lang: "sv" });
  });
});
