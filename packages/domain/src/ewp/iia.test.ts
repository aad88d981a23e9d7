import { describe, expect, it } from "vitest";
import {
  academicYearsBetween,
  Iia,
  type IiaInput,
  iiaServingIssues,
  isIiaValidForApproval,
  type MobilitySpecInput,
} from "./iia.js";

function studies(overrides: Partial<MobilitySpecInput> = {}): MobilitySpecInput {
  return {
    kind: "student-studies",
    sendingHeiId: "univ-lille.fr",
    receivingHeiId: "uw.edu.pl",
    receivingFirstAcademicYearId: "2024/2025",
    receivingLastAcademicYearId: "2026/2027",
    mobilitiesPerYear: 2,
    recommendedLanguageSkills: [{ language: "en", cefrLevel: "B2" }],
    subjectAreas: [{ iscedFCode: "0314" }],
    totalMonthsPerYear: 10,
    blended: false,
    eqfLevels: [6, 7],
    ...overrides,
  } as MobilitySpecInput;
}

function teaching(overrides: Partial<MobilitySpecInput> = {}): MobilitySpecInput {
  return {
    kind: "staff-teacher",
    sendingHeiId: "uw.edu.pl",
    receivingHeiId: "univ-lille.fr",
    receivingFirstAcademicYearId: "2024/2025",
    receivingLastAcademicYearId: "2024/2025",
    mobilitiesPerYear: 1,
    recommendedLanguageSkills: [{ language: "fr", cefrLevel: "B1" }],
    totalDaysPerYear: 5,
    ...overrides,
  } as MobilitySpecInput;
}

function agreement(overrides: Partial<IiaInput> = {}): IiaInput {
  return {
    partners: [
      { heiId: "univ-lille.fr", iiaId: "lille-2024-17", iiaCode: "2024/E+/17" },
      { heiId: "uw.edu.pl", iiaId: "1954991" },
    ],
    inEffect: true,
    mobilitySpecs: [studies(), teaching()],
    ...overrides,
  };
}

/** The fields at fault and their templates, for a compact comparison. */
function faults(input: unknown) {
  const result = Iia.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((i) => ({
    field: i.path.join("."),
    key: (i as { params?: { key?: string } }).params?.key ?? i.message,
  }));
}

describe("Iia", () => {
  it("accepts a two-way agreement with student and staff mobility", () => {
    const iia = Iia.parse(agreement());
    expect(iia.mobilitySpecs).toHaveLength(2);
    expect(iia.terminatedAsAWhole).toBe(false);
    expect(iia.partners[1]?.contacts).toEqual([]);
  });

  it("requires exactly two partners", () => {
    const [first] = agreement().partners;
    expect(faults(agreement({ partners: [first as never] }))).toContainEqual({
      field: "partners",
      key: "An IIA has exactly two partners",
    });
  });

  it("refuses the same institution on both sides", () => {
    const partners = [
      { heiId: "uw.edu.pl", iiaId: "a" },
      { heiId: "uw.edu.pl", iiaId: "b" },
    ];
    expect(faults(agreement({ partners, mobilitySpecs: [] }))).toEqual([
      { field: "partners.1.heiId", key: "The two partners are different institutions" },
    ]);
  });

  it("checks iia-id as 1 to 64 printable ASCII characters", () => {
    const key = "An identifier of 1 to 64 printable ASCII characters, without spaces";
    for (const bad of ["", "with space", "é", "x".repeat(65), "tab\there"]) {
      const partners = [{ heiId: "univ-lille.fr", iiaId: bad }, { heiId: "uw.edu.pl" }];
      expect(faults(agreement({ partners })), bad).toEqual([{ field: "partners.0.iiaId", key }]);
    }
    const partners = [{ heiId: "univ-lille.fr", iiaId: `!~${"x".repeat(62)}` }, { heiId: "uw.edu.pl" }];
    expect(faults(agreement({ partners }))).toEqual([]);
  });

  it("names the spec's sending or receiving institution when it is not a partner", () => {
    const spec = studies({ receivingHeiId: "hibo.no" });
    expect(faults(agreement({ mobilitySpecs: [spec] }))).toEqual([
      { field: "mobilitySpecs.0.receivingHeiId", key: "{{heiId}} is not one of the agreement's two partners" },
    ]);
    const result = Iia.safeParse(agreement({ mobilitySpecs: [teaching(), studies({ sendingHeiId: "uio.no" })] }));
    expect(result.error?.issues[0]).toMatchObject({
      path: ["mobilitySpecs", 1, "sendingHeiId"],
      message: "uio.no is not one of the agreement's two partners",
      params: { key: "{{heiId}} is not one of the agreement's two partners", heiId: "uio.no" },
    });
  });

  it("refuses a spec that sends to the institution it comes from", () => {
    const spec = studies({ receivingHeiId: "univ-lille.fr" });
    expect(faults(agreement({ mobilitySpecs: [spec] }))).toEqual([
      { field: "mobilitySpecs.0.receivingHeiId", key: "A mobility goes from one partner to the other" },
    ]);
  });

  it("requires four-digit ISCED codes, in subject areas and in language skills", () => {
    const key = "An ISCED-F code of four digits, such as 0314";
    const spec = studies({
      subjectAreas: [{ iscedFCode: "031" }, { iscedFCode: "0314" }],
      recommendedLanguageSkills: [{ language: "en", subjectArea: { iscedFCode: "03141" } }],
    });
    expect(faults(agreement({ mobilitySpecs: [spec] }))).toEqual([
      { field: "mobilitySpecs.0.recommendedLanguageSkills.0.subjectArea.iscedFCode", key },
      { field: "mobilitySpecs.0.subjectAreas.0.iscedFCode", key },
    ]);
  });

  it("accepts CEFR levels A1 to C2 only", () => {
    for (const level of ["A1", "A2", "B1", "B2", "C1", "C2"]) {
      const spec = studies({ recommendedLanguageSkills: [{ language: "en", cefrLevel: level }] });
      expect(faults(agreement({ mobilitySpecs: [spec] })), level).toEqual([]);
    }
    for (const level of ["C3", "b2", "NS", "B 2"]) {
      const spec = studies({ recommendedLanguageSkills: [{ language: "en", cefrLevel: level }] });
      expect(faults(agreement({ mobilitySpecs: [spec] })), level).toEqual([
        { field: "mobilitySpecs.0.recommendedLanguageSkills.0.cefrLevel", key: "A CEFR level from A1 to C2" },
      ]);
    }
  });

  it("accepts EQF levels 5 to 8 on student specs", () => {
    expect(faults(agreement({ mobilitySpecs: [studies({ eqfLevels: [5, 8] })] }))).toEqual([]);
    expect(faults(agreement({ mobilitySpecs: [studies({ eqfLevels: [7, 4, 9] })] }))).toEqual([
      { field: "mobilitySpecs.0.eqfLevels.1", key: "An EQF level from 5 to 8" },
      { field: "mobilitySpecs.0.eqfLevels.2", key: "An EQF level from 5 to 8" },
    ]);
  });

  it("refuses student fields on staff specs and staff fields on student specs", () => {
    const staff = teaching({ blended: true } as Partial<MobilitySpecInput>);
    expect(faults(agreement({ mobilitySpecs: [staff] }))[0]?.field).toBe("mobilitySpecs.0");
    const student = studies({ totalDaysPerYear: 3 } as Partial<MobilitySpecInput>);
    expect(faults(agreement({ mobilitySpecs: [student] }))[0]?.field).toBe("mobilitySpecs.0");
  });

  it("checks the academic year form and that the second year follows the first", () => {
    expect(faults(agreement({ mobilitySpecs: [studies({ receivingFirstAcademicYearId: "2024-2025" })] }))).toEqual([
      { field: "mobilitySpecs.0.receivingFirstAcademicYearId", key: "An academic year such as 2024/2025" },
    ]);
    expect(faults(agreement({ mobilitySpecs: [studies({ receivingLastAcademicYearId: "2026/2026" })] }))).toEqual([
      { field: "mobilitySpecs.0.receivingLastAcademicYearId", key: "The second year follows the first" },
    ]);
  });

  it("refuses a last academic year before the first, and accepts one year only", () => {
    const reversed = studies({ receivingFirstAcademicYearId: "2025/2026", receivingLastAcademicYearId: "2024/2025" });
    expect(faults(agreement({ mobilitySpecs: [reversed] }))).toEqual([
      {
        field: "mobilitySpecs.0.receivingLastAcademicYearId",
        key: "The last academic year cannot come before the first",
      },
    ]);
    const single = studies({ receivingFirstAcademicYearId: "2025/2026", receivingLastAcademicYearId: "2025/2026" });
    expect(faults(agreement({ mobilitySpecs: [single] }))).toEqual([]);
  });

  it("requires a language skill for student studies and staff teaching, not for traineeships or training", () => {
    const key = "Give at least one recommended language skill for this kind of mobility";
    expect(faults(agreement({ mobilitySpecs: [studies({ recommendedLanguageSkills: [] })] }))).toEqual([
      { field: "mobilitySpecs.0.recommendedLanguageSkills", key },
    ]);
    expect(faults(agreement({ mobilitySpecs: [teaching({ recommendedLanguageSkills: [] })] }))).toEqual([
      { field: "mobilitySpecs.0.recommendedLanguageSkills", key },
    ]);
    const traineeship = studies({ kind: "student-traineeship", recommendedLanguageSkills: [] });
    const training = teaching({ kind: "staff-training", recommendedLanguageSkills: [] });
    expect(faults(agreement({ mobilitySpecs: [traineeship, training] }))).toEqual([]);
  });

  it("checks months per year as a number above zero with at most two decimals", () => {
    const key = "A number above 0 with at most two decimals";
    for (const ok of [0.5, 4.25, 12]) {
      expect(faults(agreement({ mobilitySpecs: [studies({ totalMonthsPerYear: ok })] })), String(ok)).toEqual([]);
    }
    for (const bad of [0, -1, 4.125, 1e-7]) {
      expect(faults(agreement({ mobilitySpecs: [studies({ totalMonthsPerYear: bad })] })), String(bad)).toEqual([
        { field: "mobilitySpecs.0.totalMonthsPerYear", key },
      ]);
    }
    expect(faults(agreement({ mobilitySpecs: [teaching({ totalDaysPerYear: 2.5 })] }))).toEqual([]);
    expect(faults(agreement({ mobilitySpecs: [teaching({ totalDaysPerYear: 0 })] }))).toEqual([
      { field: "mobilitySpecs.0.totalDaysPerYear", key },
    ]);
  });

  it("needs a whole number of mobilities per year, at least one", () => {
    for (const bad of [0, 1.5]) {
      expect(faults(agreement({ mobilitySpecs: [studies({ mobilitiesPerYear: bad })] }))).toContainEqual({
        field: "mobilitySpecs.0.mobilitiesPerYear",
        key: "A whole number of 1 or more",
      });
    }
  });

  it("accepts v6 carry-overs but reports that they block approval", () => {
    const carried = studies({
      mobilitiesPerYearNotYetDefined: true,
      subjectAreas: [{ iscedFCode: "0314", v6Value: "031" }],
    });
    const iia = Iia.parse(agreement({ mobilitySpecs: [carried] }));
    expect(isIiaValidForApproval(iia)).toBe(false);
    expect(isIiaValidForApproval(Iia.parse(agreement()))).toBe(true);
    const skill = studies({ recommendedLanguageSkills: [{ language: "en", notYetDefined: true }] });
    expect(isIiaValidForApproval(Iia.parse(agreement({ mobilitySpecs: [skill] })))).toBe(false);
    expect(
      faults(agreement({ mobilitySpecs: [studies({ subjectAreas: [{ iscedFCode: "0314", v6Value: "0314" }] })] })),
    ).toEqual([{ field: "mobilitySpecs.0.subjectAreas.0.v6Value", key: "A former ISCED code of one to three digits" }]);
  });

  it("keeps hashed texts exactly as written", () => {
    const spec = studies({
      otherInfoTerms: "  Tuition waived;\nsee annex  ",
      subjectAreas: [{ iscedFCode: "0314", iscedClarification: "" }],
    });
    const iia = Iia.parse(agreement({ mobilitySpecs: [spec] }));
    const parsed = iia.mobilitySpecs[0];
    expect(parsed?.otherInfoTerms).toBe("  Tuition waived;\nsee annex  ");
    expect(parsed?.subjectAreas[0]?.iscedClarification).toBe("");
  });

  it("says what serving the agreement still needs", () => {
    expect(iiaServingIssues(Iia.parse(agreement()))).toEqual([]);
    const partners = [{ heiId: "univ-lille.fr" }, { heiId: "uw.edu.pl" }];
    expect(iiaServingIssues(Iia.parse(agreement({ partners }))).map((i) => i.field)).toEqual([
      "partners.0.iiaId",
      "partners.0.iiaCode",
    ]);
  });
});

describe("academicYearsBetween", () => {
  it("lists every academic year from the first to the last", () => {
    expect(academicYearsBetween("2024/2025", "2026/2027")).toEqual(["2024/2025", "2025/2026", "2026/2027"]);
    expect(academicYearsBetween("2024/2025", "2024/2025")).toEqual(["2024/2025"]);
    expect(academicYearsBetween("2025/2026", "2024/2025")).toEqual([]);
    expect(academicYearsBetween("2024", "2025/2026")).toEqual([]);
  });
});
