import type {
  EwpContactInput,
  Iia,
  IiaDraft,
  IiaInput,
  IiaMobilityKind,
  IiaPartner,
  LanguageSkill,
  MobilitySpec,
  MobilitySpecInput,
  SubjectArea,
} from "@conventio/domain";
import { rowKey } from "../agreements/agreement-draft";
import {
  type ContactRow,
  contactOf,
  contactRowOf,
  contactsOf,
  isBlankContact,
  optional,
  optionalNumber,
} from "./ewp-draft";

/**
 * The IIA editor's state: every input as typed, each row keeping the record it came from. On
 * save it becomes the API's input, with empty optional inputs left out (an empty string would be
 * written to the XML and change the iia-hash) and what the editor does not show carried over.
 */

type PartnerSource = Partial<IiaPartner> & { heiId: string };

export interface PartnerDraft {
  /** The partner as loaded: its ids for the agreement (the partner's iia-id maps the copies) are kept. */
  base: PartnerSource;
  heiId: string;
  ounitId: string;
  signingName: string;
  signingEmail: string;
  signingDate: string;
  contacts: ContactRow[];
}

export interface SkillRow {
  key: string;
  base: LanguageSkill | null;
  language: string;
  cefrLevel: string;
  iscedFCode: string;
  iscedClarification: string;
}

export interface AreaRow {
  key: string;
  base: SubjectArea | null;
  iscedFCode: string;
  iscedClarification: string;
}

export interface SpecDraft {
  key: string;
  base: MobilitySpec | null;
  kind: IiaMobilityKind;
  sendingHeiId: string;
  sendingOunitId: string;
  receivingHeiId: string;
  receivingOunitId: string;
  firstYear: string;
  lastYear: string;
  mobilitiesPerYear: number | string;
  /** Months a year for students, days a year for staff. */
  total: number | string;
  blended: boolean;
  eqfLevels: string[];
  skills: SkillRow[];
  areas: AreaRow[];
  otherInfoTerms: string;
}

export interface IiaFormDraft {
  partners: PartnerDraft[];
  inEffect: boolean;
  terminatedAsAWhole: boolean;
  specs: SpecDraft[];
  pdfFile: string | undefined;
}

export const isStudentKind = (kind: IiaMobilityKind): boolean =>
  kind === "student-studies" || kind === "student-traineeship";

function partnerDraftOf(p: PartnerSource): PartnerDraft {
  return {
    base: p,
    heiId: p.heiId,
    ounitId: p.ounitId ?? "",
    signingName: p.signingContact?.names[0]?.value ?? "",
    signingEmail: p.signingContact?.emails[0] ?? "",
    signingDate: p.signingDate ?? "",
    contacts: (p.contacts ?? []).map(contactRowOf),
  };
}

const skillRowOf = (s: LanguageSkill): SkillRow => ({
  key: rowKey(),
  base: s,
  language: s.language,
  cefrLevel: s.cefrLevel ?? "",
  iscedFCode: s.subjectArea?.iscedFCode ?? "",
  iscedClarification: s.subjectArea?.iscedClarification ?? "",
});

const areaRowOf = (a: SubjectArea): AreaRow => ({
  key: rowKey(),
  base: a,
  iscedFCode: a.iscedFCode,
  iscedClarification: a.iscedClarification ?? "",
});

export const emptySkillRow = (): SkillRow => ({
  key: rowKey(),
  base: null,
  language: "",
  cefrLevel: "",
  iscedFCode: "",
  iscedClarification: "",
});

export const emptyAreaRow = (): AreaRow => ({ key: rowKey(), base: null, iscedFCode: "", iscedClarification: "" });

function specDraftOf(s: MobilitySpec): SpecDraft {
  const student = s.kind === "student-studies" || s.kind === "student-traineeship";
  return {
    key: rowKey(),
    base: s,
    kind: s.kind,
    sendingHeiId: s.sendingHeiId,
    sendingOunitId: s.sendingOunitId ?? "",
    receivingHeiId: s.receivingHeiId,
    receivingOunitId: s.receivingOunitId ?? "",
    firstYear: s.receivingFirstAcademicYearId,
    lastYear: s.receivingLastAcademicYearId,
    mobilitiesPerYear: s.mobilitiesPerYear,
    total: (student ? s.totalMonthsPerYear : s.totalDaysPerYear) ?? "",
    blended: student ? s.blended : false,
    eqfLevels: student ? s.eqfLevels.map(String) : [],
    skills: s.recommendedLanguageSkills.map(skillRowOf),
    areas: s.subjectAreas.map(areaRowOf),
    otherInfoTerms: s.otherInfoTerms ?? "",
  };
}

/** A new mobility from our institution to the partner, with one row ready for a language and a field. */
export function newSpec(partners: readonly PartnerDraft[]): SpecDraft {
  return {
    key: rowKey(),
    base: null,
    kind: "student-studies",
    sendingHeiId: partners[0]?.heiId ?? "",
    sendingOunitId: "",
    receivingHeiId: partners[1]?.heiId ?? "",
    receivingOunitId: "",
    firstYear: "",
    lastYear: "",
    mobilitiesPerYear: "",
    total: "",
    blended: false,
    eqfLevels: [],
    skills: [emptySkillRow()],
    areas: [emptyAreaRow()],
    otherInfoTerms: "",
  };
}

/** The editor's state for our stored copy, or for the server's first draft. */
export function iiaFormDraftOf(source: Iia | IiaDraft): IiaFormDraft {
  return {
    partners: source.partners.map((p) => partnerDraftOf(p as PartnerSource)),
    inEffect: source.inEffect,
    terminatedAsAWhole: source.terminatedAsAWhole,
    specs: (source.mobilitySpecs as MobilitySpec[]).map(specDraftOf),
    pdfFile: "pdfFile" in source ? source.pdfFile : undefined,
  };
}

export const isBlankSkill = (row: SkillRow): boolean =>
  [row.language, row.cefrLevel, row.iscedFCode, row.iscedClarification].every((v) => v.trim() === "");

const blankArea = (code: string, clarification: string): boolean => code.trim() === "" && clarification.trim() === "";

export const isBlankArea = (row: AreaRow): boolean => blankArea(row.iscedFCode, row.iscedClarification);

/** A subject area as typed; the code approved under v6 stays only while the code is unchanged. */
function areaOf(code: string, clarification: string, base: SubjectArea | undefined | null): SubjectArea {
  return {
    iscedFCode: code,
    iscedClarification: optional(clarification),
    v6Value: base && base.iscedFCode === code ? base.v6Value : undefined,
  };
}

function skillOf(row: SkillRow): LanguageSkill {
  const base = row.base;
  const unchanged = base !== null && base.language === row.language && (base.cefrLevel ?? "") === row.cefrLevel;
  return {
    language: row.language,
    cefrLevel: optional(row.cefrLevel),
    subjectArea: blankArea(row.iscedFCode, row.iscedClarification)
      ? undefined
      : areaOf(row.iscedFCode, row.iscedClarification, base?.subjectArea),
    // "Not yet defined" describes a value carried over from v6; a changed value is defined.
    notYetDefined: unchanged ? base.notYetDefined : false,
  };
}

function specOf(s: SpecDraft): MobilitySpecInput {
  const mobilities = optionalNumber(s.mobilitiesPerYear);
  const common = {
    sendingHeiId: s.sendingHeiId,
    sendingOunitId: optional(s.sendingOunitId),
    sendingContacts: s.base?.sendingContacts ?? [],
    receivingHeiId: s.receivingHeiId,
    receivingOunitId: optional(s.receivingOunitId),
    receivingContacts: s.base?.receivingContacts ?? [],
    receivingFirstAcademicYearId: s.firstYear,
    receivingLastAcademicYearId: s.lastYear,
    mobilitiesPerYear: mobilities as number,
    mobilitiesPerYearNotYetDefined:
      s.base !== null && s.base.mobilitiesPerYear === mobilities ? s.base.mobilitiesPerYearNotYetDefined : false,
    recommendedLanguageSkills: s.skills.filter((row) => !isBlankSkill(row)).map(skillOf),
    subjectAreas: s.areas
      .filter((row) => !isBlankArea(row))
      .map((row) => areaOf(row.iscedFCode, row.iscedClarification, row.base)),
    otherInfoTerms: optional(s.otherInfoTerms),
  };
  const total = optionalNumber(s.total);
  if (s.kind === "student-studies" || s.kind === "student-traineeship") {
    return {
      kind: s.kind,
      ...common,
      totalMonthsPerYear: total,
      blended: s.blended,
      eqfLevels: s.eqfLevels.map(Number),
    };
  }
  return { kind: s.kind, ...common, totalDaysPerYear: total };
}

function signingContactOf(p: PartnerDraft): EwpContactInput | undefined {
  const row: ContactRow = { key: "", base: p.base.signingContact ?? null, name: p.signingName, email: p.signingEmail };
  return isBlankContact(row) ? undefined : contactOf(row);
}

/** What the editor sends: the schema checks it first, the server then. */
export function iiaInputOf(draft: IiaFormDraft): IiaInput {
  return {
    partners: draft.partners.map((p) => ({
      ...p.base,
      heiId: p.heiId,
      ounitId: optional(p.ounitId),
      signingContact: signingContactOf(p),
      signingDate: optional(p.signingDate),
      contacts: contactsOf(p.contacts),
    })),
    inEffect: draft.inEffect,
    terminatedAsAWhole: draft.terminatedAsAWhole,
    mobilitySpecs: draft.specs.map(specOf),
    pdfFile: draft.pdfFile,
  };
}
