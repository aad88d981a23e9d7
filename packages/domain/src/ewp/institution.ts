import { z } from "zod";
import { isoDateWithin, YEARS } from "../date-bounds.js";
import { fieldMessage } from "../errors.js";
import { normaliseErasmusCode } from "../identifiers.js";
import {
  addRuleIssue,
  EwpContact,
  EwpEmail,
  EwpId,
  EwpLanguage,
  FlexibleAddress,
  HeiId,
  HttpsUrl,
  LocalisedString,
  LocalisedUrl,
  PhoneNumber,
} from "./ewp-values.js";
import { AcademicYearId } from "./iia.js";

/**
 * The institution's own data, which an IIA implementation serves through the EWP Institutions
 * (v2), Organizational Units (v2) and Mobility Factsheet (v1) APIs, shaped after their schemas.
 */

/** Identifier types the EWP Registry names; any other type is allowed as written. */
export const OTHER_ID_TYPES = ["erasmus", "pic", "erasmus-charter", "previous-schac", "euc"] as const;

/**
 * Another id of the institution. Values are kept exactly as written: an Erasmus code pads its
 * country prefix with spaces ("PL WARSZAW01", "F  LILLE103"), and those spaces are part of it.
 */
export const OtherHeiId = z
  .strictObject({
    type: z.string().min(1, { message: "This text cannot be empty" }).describe("erasmus, pic, erasmus-charter, …"),
    value: z.string().min(1, { message: "This text cannot be empty" }),
  })
  .superRefine((id, ctx) => {
    if (id.type === "erasmus" && !normaliseErasmusCode(id.value).ok)
      addRuleIssue(
        ctx,
        ["value"],
        fieldMessage("An Erasmus code is a country prefix, a city and a number, like F  LILLE103."),
      );
    if (id.type === "pic" && !/^\d{9}$/.test(id.value))
      addRuleIssue(ctx, ["value"], fieldMessage("A PIC has nine digits."));
    if (id.type === "previous-schac" && !HeiId.safeParse(id.value).success)
      addRuleIssue(ctx, ["value"], fieldMessage("A SCHAC code is a domain name, like univ-lille.fr."));
  });
export type OtherHeiId = z.infer<typeof OtherHeiId>;

/** Whether two Erasmus codes name the same institution: spaces and case do not matter. */
export function sameErasmusCode(a: string, b: string): boolean {
  const left = normaliseErasmusCode(a);
  const right = normaliseErasmusCode(b);
  const squeeze = (v: string) => v.replace(/\s+/g, "").toUpperCase();
  if (left.ok && right.ok) return squeeze(left.value) === squeeze(right.value);
  return squeeze(a) === squeeze(b);
}

/** An organisational unit (faculty, department…) as the OUnits API serves it. */
export const EwpOunit = z.strictObject({
  ounitId: EwpId,
  ounitCode: z.string().min(1, { message: "This text cannot be empty" }).describe("The code people see"),
  names: z.array(LocalisedString).min(1, { message: "A name is required" }),
  abbreviation: z.string().min(1).optional(),
  parentOunitId: EwpId.optional(),
  streetAddress: FlexibleAddress.optional(),
  mailingAddress: FlexibleAddress.optional(),
  websiteUrls: z.array(LocalisedUrl).default([]),
  logoUrl: HttpsUrl.optional(),
  mobilityFactsheetUrls: z.array(LocalisedUrl).default([]),
  contacts: z.array(EwpContact).default([]),
});
export type EwpOunit = z.infer<typeof EwpOunit>;

/** A month and day, as xs:gMonthDay writes it: --MM-DD. */
export const MonthDay = z
  .string()
  .refine(
    (v) => {
      const m = /^--(\d{2})-(\d{2})$/.exec(v);
      if (!m) return false;
      const month = Number(m[1]);
      const day = Number(m[2]);
      const days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
      return days !== undefined && day >= 1 && day <= days;
    },
    { message: "A month and day as --MM-DD, such as --04-10" },
  )
  .describe("A yearly date as --MM-DD");

/** The deadlines of one kind for each term. */
export const TermDeadlines = z.strictObject({ autumnTerm: MonthDay, springTerm: MonthDay });
export type TermDeadlines = z.infer<typeof TermDeadlines>;

/** Where to ask about one topic: an e-mail, a phone number and at least one web page. */
export const InformationEntry = z.strictObject({
  email: EwpEmail,
  phone: PhoneNumber,
  websiteUrls: z.array(LocalisedUrl).min(1, { message: "Give at least one web page" }),
});
export type InformationEntry = z.infer<typeof InformationEntry>;

const wholeWeeks = z
  .number()
  .int({ message: "A whole number of 0 or more" })
  .min(0, { message: "A whole number of 0 or more" });

/**
 * A language level incoming students are expected to have. The factsheet publishes it as a
 * "Language certificate" requirement.
 */
export const LanguageRequirement = z.strictObject({
  language: EwpLanguage,
  cefrLevel: z
    .string()
    .regex(/^[ABC][12]$/, { message: "A CEFR level from A1 to C2" })
    .optional(),
  iscedFCode: z
    .string()
    .regex(/^\d{4}$/, { message: "An ISCED-F code of four digits, such as 0314" })
    .optional(),
  details: z.string().min(1).optional(),
  informationWebsites: z.array(LocalisedUrl).default([]),
});
export type LanguageRequirement = z.infer<typeof LanguageRequirement>;

/** The Mobility Factsheet: deadlines, requirements and where incoming students find help. */
export const EwpFactsheet = z.strictObject({
  calendar: z.strictObject({ studentNominations: TermDeadlines, studentApplications: TermDeadlines }),
  applicationInfo: InformationEntry,
  additionalRequirements: z
    .array(
      z.strictObject({
        name: z.string().min(1, { message: "This text cannot be empty" }),
        details: z.string().min(1, { message: "This text cannot be empty" }),
        informationWebsites: z.array(LocalisedUrl).default([]),
      }),
    )
    .default([]),
  languageRequirements: z.array(LanguageRequirement).default([]),
  decisionWeeksLimit: wholeWeeks.describe("Weeks within which the decision is sent (5 at most is advised)"),
  torWeeksLimit: wholeWeeks.describe("Weeks within which the transcript of records is issued"),
  accessibility: z
    .array(
      z.strictObject({
        type: z.enum(["infrastructure", "service"]),
        name: z.string().min(1, { message: "This text cannot be empty" }),
        description: z.string().min(1).optional(),
        information: InformationEntry,
      }),
    )
    .default([]),
  housingInfo: InformationEntry,
  visaInfo: InformationEntry,
  insuranceInfo: InformationEntry,
  additionalInfo: z
    .array(
      z.strictObject({ type: z.string().min(1, { message: "This text cannot be empty" }), info: InformationEntry }),
    )
    .default([]),
});
export type EwpFactsheet = z.infer<typeof EwpFactsheet>;

/** A term of the academic calendar, after the EWP AcademicTerm type. */
export const AcademicTerm = z
  .strictObject({
    academicYearId: AcademicYearId,
    ewpId: z
      .string()
      .regex(/^\d{4}\/\d{4}-[1-9]\/[1-9]$/, { message: "A term id such as 2024/2025-1/2" })
      .optional()
      .describe("Term n of m in the year, e.g. 2024/2025-1/2 for the first of two semesters"),
    names: z.array(LocalisedString).min(1, { message: "A name is required" }),
    startDate: isoDateWithin(YEARS.office),
    endDate: isoDateWithin(YEARS.office),
  })
  .superRefine((term, ctx) => {
    if (term.endDate < term.startDate) addRuleIssue(ctx, ["endDate"], fieldMessage("The term ends before it starts"));
  });
export type AcademicTerm = z.infer<typeof AcademicTerm>;

/** Everything the institution publishes about itself to its EWP partners. */
export const EwpInstitution = z
  .strictObject({
    heiId: HeiId,
    otherIds: z.array(OtherHeiId).default([]),
    names: z.array(LocalisedString).min(1, { message: "A name is required" }),
    abbreviation: z.string().min(1).optional(),
    streetAddress: FlexibleAddress.optional(),
    mailingAddress: FlexibleAddress.optional(),
    websiteUrls: z.array(LocalisedUrl).default([]),
    logoUrl: HttpsUrl.optional(),
    mobilityFactsheetUrls: z.array(LocalisedUrl).default([]),
    courseCatalogueUrls: z.array(LocalisedUrl).default([]),
    contacts: z.array(EwpContact).default([]),
    rootOunitId: EwpId.optional().describe("The unit that stands for the whole institution, if there is one"),
    ounits: z.array(EwpOunit).default([]),
    factsheet: EwpFactsheet.optional(),
    academicCalendar: z.array(AcademicTerm).default([]),
  })
  .superRefine((hei, ctx) => {
    const ids = new Set<string>();
    hei.ounits.forEach((unit, i) => {
      if (ids.has(unit.ounitId)) addRuleIssue(ctx, ["ounits", i, "ounitId"], fieldMessage("Each unit id is used once"));
      ids.add(unit.ounitId);
    });
    hei.ounits.forEach((unit, i) => {
      const parent = unit.parentOunitId;
      if (parent === undefined) return;
      if (parent === unit.ounitId)
        addRuleIssue(ctx, ["ounits", i, "parentOunitId"], fieldMessage("A unit cannot be its own parent"));
      else if (!ids.has(parent))
        addRuleIssue(
          ctx,
          ["ounits", i, "parentOunitId"],
          fieldMessage("{{id}} is not one of this institution's units", { id: parent }),
        );
    });
    if (hei.rootOunitId !== undefined && !ids.has(hei.rootOunitId))
      addRuleIssue(
        ctx,
        ["rootOunitId"],
        fieldMessage("{{id}} is not one of this institution's units", { id: hei.rootOunitId }),
      );
  });
export type EwpInstitution = z.infer<typeof EwpInstitution>;
export type EwpInstitutionInput = z.input<typeof EwpInstitution>;
