import { z } from "zod";
import { isoDateWithin, YEARS } from "../date-bounds.js";
import { fieldMessage } from "../errors.js";
import { addRuleIssue, EwpContact, EwpId, EwpLanguage, HeiId } from "./ewp-values.js";

/**
 * An Erasmus+ inter-institutional agreement (IIA) as Conventio holds it, field for field after
 * the EWP IIAs API v7 (`iias-get-response`), with the v7 rules checked on input. The iia-hash
 * is not part of the model: it is computed from the XML the model is written to.
 */

/** The four kinds of mobility, in the order a v7 document lists their specifications. */
export const IIA_MOBILITY_KINDS = [
  "student-studies",
  "student-traineeship",
  "staff-teacher",
  "staff-training",
] as const;
export const IiaMobilityKind = z.enum(IIA_MOBILITY_KINDS);
export type IiaMobilityKind = z.infer<typeof IiaMobilityKind>;

/** Kinds for which at least one recommended language skill is required in v7. */
export const LANGUAGE_SKILL_REQUIRED: ReadonlySet<IiaMobilityKind> = new Set(["student-studies", "staff-teacher"]);

const ACADEMIC_YEAR = /^(\d{4})\/(\d{4})$/;

/** A receiving academic year such as 2024/2025; the second year follows the first. */
export const AcademicYearId = z
  .string()
  .superRefine((value, ctx) => {
    const m = ACADEMIC_YEAR.exec(value);
    if (!m) addRuleIssue(ctx, [], fieldMessage("An academic year such as 2024/2025"));
    else if (Number(m[2]) !== Number(m[1]) + 1)
      addRuleIssue(ctx, [], fieldMessage("The second year follows the first"));
  })
  .describe("An academic year as YYYY/YYYY, e.g. 2024/2025");

/** Every academic year from the first to the last, both included; empty when they are not in order. */
export function academicYearsBetween(first: string, last: string): string[] {
  const from = ACADEMIC_YEAR.exec(first);
  const to = ACADEMIC_YEAR.exec(last);
  if (!from || !to) return [];
  const years: string[] = [];
  for (let y = Number(from[1]); y <= Number(to[1]); y++) years.push(`${y}/${y + 1}`);
  return years;
}

/** An ISCED-F 2013 field (four digits in v7), with an optional clarification. */
export const SubjectArea = z.strictObject({
  iscedFCode: z.string().regex(/^\d{4}$/, { message: "An ISCED-F code of four digits, such as 0314" }),
  iscedClarification: z
    .string()
    .optional()
    .describe("Details beyond the ISCED name (never the official name itself); kept as written"),
  v6Value: z
    .string()
    .regex(/^\d{1,3}$/, { message: "A former ISCED code of one to three digits" })
    .optional()
    .describe("The code approved under IIAs v6, kept only while the agreement is not modified; blocks approval"),
});
export type SubjectArea = z.infer<typeof SubjectArea>;

export const LanguageSkill = z.strictObject({
  language: EwpLanguage,
  cefrLevel: z
    .string()
    .regex(/^[ABC][12]$/, { message: "A CEFR level from A1 to C2" })
    .optional(),
  subjectArea: SubjectArea.optional(),
  notYetDefined: z
    .boolean()
    .default(false)
    .describe("Carried over from an agreement approved under v6 and not modified since; blocks approval"),
});
export type LanguageSkill = z.infer<typeof LanguageSkill>;

const positiveDecimal = z.number().refine((n) => n > 0 && /^\d+(\.\d{1,2})?$/.test(String(n)), {
  message: "A number above 0 with at most two decimals",
});

const specFields = {
  sendingHeiId: HeiId,
  sendingOunitId: EwpId.optional().describe("The sending partner's own id of the unit, when known"),
  sendingContacts: z.array(EwpContact).default([]),
  receivingHeiId: HeiId,
  receivingOunitId: EwpId.optional().describe("The receiving partner's own id of the unit, when known"),
  receivingContacts: z.array(EwpContact).default([]),
  receivingFirstAcademicYearId: AcademicYearId,
  receivingLastAcademicYearId: AcademicYearId,
  mobilitiesPerYear: z
    .number()
    .int({ message: "A whole number of 1 or more" })
    .min(1, { message: "A whole number of 1 or more" })
    .describe("The largest number of people sent each academic year"),
  mobilitiesPerYearNotYetDefined: z
    .boolean()
    .default(false)
    .describe("Carried over from an agreement approved under v6 and not modified since; blocks approval"),
  recommendedLanguageSkills: z.array(LanguageSkill).default([]),
  subjectAreas: z.array(SubjectArea).default([]),
  otherInfoTerms: z.string().optional(),
};

const studentFields = {
  totalMonthsPerYear: positiveDecimal.optional(),
  blended: z.boolean().describe("Whether blended mobility (short physical stay and a virtual part) is welcome"),
  eqfLevels: z
    .array(
      z
        .number()
        .int({ message: "An EQF level from 5 to 8" })
        .min(5, { message: "An EQF level from 5 to 8" })
        .max(8, { message: "An EQF level from 5 to 8" }),
    )
    .default([])
    .describe("5 short cycle, 6 bachelor, 7 master, 8 doctorate"),
};

const staffFields = { totalDaysPerYear: positiveDecimal.optional() };

/** One direction of one kind of mobility: who sends whom, for which years, how many. */
export const MobilitySpec = z
  .discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("student-studies"), ...specFields, ...studentFields }),
    z.strictObject({ kind: z.literal("student-traineeship"), ...specFields, ...studentFields }),
    z.strictObject({ kind: z.literal("staff-teacher"), ...specFields, ...staffFields }),
    z.strictObject({ kind: z.literal("staff-training"), ...specFields, ...staffFields }),
  ])
  .superRefine((spec, ctx) => {
    const first = ACADEMIC_YEAR.exec(spec.receivingFirstAcademicYearId);
    const last = ACADEMIC_YEAR.exec(spec.receivingLastAcademicYearId);
    if (first && last && Number(last[1]) < Number(first[1]))
      addRuleIssue(
        ctx,
        ["receivingLastAcademicYearId"],
        fieldMessage("The last academic year cannot come before the first"),
      );
    if (LANGUAGE_SKILL_REQUIRED.has(spec.kind) && spec.recommendedLanguageSkills.length === 0)
      addRuleIssue(
        ctx,
        ["recommendedLanguageSkills"],
        fieldMessage("Give at least one recommended language skill for this kind of mobility"),
      );
  });
export type MobilitySpec = z.infer<typeof MobilitySpec>;
export type MobilitySpecInput = z.input<typeof MobilitySpec>;
export type StudentMobilitySpec = Extract<MobilitySpec, { kind: "student-studies" | "student-traineeship" }>;
export type StaffMobilitySpec = Extract<MobilitySpec, { kind: "staff-teacher" | "staff-training" }>;

export function isStudentSpec(spec: MobilitySpec): spec is StudentMobilitySpec {
  return spec.kind === "student-studies" || spec.kind === "student-traineeship";
}

/** One of the two institutions of an agreement, with its own ids for it. */
export const IiaPartner = z.strictObject({
  heiId: HeiId,
  ounitId: EwpId.optional().describe("The partner's own id of the unit that is party to the agreement, when known"),
  iiaId: EwpId.optional().describe("The partner's surrogate id of the agreement; required before approval"),
  iiaCode: z.string().min(1, { message: "This text cannot be empty" }).optional().describe("The agreement number"),
  signingContact: EwpContact.optional(),
  signingDate: isoDateWithin(YEARS.history).optional(),
  contacts: z.array(EwpContact).default([]),
});
export type IiaPartner = z.infer<typeof IiaPartner>;

export const Iia = z
  .strictObject({
    partners: z
      .array(IiaPartner)
      .length(2, { message: "An IIA has exactly two partners" })
      .describe("The serving institution first, then the other partner"),
    inEffect: z.boolean().describe("Signed and followed (true), or a draft or proposal (false)"),
    terminatedAsAWhole: z
      .boolean()
      .default(false)
      .describe("A mutually approved agreement ended before any exchange took place"),
    mobilitySpecs: z.array(MobilitySpec).default([]).describe("Cooperation conditions, in the order they are hashed"),
    pdfFile: z.string().min(1).optional().describe("Id of the agreement's PDF in the EWP File API"),
  })
  .superRefine((iia, ctx) => {
    const heis = iia.partners.map((p) => p.heiId);
    if (heis.length === 2 && heis[0] === heis[1])
      addRuleIssue(ctx, ["partners", 1, "heiId"], fieldMessage("The two partners are different institutions"));
    iia.mobilitySpecs.forEach((spec, i) => {
      for (const side of ["sendingHeiId", "receivingHeiId"] as const) {
        if (!heis.includes(spec[side]))
          addRuleIssue(
            ctx,
            ["mobilitySpecs", i, side],
            fieldMessage("{{heiId}} is not one of the agreement's two partners", { heiId: spec[side] }),
          );
      }
      if (spec.sendingHeiId === spec.receivingHeiId)
        addRuleIssue(
          ctx,
          ["mobilitySpecs", i, "receivingHeiId"],
          fieldMessage("A mobility goes from one partner to the other"),
        );
    });
  });
export type Iia = z.infer<typeof Iia>;
export type IiaInput = z.input<typeof Iia>;

/**
 * Whether the agreement may be approved as it stands: values carried over from v6 (a flag
 * `not-yet-defined` or a former ISCED code) must be replaced first, as the iia-hash's
 * valid-for-approval says.
 */
export function isIiaValidForApproval(iia: Iia): boolean {
  return iia.mobilitySpecs.every(
    (spec) =>
      !spec.mobilitiesPerYearNotYetDefined &&
      spec.recommendedLanguageSkills.every((s) => !s.notYetDefined && !s.subjectArea?.v6Value) &&
      spec.subjectAreas.every((a) => !a.v6Value),
  );
}

/** What serving the agreement needs beyond the v7 rules: the first partner is the server's own copy. */
export function iiaServingIssues(iia: Iia) {
  const own = iia.partners[0];
  return [
    ...(own?.iiaId ? [] : [{ field: "partners.0.iiaId", ...fieldMessage("Our own IIA id is needed to serve it") }]),
    ...(own?.iiaCode
      ? []
      : [{ field: "partners.0.iiaCode", ...fieldMessage("Our own IIA code is needed to serve it") }]),
  ];
}

/** An approval of a partner's copy: its id there and the hash of the version approved. */
export const IiaApproval = z.strictObject({
  iiaId: EwpId,
  iiaHash: z.string().regex(/^[0-9a-f]{64}$/, { message: "A SHA-256 hash: 64 lowercase hexadecimal characters" }),
  pdfFile: z.string().min(1).optional(),
});
export type IiaApproval = z.infer<typeof IiaApproval>;
