import { Iia, type IiaInput } from "@conventio/domain";
import { describe, expect, it } from "vitest";
import { sentIndexes } from "./ewp-draft";
import { emptyAreaRow, iiaFormDraftOf, iiaInputOf, newSpec, type SpecDraft } from "./iia-draft";

const coordinator = {
  names: [{ value: "Claire Dubois", lang: "fr" }],
  givenNames: [{ value: "Claire" }],
  phones: [{ e164: "+33362268000", ext: "4512" }],
  emails: ["claire.dubois@univ-lille.fr", "erasmus@univ-lille.fr"],
  roles: [{ value: "Coordinatrice Erasmus+", lang: "fr" }],
};

/** A stored copy with what the editor does not show: contacts' details, the partner's ids, v6 values, the PDF's id. */
function storedCopy(overrides: Partial<IiaInput> = {}): Iia {
  return Iia.parse({
    partners: [
      {
        heiId: "univ-lille.fr",
        ounitId: "law",
        iiaId: "4b3d9c1e-8f0a-4a51-9c7e-2f1d6a7b8c90",
        iiaCode: "2024/E+/17",
        signingContact: coordinator,
        signingDate: "2024-03-14",
        contacts: [coordinator],
      },
      { heiId: "uw.edu.pl", iiaId: "1954991", iiaCode: "2014/E+/PL/4104B", contacts: [] },
    ],
    inEffect: true,
    mobilitySpecs: [
      {
        kind: "student-studies",
        sendingHeiId: "univ-lille.fr",
        sendingOunitId: "law",
        sendingContacts: [coordinator],
        receivingHeiId: "uw.edu.pl",
        receivingFirstAcademicYearId: "2024/2025",
        receivingLastAcademicYearId: "2028/2029",
        mobilitiesPerYear: 3,
        mobilitiesPerYearNotYetDefined: true,
        recommendedLanguageSkills: [
          { language: "en", cefrLevel: "B2", subjectArea: { iscedFCode: "0421", iscedClarification: "European law" } },
          { language: "pl", notYetDefined: true },
        ],
        subjectAreas: [{ iscedFCode: "0310", v6Value: "031", iscedClarification: "Social sciences" }],
        otherInfoTerms: "Tuition fees are waived; see the annex & the grading table.",
        totalMonthsPerYear: 27.5,
        blended: true,
        eqfLevels: [7, 6],
      },
      {
        kind: "staff-training",
        sendingHeiId: "uw.edu.pl",
        receivingHeiId: "univ-lille.fr",
        receivingFirstAcademicYearId: "2025/2026",
        receivingLastAcademicYearId: "2025/2026",
        mobilitiesPerYear: 1,
        totalDaysPerYear: 4.5,
      },
    ],
    pdfFile: "a0c6e4b2-5d3f-4e1a-9b8c-7d6e5f4a3b21",
    ...overrides,
  });
}

const spec = (draft: ReturnType<typeof iiaFormDraftOf>, i: number): SpecDraft => {
  const found = draft.specs[i];
  if (!found) throw new Error(`no mobility ${i}`);
  return found;
};

describe("the IIA editor's draft", () => {
  it("gives back the stored copy unchanged when nothing is edited, so the iia-hash stays the same", () => {
    const stored = storedCopy();
    expect(Iia.parse(iiaInputOf(iiaFormDraftOf(stored)))).toEqual(stored);
  });

  it("keeps the contact details it does not show when a name or e-mail is edited", () => {
    const draft = iiaFormDraftOf(storedCopy());
    const partner = draft.partners[0];
    if (!partner) throw new Error("our partner");
    partner.signingEmail = "c.dubois@univ-lille.fr";
    const sent = Iia.parse(iiaInputOf(draft));
    expect(sent.partners[0]?.signingContact).toEqual({
      ...sent.partners[0]?.contacts[0],
      emails: ["c.dubois@univ-lille.fr", "erasmus@univ-lille.fr"],
    });
    expect(sent.partners[1]?.iiaId).toBe("1954991");
  });

  it("sends empty optional inputs as absent, never as empty strings", () => {
    const draft = iiaFormDraftOf({
      partners: [
        { heiId: "univ-lille.fr", iiaCode: "2024/E+/17", contacts: [] },
        { heiId: "uw.edu.pl", contacts: [] },
      ],
      inEffect: false,
      terminatedAsAWhole: false,
      mobilitySpecs: [],
    });
    const added = newSpec(draft.partners);
    draft.specs.push({
      ...added,
      firstYear: "2025/2026",
      lastYear: "2026/2027",
      mobilitiesPerYear: 2,
      skills: added.skills.map((s) => ({ ...s, language: "en", cefrLevel: "B2" })),
      areas: [{ ...emptyAreaRow(), iscedFCode: "0421" }, emptyAreaRow()],
      otherInfoTerms: "   ",
    });
    const input = iiaInputOf(draft);
    const parsed = Iia.safeParse(input);
    expect(parsed.success).toBe(true);
    const json = JSON.stringify(parsed.data);
    expect(json).not.toContain('""');
    expect(parsed.data?.mobilitySpecs[0]).toMatchObject({
      sendingHeiId: "univ-lille.fr",
      receivingHeiId: "uw.edu.pl",
      recommendedLanguageSkills: [{ language: "en", cefrLevel: "B2", notYetDefined: false }],
      subjectAreas: [{ iscedFCode: "0421" }],
    });
    expect(json).not.toMatch(/sendingOunitId|otherInfoTerms|totalMonthsPerYear|iscedClarification/);
  });

  it("drops the values carried over from v6 only where the value was changed", () => {
    const draft = iiaFormDraftOf(storedCopy());
    const studies = spec(draft, 0);
    studies.mobilitiesPerYear = 4;
    const area = studies.areas[0];
    if (!area) throw new Error("subject area");
    area.iscedFCode = "0312";
    const sent = Iia.parse(iiaInputOf(draft)).mobilitySpecs[0];
    expect(sent?.mobilitiesPerYearNotYetDefined).toBe(false);
    expect(sent?.subjectAreas).toEqual([{ iscedFCode: "0312", iscedClarification: "Social sciences" }]);
    // The untouched language skill still says it was not yet defined.
    expect(sent?.recommendedLanguageSkills[1]).toMatchObject({ language: "pl", notYetDefined: true });
  });

  it("sends the fields of the kind chosen: days for staff, months, blended and EQF levels for students", () => {
    const draft = iiaFormDraftOf(storedCopy());
    Object.assign(spec(draft, 0), { kind: "staff-teacher", total: 12 });
    Object.assign(spec(draft, 1), { kind: "student-traineeship", total: "", blended: true, eqfLevels: ["6"] });
    const [teaching, traineeship] = Iia.parse(iiaInputOf(draft)).mobilitySpecs;
    expect(teaching).toMatchObject({ kind: "staff-teacher", totalDaysPerYear: 12 });
    expect(teaching).not.toHaveProperty("blended");
    expect(traineeship).toMatchObject({ kind: "student-traineeship", blended: true, eqfLevels: [6] });
    expect(traineeship).not.toHaveProperty("totalDaysPerYear");
  });
});

describe("rows left out when blank", () => {
  it("numbers the rows sent so that a message comes back to the row it is about", () => {
    expect(sentIndexes(["a", "", "b", " ", "c"], (v) => v.trim() === "")).toEqual([0, null, 1, null, 2]);
  });
});
