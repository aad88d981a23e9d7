import { EwpInstitution, type EwpInstitutionInput } from "@conventio/domain";
import { describe, expect, it } from "vitest";
import { institutionDraftOf, institutionInputOf, isTreeUnit, parseRest, phoneOf } from "./institution-draft";

const info = (topic: string) => ({
  email: `${topic}@univ-lille.fr`,
  phone: { e164: "+33362268000" },
  websiteUrls: [{ url: `https://www.univ-lille.fr/international/${topic}`, lang: "en" }],
});

function lille(overrides: Partial<EwpInstitutionInput> = {}): EwpInstitution {
  return EwpInstitution.parse({
    heiId: "univ-lille.fr",
    otherIds: [
      { type: "erasmus", value: "F  LILLE103" },
      { type: "pic", value: "894287914" },
    ],
    names: [
      { value: "Université de Lille", lang: "fr" },
      { value: "University of Lille", lang: "en" },
    ],
    abbreviation: "ULille",
    streetAddress: { addressLines: ["42 rue Paul Duez"], postalCode: "59000", locality: "Lille", country: "FR" },
    mailingAddress: { postOfficeBox: "BP 30225", postalCode: "59655", locality: "Villeneuve d'Ascq", country: "FR" },
    websiteUrls: [{ url: "https://www.univ-lille.fr", lang: "fr" }],
    courseCatalogueUrls: [{ url: "https://www.univ-lille.fr/formations" }],
    contacts: [{ names: [{ value: "Relations internationales" }], phones: [{ otherFormat: "03 62 26 80 00" }] }],
    rootOunitId: "root",
    ounits: [{ ounitId: "root", ounitCode: "ULILLE", names: [{ value: "Université de Lille", lang: "fr" }] }],
    factsheet: {
      calendar: {
        studentNominations: { autumnTerm: "--05-15", springTerm: "--10-15" },
        studentApplications: { autumnTerm: "--06-01", springTerm: "--11-01" },
      },
      applicationInfo: info("applications"),
      additionalRequirements: [{ name: "Transcript of Records", details: "Last two years" }],
      languageRequirements: [{ language: "fr", cefrLevel: "B1", details: "Courses taught in French" }],
      decisionWeeksLimit: 5,
      torWeeksLimit: 5,
      housingInfo: info("housing"),
      visaInfo: info("visa"),
      insuranceInfo: info("insurance"),
    },
    academicCalendar: [
      {
        academicYearId: "2024/2025",
        names: [{ value: "Semestre 1", lang: "fr" }],
        startDate: "2024-09-02",
        endDate: "2025-01-17",
      },
    ],
    ...overrides,
  });
}

/** A unit as the server adds it from Conventio's units tree. */
const treeUnit = {
  ounitId: "0190a5c2-7b1e-7c3d-8e4f-5a6b7c8d9e0f",
  ounitCode: "FST",
  names: [{ value: "Faculté des sciences et technologies" }],
  websiteUrls: [],
  mobilityFactsheetUrls: [],
  contacts: [],
};

describe("the institution form's draft", () => {
  it("gives back the description unchanged when nothing is edited, the Erasmus code with its spaces", () => {
    const hei = lille();
    const sent = EwpInstitution.parse(institutionInputOf(institutionDraftOf(hei)));
    expect(sent).toEqual(hei);
    expect(sent.otherIds[0]).toEqual({ type: "erasmus", value: "F  LILLE103" });
  });

  it("leaves the units from the tree out of what is saved, and keeps those described by hand", () => {
    const served = { ...lille(), ounits: [...lille().ounits, treeUnit] };
    const draft = institutionDraftOf(served);
    expect(JSON.parse(draft.rest).ounits.map((u: { ounitId: string }) => u.ounitId)).toEqual(["root"]);
    const [described, fromTree] = EwpInstitution.parse(served).ounits;
    if (!described || !fromTree) throw new Error("two units expected");
    expect(isTreeUnit(fromTree)).toBe(true);
    expect(isTreeUnit(described)).toBe(false);
  });

  it("starts a new institution with rows for its Erasmus code, PIC and charter, sending only those filled in", () => {
    const draft = institutionDraftOf(null);
    expect(draft.otherIds.map((row) => row.type)).toEqual(["erasmus", "pic", "erasmus-charter"]);
    draft.heiId = "univ-lille.fr";
    draft.names = [{ key: "n", lang: "fr", value: "Université de Lille" }];
    const erasmus = draft.otherIds[0];
    if (erasmus) erasmus.value = "F  LILLE103";
    const parsed = EwpInstitution.safeParse(institutionInputOf(draft));
    expect(parsed.success).toBe(true);
    expect(parsed.data?.otherIds).toEqual([{ type: "erasmus", value: "F  LILLE103" }]);
    expect(parsed.data?.factsheet).toBeUndefined();
    expect(parsed.data?.streetAddress).toBeUndefined();
    expect(JSON.stringify(parsed.data)).not.toContain('""');
  });

  it("refuses JSON that is not an object", () => {
    expect(parseRest("[1, 2]")).toBeNull();
    expect(parseRest('{"ounits": [')).toBeNull();
    expect(parseRest("")).toEqual({});
    expect(parseRest('{"rootOunitId": "root"}')).toEqual({ rootOunitId: "root" });
  });
});

describe("phone numbers as typed", () => {
  it("reads the international form as E.164 and anything else as written, keeping the extension", () => {
    expect(phoneOf("+33362268000", { otherFormat: "03 62 26 80 00", ext: "12" })).toEqual({
      e164: "+33362268000",
      ext: "12",
    });
    expect(phoneOf("(22) 552 00 00", undefined)).toEqual({ otherFormat: "(22) 552 00 00", ext: undefined });
    const unchanged = { e164: "+48225520000", ext: "3" };
    expect(phoneOf("+48225520000", unchanged)).toBe(unchanged);
  });
});
