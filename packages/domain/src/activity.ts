import { z } from "zod";
import { AgreementRef } from "./agreement.js";
import { isoDateWithin, YEARS } from "./date-bounds.js";
import { OrganisationRef } from "./organisation.js";
import { SortOrder } from "./page.js";
import { endsBeforeStart, PartialDate } from "./partial-date.js";

const Id = z.string().min(1).max(64);

export const ACTIVITY_KINDS = [
  "student_mobility",
  "staff_mobility",
  "double_degree",
  "joint_supervision",
  "internship",
  "doctoral_exchange",
  "postdoctoral_exchange",
  "research_project",
  "research_network",
  "seminar",
  "conference",
  "delegation_visit",
  "signing_ceremony",
  "anniversary",
  "funding_bid",
  "scholarship",
  "office_abroad",
  "territorial_project",
] as const;
export const ActivityKind = z.enum(ACTIVITY_KINDS);
export type ActivityKind = z.infer<typeof ActivityKind>;

export const ACTIVITY_STATUSES = ["planned", "ongoing", "completed", "cancelled"] as const;
export const ActivityStatus = z.enum(ACTIVITY_STATUSES);

export const MOBILITY_KINDS: ReadonlySet<ActivityKind> = new Set([
  "student_mobility",
  "staff_mobility",
  "internship",
  "doctoral_exchange",
  "postdoctoral_exchange",
  "scholarship",
]);

export const Direction = z.enum(["incoming", "outgoing"]);
export const StudyLevel = z.enum(["bachelor", "master", "doctorate", "postdoc", "staff"]);
export const AcademicYear = z
  .string()
  .regex(/^\d{4}-\d{4}$/, "An academic year such as 2022-2023")
  .refine((y) => Number(y.slice(5)) === Number(y.slice(0, 4)) + 1, "The second year follows the first");

export const BID_OUTCOMES = ["pending", "granted", "rejected", "withdrawn"] as const;

const Money = z.number().nonnegative().max(1e12);

export const ActivityInput = z
  .strictObject({
    kind: ActivityKind,
    title: z.string().trim().min(1, "A title is required").max(500),
    description: z.string().trim().max(20_000).nullable().default(null),
    status: ActivityStatus.default("planned"),
    startsOn: PartialDate.nullable().default(null),
    endsOn: PartialDate.nullable().default(null),
    agreementId: Id.nullable().default(null),
    axisId: Id.nullable().default(null).describe("The axis or collaboration area it belongs to"),
    partnerIds: z.array(Id).max(50).default([]),
    ownerId: Id.nullable().default(null).describe("The account responsible"),
    place: z.string().trim().max(300).nullable().default(null),
    laboratories: z
      .array(z.string().trim().min(1).max(300))
      .max(30)
      .default([])
      .describe("Named laboratories of a research project"),
    mobility: z
      .strictObject({
        direction: Direction,
        level: StudyLevel,
        academicYear: AcademicYear,
        count: z.number().int().min(1).max(100_000),
        participantId: Id.nullable()
          .default(null)
          .describe("For an individual record: the person who went (then the count is 1)"),
      })
      .refine((m) => !m.participantId || m.count === 1, {
        path: ["count"],
        message: "An individual record counts one person",
      })
      .nullable()
      .default(null)
      .describe("For mobility kinds: who went where, at which level, in which year, how many"),
    funding: z
      .strictObject({
        funder: z.string().trim().min(1).max(300),
        programme: z.string().trim().max(300).nullable().default(null),
        amountAsked: Money.nullable().default(null),
        amountGranted: Money.nullable().default(null),
        currency: z.string().trim().length(3).toUpperCase().default("EUR"),
        deadline: isoDateWithin(YEARS.office).nullable().default(null),
        outcome: z.enum(BID_OUTCOMES).default("pending"),
        startsOn: PartialDate.nullable().default(null).describe("Start of the funded period"),
        endsOn: PartialDate.nullable().default(null).describe("End of the funded period"),
      })
      .nullable()
      .default(null)
      .describe("Funding of any activity: funder, programme or call, amounts, deadline, outcome, funded period"),
  })
  .superRefine((a, ctx) => {
    if (endsBeforeStart(a.startsOn, a.endsOn)) {
      ctx.addIssue({ code: "custom", path: ["endsOn"], message: "It cannot end before it starts" });
    }
    if (a.mobility && !MOBILITY_KINDS.has(a.kind)) {
      ctx.addIssue({ code: "custom", path: ["mobility"], message: "Only mobility activities carry mobility figures" });
    }
    if (a.funding && endsBeforeStart(a.funding.startsOn, a.funding.endsOn)) {
      ctx.addIssue({ code: "custom", path: ["funding", "endsOn"], message: "The funded period ends before it starts" });
    }
    if (a.funding?.amountGranted != null && a.funding.outcome !== "granted") {
      ctx.addIssue({
        code: "custom",
        path: ["funding", "amountGranted"],
        message: "Only a granted bid has a granted amount",
      });
    }
  });
export type ActivityInput = z.output<typeof ActivityInput>;

export const ActivityView = z.object({
  id: z.string(),
  kind: ActivityKind,
  title: z.string(),
  description: z.string().nullable(),
  status: ActivityStatus,
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  agreement: AgreementRef.pick({ id: true, reference: true, title: true, shown: true }).nullable(),
  axis: z.object({ id: z.string(), title: z.string() }).nullable(),
  partners: z.array(OrganisationRef),
  owner: z.object({ id: z.string(), name: z.string() }).nullable(),
  place: z.string().nullable(),
  laboratories: z.array(z.string()),
  mobility: z
    .object({
      direction: Direction,
      level: StudyLevel,
      academicYear: z.string(),
      count: z.number().int(),
      participant: z.object({ id: z.string(), name: z.string() }).nullable(),
    })
    .nullable(),
  funding: z
    .object({
      funder: z.string(),
      programme: z.string().nullable(),
      amountAsked: z.number().nullable(),
      amountGranted: z.number().nullable(),
      currency: z.string(),
      deadline: z.string().nullable(),
      outcome: z.enum(BID_OUTCOMES),
      startsOn: z.string().nullable(),
      endsOn: z.string().nullable(),
    })
    .nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ActivityView = z.infer<typeof ActivityView>;

/** The columns an activity list sorts by; each is backed by an index over (key, id). */
export const ACTIVITY_SORTS = ["date", "title"] as const;
export const ActivitySort = z.enum(ACTIVITY_SORTS);
export type ActivitySort = z.infer<typeof ActivitySort>;

/** The order a sort reads in when none is asked for: the latest activities first, titles from A. */
export function defaultActivityOrder(sort: ActivitySort | undefined): SortOrder {
  return sort === "title" ? "asc" : "desc";
}

export const ActivityListQuery = z.object({
  kind: ActivityKind.optional(),
  agreement: Id.optional(),
  partner: Id.optional(),
  status: ActivityStatus.optional(),
  q: z.string().trim().max(200).optional(),
  sort: ActivitySort.optional().describe(
    "date (the start, or the day it was recorded when it has none; the default) or title",
  ),
  order: SortOrder.optional().describe("desc by default for the date, asc for the title"),
});
export type ActivityListQuery = z.infer<typeof ActivityListQuery>;

export const IndicatorInput = z.strictObject({
  agreementId: Id.nullable().default(null),
  axisId: Id.nullable().default(null),
  name: z.string().trim().min(1).max(300),
  unit: z.string().trim().min(1).max(60).describe("students, projects, euros…"),
  baseline: z.number().finite().nullable().default(null),
  baselineYear: z.number().int().min(1900).max(2200).nullable().default(null),
  target: z.number().finite().nullable().default(null),
  targetYear: z.number().int().min(1900).max(2200).nullable().default(null),
});
export type IndicatorInput = z.output<typeof IndicatorInput>;

export const IndicatorValueInput = z.strictObject({
  year: z.number().int().min(1900).max(2200),
  value: z.number().finite(),
});

export const IndicatorView = z.object({
  id: z.string(),
  agreementId: z.string().nullable(),
  axisId: z.string().nullable(),
  name: z.string(),
  unit: z.string(),
  baseline: z.number().nullable(),
  baselineYear: z.number().nullable(),
  target: z.number().nullable(),
  targetYear: z.number().nullable(),
  values: z.array(z.object({ year: z.number(), value: z.number() })),
  progress: z
    .number()
    .nullable()
    .describe("Share of the way from baseline to target reached by the latest value, 0–1+"),
});
export type IndicatorView = z.infer<typeof IndicatorView>;

export const BalanceRow = z.object({
  academicYear: z.string(),
  partner: OrganisationRef.nullable(),
  incoming: z.number().int(),
  outgoing: z.number().int(),
  balance: z.number().int().describe("incoming − outgoing"),
});
export type BalanceRow = z.infer<typeof BalanceRow>;
