import { OpenDataPartner, OpenDataPartnership, openDataDocument } from "@conventio/domain";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type Session, signedIn, type TestContext } from "#test/harness.js";

/** The open data read back as anyone downloads it: what is public is in it, with the facts entered; nothing else. */
let ctx: TestContext;
let admin: Session;
const ids: Record<string, string> = {};

const call = (method: "GET" | "POST" | "PATCH", url: string, payload?: object, s: Session | null = admin) =>
  ctx.app.inject({ method, url, headers: s?.headers ?? {}, ...(payload ? { payload } : {}) });

async function create(url: string, payload: object): Promise<string> {
  const res = await call("POST", url, payload);
  if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

/** A download as a visitor gets it. */
const download = (path: string) => call("GET", `/api/public/open-data/${path}`, undefined, null);

const rowsOf = (csv: string): Record<string, string>[] => parse(csv, { columns: true, bom: true });

beforeAll(async () => {
  ctx = await createTestContext({ PUBLIC_URL: "https://partners.example.org" });
  admin = await signedIn(ctx, "admin");
  await call("POST", "/api/themes", {
    label: "Robotics",
    labels: [
      { lang: "fr", value: "Robotique" },
      { lang: "sv", value: "Robotik" },
    ],
  });
  ids.lorraine = await create("/api/organisations", {
    kind: "university",
    name: "Université de Lorraine",
    acronym: "UL",
    countryCode: "FR",
    city: "Nancy",
    website: "https://www.univ-lorraine.fr",
    description: "Kept for the office: not open data",
    visibility: "public",
    identifiers: [
      { scheme: "ror", value: "https://ror.org/02kzqn938" },
      { scheme: "erasmus", value: "F  NANCY43" },
      { scheme: "pic", value: "999884732" },
    ],
  });
  ids.kyutech = await create("/api/organisations", {
    kind: "university",
    name: "Kyushu Institute of Technology",
    names: [{ lang: "fr", value: "Institut de technologie de Kyushu" }],
    countryCode: "JP",
    city: "Kitakyushu",
    visibility: "public",
  });
  ids.secret = await create("/api/organisations", {
    kind: "company",
    name: "Quiet Partner GmbH",
    countryCode: "DE",
    visibility: "internal",
  });
  ids.formula = await create("/api/organisations", {
    kind: "company",
    name: '=HYPERLINK("https://evil.example","Click")',
    countryCode: "BE",
    visibility: "public",
  });
  ids.public = await create("/api/agreements", {
    kind: "memorandum_of_understanding",
    reference: "2022-MOU-KYU",
    title: "Memorandum of understanding with Kyutech",
    language: "en",
    titles: [{ lang: "fr", value: "Protocole d'accord avec Kyutech" }],
    signedOn: "2022-10-18",
    startsOn: "2022-11",
    endsOn: "2027-10-17",
    parties: [{ organisationId: ids.lorraine }, { organisationId: ids.kyutech }],
    themes: ["Robotics"],
    signatories: [{ name: "Hélène Martin", signedOn: "2022-10-18" }],
    visibility: "public",
  });
  const activated = await call("POST", `/api/agreements/${ids.public}/transitions`, { action: "activate" });
  if (activated.statusCode !== 200) throw new Error(`activate: ${activated.body}`);
  ids.internal = await create("/api/agreements", {
    kind: "framework_agreement",
    reference: "2024-FA-QUIET",
    title: "Confidential framework with a quiet partner",
    parties: [{ organisationId: ids.lorraine }, { organisationId: ids.secret }],
    visibility: "internal",
  });
  ids.formulaAgreement = await create("/api/agreements", {
    kind: "framework_agreement",
    reference: "2025-FA-FORMULA",
    title: "=cmd|' /C calc'!A0",
    parties: [{ organisationId: ids.formula }],
    visibility: "public",
  });
});
afterAll(() => ctx.close());

describe("the partnerships as open data", () => {
  it("lists a public agreement in JSON with the facts entered, under the licence, and no internal one", async () => {
    const res = await download("partnerships.json?lang=fr");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(res.headers.link).toBe('<https://creativecommons.org/licenses/by/4.0/>; rel="license"');
    expect(res.headers["content-disposition"]).toBe('attachment; filename="partnerships-2026-03-02.json"');
    const doc = openDataDocument(OpenDataPartnership).parse(res.json());
    expect(doc.licence).toEqual({ name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/" });
    expect(doc.publisher).toBe("Conventio");
    expect(doc.generatedAt).toBe("2026-03-02T09:00:00.000Z");
    expect(doc.items.map((i) => i.reference).sort()).toEqual(["2022-MOU-KYU", "2025-FA-FORMULA"]);
    expect(doc.items.find((i) => i.id === ids.public)).toEqual({
      id: ids.public,
      reference: "2022-MOU-KYU",
      title: "Protocole d'accord avec Kyutech",
      kind: "memorandum_of_understanding",
      status: "active",
      signedOn: "2022-10-18",
      startsOn: "2022-11",
      endsOn: "2027-10-17",
      partners: [
        { name: "Université de Lorraine", country: "FR" },
        { name: "Institut de technologie de Kyushu", country: "JP" },
      ],
      themes: ["Robotique"],
      url: `https://partners.example.org/fr/partnerships/${ids.public}`,
    });
    expect(res.body).not.toContain("Confidential");
    expect(res.body).not.toContain("Quiet Partner");
  });

  it("writes the same in CSV, with formulas made inert, in the site's default language when none is asked", async () => {
    const res = await download("partnerships.csv");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers.link).toBe('<https://creativecommons.org/licenses/by/4.0/>; rel="license"');
    expect(res.headers["content-disposition"]).toBe('attachment; filename="partnerships-2026-03-02.csv"');
    const rows = rowsOf(res.body);
    const mou = rows.find((r) => r.id === ids.public);
    expect(mou).toEqual({
      id: ids.public,
      reference: "2022-MOU-KYU",
      title: "Memorandum of understanding with Kyutech",
      kind: "memorandum_of_understanding",
      status: "active",
      signedOn: "2022-10-18",
      startsOn: "2022-11",
      endsOn: "2027-10-17",
      partners: "Université de Lorraine; Kyushu Institute of Technology",
      partnerCountries: "FR; JP",
      themes: "Robotics",
      url: `https://partners.example.org/en/partnerships/${ids.public}`,
    });
    const formula = rows.find((r) => r.id === ids.formulaAgreement);
    expect(formula?.title).toBe("'=cmd|' /C calc'!A0");
    expect(formula?.partners).toBe(`'=HYPERLINK("https://evil.example","Click")`);
    expect(rows.map((r) => r.reference)).not.toContain("2024-FA-QUIET");
    expect(res.body).not.toContain("Quiet Partner");
  });

  it("follows the default language and the licence an administrator sets", async () => {
    const set = await call("PATCH", "/api/admin/site-settings", {
      institutionName: "Université de Lorraine",
      defaultLanguage: "sv",
      openDataLicence: { name: "Licence Ouverte 2.0", url: "https://www.etalab.gouv.fr/licence-ouverte-open-licence" },
    });
    expect(set.statusCode).toBe(200);
    const res = await download("partnerships.json");
    expect(res.headers.link).toBe('<https://www.etalab.gouv.fr/licence-ouverte-open-licence>; rel="license"');
    const doc = res.json();
    expect(doc.publisher).toBe("Université de Lorraine");
    expect(doc.licence.name).toBe("Licence Ouverte 2.0");
    const mou = doc.items.find((i: { id: string }) => i.id === ids.public);
    expect(mou.themes).toEqual(["Robotik"]);
    expect(mou.url).toBe(`https://partners.example.org/sv/partnerships/${ids.public}`);
  });

  it("refuses a language the site does not speak, naming it", async () => {
    const res = await download("partnerships.csv?lang=de");
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toMatch(/\blang$/);
  });
});

describe("the partners as open data", () => {
  it("lists public organisations with their identifiers, and no internal one", async () => {
    const res = await download("partners.json?lang=en");
    expect(res.statusCode).toBe(200);
    const doc = openDataDocument(OpenDataPartner).parse(res.json());
    expect(doc.items.map((o) => o.id).sort()).toEqual([ids.lorraine, ids.kyutech, ids.formula].sort());
    expect(doc.items.find((o) => o.id === ids.lorraine)).toEqual({
      id: ids.lorraine,
      name: "Université de Lorraine",
      acronym: "UL",
      kind: "university",
      country: "FR",
      city: "Nancy",
      website: "https://www.univ-lorraine.fr",
      ror: expect.stringContaining("02kzqn938"),
      erasmusCode: "F  NANCY43",
      url: `https://partners.example.org/en/partners/${ids.lorraine}`,
    });
    expect(res.body).not.toContain("Quiet Partner");
    expect(res.body).not.toContain("Kept for the office");
    expect(res.body).not.toContain("999884732");
  });

  it("writes them in CSV with the licence, formulas made inert", async () => {
    const res = await download("partners.csv?lang=fr");
    expect(res.statusCode).toBe(200);
    expect(res.headers.link).toMatch(/rel="license"$/);
    expect(res.headers["content-disposition"]).toBe('attachment; filename="partners-2026-03-02.csv"');
    const rows = rowsOf(res.body);
    expect(rows.find((r) => r.id === ids.kyutech)).toMatchObject({
      name: "Institut de technologie de Kyushu",
      country: "JP",
      city: "Kitakyushu",
      ror: "",
      url: `https://partners.example.org/fr/partners/${ids.kyutech}`,
    });
    expect(rows.find((r) => r.id === ids.formula)?.name).toBe(`'=HYPERLINK("https://evil.example","Click")`);
    expect(rows.map((r) => r.id)).not.toContain(ids.secret);
  });
});
