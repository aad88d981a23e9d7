import { z } from "zod";
import { AgreementKind, AgreementStatus } from "./agreement.js";

/**
 * Read model: staff figures over agreements and activities, worked out on request; at a scale
 * where that is slow, the last figures are served for a minute and `asOf` says when they were made.
 */

/** An active agreement with no activity, meeting or indicator value for some months. */
export const DormantAgreement = z.object({
  id: z.string(),
  reference: z.string(),
  title: z.string(),
  lang: z.string().nullable().describe("The language the title is written in; null when unknown"),
  startsOn: z.string().nullable(),
  lastSign: z.string().nullable().describe("The last activity or meeting, if any"),
});
export type DormantAgreement = z.infer<typeof DormantAgreement>;

export const DormantAgreementsQuery = z.object({
  months: z.coerce.number().int().min(1).max(120).optional().describe("Months without a sign of life"),
});

export const DormantAgreements = z.object({
  total: z.number().int(),
  items: z.array(DormantAgreement).describe("Oldest first, at most 200"),
});
export type DormantAgreements = z.infer<typeof DormantAgreements>;

export const DashboardQuery = z.object({
  fresh: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true")
    .describe("true: work the figures out now rather than serve those kept from a moment ago"),
});

export const DashboardView = z.object({
  byStatus: z.array(z.object({ status: AgreementStatus, count: z.number().int() })),
  byKind: z.array(z.object({ kind: AgreementKind, count: z.number().int() })),
  byCountry: z.array(z.object({ countryCode: z.string(), count: z.number().int() })),
  expiring: z.array(
    z.object({
      id: z.string(),
      reference: z.string(),
      title: z.string(),
      lang: z.string().nullable().describe("The language the title is written in; null when unknown"),
      endsOn: z.string().nullable(),
      status: AgreementStatus,
    }),
  ),
  mobility: z.array(z.object({ academicYear: z.string(), incoming: z.number(), outgoing: z.number() })),
  dormant: z.array(DormantAgreement).describe("The first dormant agreements"),
  dormantTotal: z.number().int(),
  asOf: z
    .string()
    .datetime()
    .nullable()
    .describe(
      "When the figures were worked out, if they were kept from an earlier request; null when made for this one",
    ),
});
export type DashboardView = z.infer<typeof DashboardView>;
