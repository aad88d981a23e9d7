import { describe, expect, it } from "vitest";
import { EwpContact, FlexibleAddress, PhoneNumber } from "./ewp-values.js";
import { EwpFactsheet, EwpInstitution, type EwpInstitutionInput, MonthDay, sameErasmusCode } from "./institution.js";

const info = {
  email: "incoming@univ-lille.fr",
  phone: { e164: "+33362268000" },
  websiteUrls: [{ url: "https://www.univ-lille.fr/incoming", lang: "en" }],
};

function institution(overrides: Partial<EwpInstitutionInput> = {}): EwpInstitutionInput {
  return {
    heiId: "univ-lille.fr",
    otherIds: [
      { type: "erasmus", value: "F  LILLE103" },
      { type: "pic", value: "999870993" },
      { type: "erasmus-charter", value: "101010101-EPP-1-2020-1-FR-EPPKA3-ECHE" },
    ],
    names: [
      { value: "Université de Lille", lang: "fr" },
      { value: "University of Lille", lang: "en" },
    ],
    ounits: [
      { ounitId: "root", ounitCode: "ULILLE", names: [{ value: "Université de Lille" }] },
      { ounitId: "law", ounitCode: "DROIT", names: [{ value: "Faculté de droit", lang: "fr" }], parentOunitId: "root" },
    ],
    rootOunitId: "root",
    ...overrides,
  };
}

function faults(input: unknown) {
  const result = EwpInstitution.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((i) => ({
    field: i.path.join("."),
    key: (i as { params?: { key?: string } }).params?.key ?? i.message,
  }));
}

describe("EwpInstitution", () => {
  it("keeps an Erasmus code exactly as written, padded spaces included", () => {
    const hei = EwpInstitution.parse(institution({ otherIds: [{ type: "erasmus", value: "PL WARSZAW01" }] }));
    expect(hei.otherIds[0]?.value).toBe("PL WARSZAW01");
    const padded = EwpInstitution.parse(institution({ otherIds: [{ type: "erasmus", value: "F  LILLE103" }] }));
    expect(padded.otherIds[0]?.value).toBe("F  LILLE103");
  });

  it("checks Erasmus codes, PICs and former SCHAC codes, and lets custom id types through", () => {
    const otherIds = [
      { type: "erasmus", value: "not a code!" },
      { type: "pic", value: "12345" },
      { type: "previous-schac", value: "Old Name" },
      { type: "local", value: "ULILLE" },
    ];
    expect(faults(institution({ otherIds }))).toEqual([
      {
        field: "otherIds.0.value",
        key: "An Erasmus code is a country prefix, a city and a number, like F  LILLE103.",
      },
      { field: "otherIds.1.value", key: "A PIC has nine digits." },
      { field: "otherIds.2.value", key: "A SCHAC code is a domain name, like univ-lille.fr." },
    ]);
  });

  it("requires at least one name, and names in any language", () => {
    expect(faults(institution({ names: [] }))).toEqual([{ field: "names", key: "A name is required" }]);
    expect(faults(institution({ names: [{ value: "Lille", lang: "fr-FR" }] }))).toEqual([]);
  });

  it("links units to parents and the root among its own units", () => {
    const ounits = [
      { ounitId: "a", ounitCode: "A", names: [{ value: "A" }], parentOunitId: "a" },
      { ounitId: "b", ounitCode: "B", names: [{ value: "B" }], parentOunitId: "z" },
      { ounitId: "a", ounitCode: "A2", names: [{ value: "A again" }] },
    ];
    expect(faults(institution({ ounits, rootOunitId: "x" }))).toEqual([
      { field: "ounits.2.ounitId", key: "Each unit id is used once" },
      { field: "ounits.0.parentOunitId", key: "A unit cannot be its own parent" },
      { field: "ounits.1.parentOunitId", key: "{{id}} is not one of this institution's units" },
      { field: "rootOunitId", key: "{{id}} is not one of this institution's units" },
    ]);
  });

  it("accepts http and https websites but only https for the logo", () => {
    expect(
      faults(
        institution({
          websiteUrls: [{ url: "http://www.univ-lille.fr/", lang: "fr" }],
          logoUrl: "http://www.univ-lille.fr/logo.svg",
        }),
      ),
    ).toEqual([{ field: "logoUrl", key: "A web address starting with https://" }]);
  });

  it("holds an academic calendar whose terms end after they start", () => {
    const term = {
      academicYearId: "2024/2025",
      ewpId: "2024/2025-1/2",
      names: [{ value: "Semestre 1", lang: "fr" }],
      startDate: "2024-09-02",
      endDate: "2025-01-24",
    };
    expect(faults(institution({ academicCalendar: [term] }))).toEqual([]);
    expect(faults(institution({ academicCalendar: [{ ...term, endDate: "2024-08-01" }] }))).toEqual([
      { field: "academicCalendar.0.endDate", key: "The term ends before it starts" },
    ]);
  });
});

describe("EwpFactsheet", () => {
  const factsheet = {
    calendar: {
      studentNominations: { autumnTerm: "--05-15", springTerm: "--10-15" },
      studentApplications: { autumnTerm: "--06-01", springTerm: "--11-01" },
    },
    applicationInfo: info,
    languageRequirements: [{ language: "fr", cefrLevel: "B1", details: "For courses taught in French" }],
    decisionWeeksLimit: 5,
    torWeeksLimit: 5,
    housingInfo: info,
    visaInfo: info,
    insuranceInfo: info,
  };

  it("accepts deadlines, language requirements and information entries", () => {
    expect(EwpFactsheet.safeParse(factsheet).success).toBe(true);
  });

  it("refuses deadlines that are not month-days and information without a web page", () => {
    const result = EwpFactsheet.safeParse({
      ...factsheet,
      calendar: { ...factsheet.calendar, studentApplications: { autumnTerm: "--02-30", springTerm: "11-01" } },
      visaInfo: { ...info, websiteUrls: [] },
    });
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["calendar.studentApplications.autumnTerm", "A month and day as --MM-DD, such as --04-10"],
      ["calendar.studentApplications.springTerm", "A month and day as --MM-DD, such as --04-10"],
      ["visaInfo.websiteUrls", "Give at least one web page"],
    ]);
  });

  it("accepts 29 February as a yearly deadline", () => {
    expect(MonthDay.safeParse("--02-29").success).toBe(true);
    expect(MonthDay.safeParse("--13-01").success).toBe(false);
  });
});

describe("EWP contacts, phones and addresses", () => {
  it("needs a name for a contact and checks its e-mails", () => {
    expect(EwpContact.safeParse({ names: [] }).error?.issues[0]?.message).toBe("A contact needs at least one name");
    const contact = EwpContact.safeParse({ names: [{ value: "IRO" }], emails: ["iro@uio"] });
    expect(contact.error?.issues[0]).toMatchObject({
      path: ["emails", 0],
      message: "An e-mail address such as name@univ-lille.fr",
    });
  });

  it("takes a phone number in E.164 form or as written, but not neither", () => {
    expect(PhoneNumber.safeParse({ e164: "+4723456789", ext: "3407" }).success).toBe(true);
    expect(PhoneNumber.safeParse({ otherFormat: "(23) 456789" }).success).toBe(true);
    expect(PhoneNumber.safeParse({ e164: "0033 3 20" }).error?.issues[0]?.path).toEqual(["e164"]);
    expect(PhoneNumber.safeParse({}).error?.issues[0]?.message).toBe(
      "Give the number in international form or as written",
    );
  });

  it("takes address lines or detailed fields, not both", () => {
    expect(
      FlexibleAddress.safeParse({ addressLines: ["Banacha 2"], locality: "Warszawa", country: "PL" }).success,
    ).toBe(true);
    expect(FlexibleAddress.safeParse({ postOfficeBox: "1072", postalCode: "0316", country: "NO" }).success).toBe(true);
    const both = FlexibleAddress.safeParse({ addressLines: ["Banacha 2"], streetName: "Banacha" });
    expect(both.error?.issues[0]?.message).toBe("Use address lines or the detailed fields, not both");
    expect(FlexibleAddress.safeParse({ country: "XX" }).success).toBe(false);
  });
});

describe("sameErasmusCode", () => {
  it("matches codes whatever their spacing and case", () => {
    expect(sameErasmusCode("PL WARSZAW01", "pl  warszaw01")).toBe(true);
    expect(sameErasmusCode("F  LILLE103", "F LILLE103")).toBe(true);
    expect(sameErasmusCode("N Oslo01", "N  OSLO01")).toBe(true);
    expect(sameErasmusCode("F  LILLE103", "F  LILLE101")).toBe(false);
  });
});
