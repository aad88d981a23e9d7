import { z } from "zod";
import { AgreementKind, AgreementStatus } from "./agreement.js";

/** Read model: staff figures over agreements and activities, recomputed on each request. */

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
});
export type DashboardView = z.infer<typeof DashboardView>;
