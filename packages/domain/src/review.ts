import { z } from "zod";
import { ActivityView, IndicatorView } from "./activity.js";
import { AgreementView } from "./agreement.js";
import { ActionView, BodyView } from "./governance.js";
import { IsoDate } from "./organisation.js";

/**
 * A progress review ("point d'étape") of a partnership on a date, as data: the PDF is drawn from
 * the same view.
 */

export const ReviewQuery = z.object({
  on: IsoDate.optional().describe("The date of the review; today by default"),
});
export type ReviewQuery = z.infer<typeof ReviewQuery>;

/** Records that the review of a date was held, so the next one covers what happened since. */
export const RecordReviewInput = z.strictObject({ on: IsoDate });
export type RecordReviewInput = z.infer<typeof RecordReviewInput>;

export const REVIEW_SINCE_KINDS = ["review", "meeting", "start"] as const;
export const DEADLINE_KINDS = ["agreement_end", "action"] as const;

/** A date ahead: the end of the agreement itself, or an open action's due date. */
export const ReviewDeadline = z.object({
  on: z.string(),
  kind: z.enum(DEADLINE_KINDS),
  what: z.string().describe("The agreement's reference, or the action's title"),
});
export type ReviewDeadline = z.infer<typeof ReviewDeadline>;

export const ProgressReview = z.object({
  on: z.string(),
  since: z.string().nullable(),
  sinceKind: z
    .enum(REVIEW_SINCE_KINDS)
    .nullable()
    .describe("The previous recorded review, else the last meeting, else the agreement's start"),
  recorded: z.array(z.string()).describe("Dates of the reviews recorded for this partnership, newest first"),
  agreement: AgreementView,
  bodies: z.array(BodyView),
  activities: z.array(ActivityView).describe("What happened since, up to the date of the review"),
  indicators: z.array(IndicatorView),
  openActions: z.array(ActionView),
  deadlines: z.array(ReviewDeadline).describe("The next six months, soonest first"),
});
export type ProgressReview = z.infer<typeof ProgressReview>;

/** The reviews recorded for a partnership, newest first. */
export const RecordedReviews = z.object({
  recorded: z.array(z.string()).describe("Dates of the reviews recorded for this partnership, newest first"),
});
export type RecordedReviews = z.infer<typeof RecordedReviews>;
