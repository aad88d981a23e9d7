import { type Actor, addDays, type ProgressReview, type RecordedReviews, type ReviewDeadline } from "@conventio/domain";
import type { ActivityService } from "#modules/activities/activity.service.js";
import type { AgreementService } from "#modules/agreements/agreement.service.js";
import { recordAudit } from "#modules/audit/audit.service.js";
import type { GovernanceService } from "#modules/governance/governance.service.js";
import type { OrganisationService } from "#modules/organisations/organisation.service.js";
import { institutionNameOf, type SiteBrand } from "#modules/site-settings/site-settings.service.js";
import { type Deps, nowIso } from "#shared/deps.js";
import { newId } from "#shared/ids.js";
import { actorId } from "#shared/policy.js";
import { reviewPolicy } from "./review.policy.js";
import { renderReviewPdf } from "./review-pdf.js";
import type { ReviewLanguage } from "./review-wording.js";

const HORIZON_DAYS = 183;

/**
 * A progress review ("point d'étape") of a partnership on a date: objectives, axes and their
 * groups, what happened since the previous review (the last one recorded before that date; without
 * one, the last meeting of its groups, where reviews are usually held; else its start),
 * indicators against targets, open actions and the deadlines of the next six months.
 */
export function createReviewService(
  deps: Deps,
  parts: {
    agreements: AgreementService;
    governance: GovernanceService;
    activities: ActivityService;
    organisations: OrganisationService;
    siteSettings?: SiteBrand;
  },
) {
  const { db } = deps;

  async function assemble(actor: Actor, agreementId: string, on: string): Promise<ProgressReview> {
    reviewPolicy.read(actor);
    const agreement = await parts.agreements.getAgreement(actor, agreementId);
    const [reviews, meeting] = await Promise.all([
      db
        .selectFrom("progress_review")
        .select("held_on")
        .where("agreement_id", "=", agreementId)
        .orderBy("held_on", "desc")
        .execute(),
      db
        .selectFrom("meeting")
        .select("held_on")
        .where("agreement_id", "=", agreementId)
        .where("held_on", "<", on)
        .orderBy("held_on", "desc")
        .executeTakeFirst(),
    ]);
    const recorded = reviews.map((r) => r.held_on);
    const lastReview = recorded.find((d) => d < on);
    const start = agreement.startsOn ?? agreement.signedOn;
    const [since, sinceKind] = lastReview
      ? [lastReview, "review" as const]
      : meeting
        ? [meeting.held_on, "meeting" as const]
        : start
          ? [start, "start" as const]
          : [null, null];
    const [bodies, activityPage, indicators, actions] = await Promise.all([
      parts.governance.listBodies(actor, agreementId),
      parts.activities.listActivities(actor, { agreement: agreementId, limit: 200 }),
      parts.activities.listIndicators(actor, agreementId),
      parts.governance.agreementActions(actor, agreementId),
    ]);
    const activities = activityPage.items.filter((a) => {
      const day = a.startsOn ?? a.createdAt.slice(0, 10);
      // What happened on the day of the previous review or meeting was covered by it.
      const after = !since || (sinceKind === "start" ? day >= since : day > since);
      return after && day <= on;
    });
    const horizon = addDays(on, HORIZON_DAYS);
    const openActions = actions.filter((a) => a.status === "open");
    const deadlines: ReviewDeadline[] = [
      ...(agreement.endsOn && agreement.endsOn >= on && agreement.endsOn <= horizon
        ? [{ on: agreement.endsOn, kind: "agreement_end" as const, what: agreement.reference }]
        : []),
      ...openActions
        .filter((a) => a.dueOn && a.dueOn <= horizon)
        .map((a) => ({ on: a.dueOn ?? "", kind: "action" as const, what: a.title })),
    ].sort((x, y) => (x.on < y.on ? -1 : 1));
    return { on, since, sinceKind, recorded, agreement, bodies, activities, indicators, openActions, deadlines };
  }

  return {
    assemble,

    /** Records that the review of that date was held, so the next one starts from it. */
    async record(actor: Actor, agreementId: string, on: string): Promise<RecordedReviews> {
      reviewPolicy.record(actor);
      await parts.agreements.getAgreement(actor, agreementId);
      const now = nowIso(deps);
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto("progress_review")
          .values({
            id: newId(),
            agreement_id: agreementId,
            held_on: on,
            recorded_by: actorId(actor),
            recorded_at: now,
          })
          .onConflict((oc) => oc.columns(["agreement_id", "held_on"]).doNothing())
          .execute();
        await recordAudit(trx, now, {
          actor,
          action: "review.record",
          entity: "agreement",
          entityId: agreementId,
          changes: { heldOn: on },
        });
      });
      const rows = await db
        .selectFrom("progress_review")
        .select("held_on")
        .where("agreement_id", "=", agreementId)
        .orderBy("held_on", "desc")
        .execute();
      return { recorded: rows.map((r) => r.held_on) };
    },
    /** The review as a PDF in one of the web app's languages, with where each partner is and its name as translated. */
    async pdf(actor: Actor, agreementId: string, on: string, lang: ReviewLanguage = "en"): Promise<Buffer> {
      const review = await assemble(actor, agreementId, on);
      const parties = await Promise.all(
        review.agreement.parties.map((p) => parts.organisations.getOrganisation(actor, p.id)),
      );
      return renderReviewPdf(review, parties, lang, await institutionNameOf(parts.siteSettings));
    },
  };
}
export type ReviewService = ReturnType<typeof createReviewService>;
