import { execFileSync } from "node:child_process";
import { type Actor, CreateAgreementInput, type Iia, type IiaImportReport, type IiaView } from "@conventio/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tableCounts } from "#modules/imports/import-test-support.js";
import { createTestContext, type Session, signedIn, type TestContext } from "#test/harness.js";
import { buildIia, buildInstitution, schacUniversity } from "./ewp-samples.js";
import { validateWithXmllint } from "./ewp-xml-test-tools.js";
import { hashIiasGetResponse } from "./iia-hash.js";
import { writeIiasApprovalResponse, writeIiasGetResponse } from "./iia-xml-writer.js";

let ctx: TestContext;
let admin: Session;
let editor: Session;
let agreementId: string;
const operator: Actor = { kind: "user", id: "setup", role: "admin", name: "Setup" };

const GET_SCHEMA = "ewp-specs-api-iias/endpoints/get-response.xsd";

const organisation = (name: string, countryCode: string, schac: string): Promise<string> =>
  schacUniversity(ctx.services.organisations, operator, name, countryCode, schac);

async function erasmusAgreement(parties: string[]): Promise<string> {
  const created = await ctx.services.agreements.createAgreement(
    operator,
    CreateAgreementInput.parse({
      kind: "erasmus_iia",
      title: "Erasmus+ agreement",
      parties: parties.map((organisationId) => ({ organisationId })),
    }),
  );
  return created.id;
}

const api = (s: Session, method: "GET" | "PUT" | "POST", url: string, payload?: unknown) =>
  ctx.app.inject({ method, url, headers: s.headers, ...(payload === undefined ? {} : { payload: payload as never }) });

const postXml = (s: Session, url: string, xml: string) =>
  ctx.app.inject({ method: "POST", url, headers: { ...s.headers, "content-type": "application/xml" }, payload: xml });

/** The partner's copy of ours: the partner first, with its own ids, naming ours once mapped. */
function partnerCopy(ours: Iia, partnerIiaId: string, mapped: boolean): Iia {
  const [us, them] = ours.partners;
  if (!us || !them) throw new Error("two partners expected");
  return {
    ...ours,
    partners: [
      { ...them, iiaId: partnerIiaId, iiaCode: "2014/E+/PL/4104B" },
      { ...us, iiaId: mapped ? us.iiaId : undefined, iiaCode: undefined },
    ],
  };
}

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await signedIn(ctx, "admin");
  editor = await signedIn(ctx, "editor");
  const lille = await organisation("Université de Lille", "FR", "univ-lille.fr");
  const warsaw = await organisation("Uniwersytet Warszawski", "PL", "uw.edu.pl");
  await organisation("Universitat de Barcelona", "ES", "ub.edu");
  agreementId = await erasmusAgreement([lille, warsaw]);
  const res = await api(admin, "PUT", "/api/ewp/institutions/univ-lille.fr", buildInstitution());
  expect(res.statusCode, res.body).toBe(200);
});
afterAll(() => ctx.close());

describe("our copy of an IIA", () => {
  it("refuses v7 rule breaks and a first partner that is not ours, naming the field and storing nothing", async () => {
    const iia = buildIia();
    const badIsced = structuredClone(iia);
    const spec = badIsced.mobilitySpecs[1];
    if (!spec) throw new Error("sample spec");
    spec.subjectAreas = [{ iscedFCode: "041" }];
    const res = await api(editor, "PUT", `/api/agreements/${agreementId}/iia`, badIsced);
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(
      "mobilitySpecs.1.subjectAreas.0.iscedFCode",
    );

    const notOurs = { ...iia, partners: [...iia.partners].reverse(), mobilitySpecs: iia.mobilitySpecs };
    const res2 = await api(editor, "PUT", `/api/agreements/${agreementId}/iia`, notOurs);
    expect(res2.statusCode).toBe(422);
    expect(res2.json().errors).toEqual([expect.objectContaining({ field: "partners.0.heiId" })]);
    expect((await api(editor, "GET", `/api/agreements/${agreementId}/iia`)).statusCode).toBe(404);
  });

  it("is saved with our own iia-id and the reference as iia-code, hashed as the XML a partner receives", async () => {
    const draft = await api(editor, "GET", `/api/agreements/${agreementId}/iia/draft`);
    expect(draft.json().partners.map((p: { heiId: string }) => p.heiId)).toEqual(["univ-lille.fr", "uw.edu.pl"]);
    const iia = buildIia();
    iia.partners[1] = { ...iia.partners[1], heiId: "uw.edu.pl", iiaId: undefined, contacts: [] };
    const res = await api(editor, "PUT", `/api/agreements/${agreementId}/iia`, iia);
    expect(res.statusCode, res.body).toBe(200);
    const view: IiaView = res.json();
    const reference = (await api(editor, "GET", `/api/agreements/${agreementId}`)).json().reference;
    expect(view.iia.partners[0]?.iiaCode).toBe(reference);
    expect(view.iia.partners[0]?.iiaId).not.toBe(iia.partners[0]?.iiaId);
    expect(view.iia.partners[0]?.iiaId).toMatch(/^[\x21-\x7e]{1,64}$/);

    const xml = await api(editor, "GET", `/api/agreements/${agreementId}/iia.xml`);
    expect(xml.statusCode).toBe(200);
    expect(xml.headers["content-type"]).toContain("application/xml");
    const [hashed] = hashIiasGetResponse(xml.body);
    expect(hashed?.iiaHash).toBe(view.iiaHash);
    expect(hashed?.iiaId).toBe(view.iia.partners[0]?.iiaId);
    expect(validateWithXmllint(xml.body, GET_SCHEMA)).toMatchObject({ ok: true });

    const pdf = await ctx.app.inject({
      method: "GET",
      url: `/api/agreements/${agreementId}/iia.pdf?lang=fr`,
      headers: editor.headers,
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    const text = execFileSync("pdftotext", ["-", "-"], { input: pdf.rawPayload }).toString();
    expect(text).toContain("Université de Lille");
    expect(text).toContain("Uniwersytet Warszawski");
    expect(text.replace(/\s+/g, "")).toContain(view.iiaHash);

    // Saving the same content again keeps the hash and the time of the last change.
    const again: IiaView = (await api(editor, "PUT", `/api/agreements/${agreementId}/iia`, view.iia)).json();
    expect(again.iiaHash).toBe(view.iiaHash);
    expect(again.modifiedAt).toBe(view.modifiedAt);
  });
});

describe("the partner's copy and the approvals", () => {
  it("maps the partner's copy, shows no difference, approves it and records the partner's approval", async () => {
    const ours: IiaView = (await api(editor, "GET", `/api/agreements/${agreementId}/iia`)).json();
    const theirs = writeIiasGetResponse([partnerCopy(ours.iia, "1954991", true)]).xml;
    const imported = await postXml(editor, "/api/ewp/iias/import", theirs);
    expect(imported.statusCode, imported.body).toBe(200);
    expect((imported.json() as IiaImportReport).iias).toEqual([
      { partnerIiaId: "1954991", partnerHeiId: "uw.edu.pl", action: "mapped", agreementId, differences: 0 },
    ]);
    const mapped: IiaView = (await api(editor, "GET", `/api/agreements/${agreementId}/iia`)).json();
    expect(mapped.iia.partners[1]?.iiaId).toBe("1954991");
    expect(mapped.iiaHash).not.toBe(ours.iiaHash); // the partner's id is hashed
    expect(mapped.partnerCopy?.iiaHash).toBe(hashIiasGetResponse(theirs)[0]?.iiaHash);
    expect(mapped.differences).toEqual([]);

    const approved: IiaView = (await api(editor, "POST", `/api/agreements/${agreementId}/iia/approval`)).json();
    expect(approved.approvedByUs).toMatchObject({ iiaHash: mapped.partnerCopy?.iiaHash, current: true });
    const ourApprovals = await api(editor, "GET", "/api/ewp/documents/approvals.xml");
    expect(ourApprovals.body).toContain(mapped.partnerCopy?.iiaHash);

    const approval = writeIiasApprovalResponse([
      { iiaId: mapped.iia.partners[0]?.iiaId ?? "", iiaHash: mapped.iiaHash },
    ]);
    const recorded = await postXml(editor, "/api/ewp/approvals/import", approval);
    expect(recorded.json().approvals).toEqual([expect.objectContaining({ action: "recorded", agreementId })]);
    const both: IiaView = (await api(editor, "GET", `/api/agreements/${agreementId}/iia`)).json();
    expect(both.approvedByPartner).toMatchObject({ iiaHash: mapped.iiaHash, current: true });
    expect(both.versions.map((v) => [v.side, v.iiaHash, v.hasProof])).toEqual([
      ["ours", mapped.iiaHash, true],
      ["theirs", mapped.partnerCopy?.iiaHash, false],
    ]);
    // The partner's approval response is kept as it came, as the proof of what it approved.
    const proof = await api(
      editor,
      "GET",
      `/api/agreements/${agreementId}/iia/versions/${both.versions[0]?.id}/proof.xml`,
    );
    expect(proof.statusCode).toBe(200);
    expect(proof.headers["content-type"]).toContain("application/xml");
    expect(proof.body).toBe(approval);
    const none = await api(
      editor,
      "GET",
      `/api/agreements/${agreementId}/iia/versions/${both.versions[1]?.id}/proof.xml`,
    );
    expect(none.statusCode).toBe(404);
  });

  it("voids the partner's approval when we amend hashed content, and refuses an approval of another version", async () => {
    const before: IiaView = (await api(editor, "GET", `/api/agreements/${agreementId}/iia`)).json();
    const amended = structuredClone(before.iia);
    const spec = amended.mobilitySpecs[0];
    if (!spec) throw new Error("sample spec");
    const was = spec.mobilitiesPerYear;
    spec.mobilitiesPerYear = was + 4;
    const after: IiaView = (await api(editor, "PUT", `/api/agreements/${agreementId}/iia`, amended)).json();
    expect(after.iiaHash).not.toBe(before.iiaHash);
    expect(after.approvedByPartner).toMatchObject({ iiaHash: before.iiaHash, current: false });
    expect(after.differences).toEqual([
      { path: "mobilitySpecs.0.mobilitiesPerYear", ours: String(was + 4), theirs: String(was) },
    ]);
    expect(after.versions[0]?.iia.mobilitySpecs[0]?.mobilitiesPerYear).toBe(was);

    const stale = writeIiasApprovalResponse([{ iiaId: after.iia.partners[0]?.iiaId ?? "", iiaHash: before.iiaHash }]);
    const refused = await postXml(editor, "/api/ewp/approvals/import", stale);
    expect(refused.json().approvals).toEqual([
      expect.objectContaining({
        action: "refused",
        reason: expect.objectContaining({ key: "The partner approved another version than our current one." }),
      }),
    ]);
  });

  it("creates an agreement for a partner's copy that maps to none of ours, and changes nothing the second time", async () => {
    const barcelona = buildIia();
    const copy: Iia = {
      ...barcelona,
      partners: [
        { heiId: "ub.edu", iiaId: "UB-2025-118", iiaCode: "UB/E+/118", contacts: [] },
        { heiId: "univ-lille.fr", contacts: [] },
      ],
      mobilitySpecs: barcelona.mobilitySpecs.map((s) => ({
        ...s,
        sendingHeiId: s.sendingHeiId === "uw.edu.pl" ? "ub.edu" : s.sendingHeiId,
        receivingHeiId: s.receivingHeiId === "uw.edu.pl" ? "ub.edu" : s.receivingHeiId,
        sendingOunitId: undefined,
        receivingOunitId: undefined,
      })),
    };
    const xml = writeIiasGetResponse([copy]).xml;
    const first: IiaImportReport = (await postXml(editor, "/api/ewp/iias/import", xml)).json();
    expect(first.iias).toEqual([
      expect.objectContaining({ action: "created", partnerHeiId: "ub.edu", differences: 0 }),
    ]);
    const created = first.iias[0]?.agreementId ?? "";
    const agreement = (await api(editor, "GET", `/api/agreements/${created}`)).json();
    expect(agreement.kind).toBe("erasmus_iia");
    const view: IiaView = (await api(editor, "GET", `/api/agreements/${created}/iia`)).json();
    expect(view.iia.partners.map((p) => [p.heiId, p.iiaId === undefined])).toEqual([
      ["univ-lille.fr", false],
      ["ub.edu", false],
    ]);
    const second: IiaImportReport = (await postXml(editor, "/api/ewp/iias/import", xml)).json();
    expect(second.iias).toEqual([expect.objectContaining({ action: "unchanged", agreementId: created })]);
  });

  it("refuses a document that breaks the schema or is not XML with the line at fault, and imports nothing", async () => {
    const before = await tableCounts(ctx);
    const ours: IiaView = (await api(editor, "GET", `/api/agreements/${agreementId}/iia`)).json();
    const valid = writeIiasGetResponse([partnerCopy(ours.iia, "1954991", true)]).xml;
    const broken = valid.replace(
      /<mobilities-per-year>\d+<\/mobilities-per-year>/,
      "<mobilities-per-year>many</mobilities-per-year>",
    );
    const res = await postXml(editor, "/api/ewp/iias/import", broken);
    expect(res.statusCode).toBe(422);
    const line = broken.split("\n").findIndex((l) => l.includes("many")) + 1;
    expect(res.json().errors[0].field).toBe(`line.${line}`);
    const notXml = await postXml(editor, "/api/ewp/iias/import", "<iias-get-response><iia>");
    expect(notXml.statusCode).toBe(422);
    expect(notXml.json().errors[0].field).toMatch(/^line\.\d+$|^file$/);
    expect(await tableCounts(ctx)).toEqual(before);
    expect((await postXml({ ...editor, headers: {} } as Session, "/api/ewp/iias/import", valid)).statusCode).toBe(401);
  });
});

describe("the institution's documents", () => {
  it("serves institutions, units and factsheet valid against the official schemas", async () => {
    for (const [document, schema] of [
      ["institutions", "ewp-specs-api-institutions/response.xsd"],
      ["ounits", "ewp-specs-api-ounits/response.xsd"],
      ["factsheet", "ewp-specs-api-factsheet/response.xsd"],
      ["iias", GET_SCHEMA],
      ["iias-index", "ewp-specs-api-iias/endpoints/index-response.xsd"],
    ] as const) {
      const res = await api(editor, "GET", `/api/ewp/documents/${document}.xml`);
      expect(res.statusCode, document).toBe(200);
      expect(validateWithXmllint(res.body, schema), document).toMatchObject({ ok: true });
    }
    const institutions = await api(editor, "GET", "/api/ewp/institutions");
    expect(institutions.json()[0].otherIds).toContainEqual({ type: "erasmus", value: "F  LILLE103" });
    const viewerEdit = await api(editor, "PUT", "/api/ewp/institutions/univ-lille.fr", buildInstitution());
    expect(viewerEdit.statusCode).toBe(403);
  });
});
