import {
  type ActionView,
  type ActivityView,
  type Actor,
  type AgreementView,
  addDays,
  type BodyView,
  type IndicatorView,
} from "@conventio/domain";
import PDFDocument from "pdfkit";
import type { ActivityService } from "#modules/activities/activity.service.js";
import type { AgreementService } from "#modules/agreements/agreement.service.js";
import { recordAudit } from "#modules/audit/audit.service.js";
import type { GovernanceService } from "#modules/governance/governance.service.js";
import { type Deps, nowIso } from "#shared/deps.js";
import { newId } from "#shared/ids.js";
import { actorId } from "#shared/policy.js";
import { reviewPolicy } from "./review.policy.js";
import { REVIEW_WORDING, type ReviewLanguage, type ReviewWording } from "./review-wording.js";

export interface ProgressReview {
  on: string;
  since: string | null;
  /** What `since` is: the previous recorded review, else the last meeting, else the agreement's start. */
  sinceKind: "review" | "meeting" | "start" | null;
  /** Reviews recorded for this partnership, newest first. */
  recorded: string[];
  agreement: AgreementView;
  bodies: BodyView[];
  activities: ActivityView[];
  indicators: IndicatorView[];
  openActions: ActionView[];
  deadlines: Deadline[];
}

/** A date ahead: the end of the agreement itself, or an open action's due date. */
export type Deadline = { on: string; kind: "agreement_end" | "action"; what: string };

const HORIZON_DAYS = 183;

/**
 * A progress review ("point d'étape") of a partnership on a date: objectives, axes and their
 * groups, what happened since the previous review (the last one recorded before that date; without
 * one, the last meeting of its groups, where reviews are usually held; else its start),
 * indicators against targets, open actions and the deadlines of the next six months.
 */
export function createReviewService(
  deps: Deps,
  parts: { agreements: AgreementService; governance: GovernanceService; activities: ActivityService },
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
    const deadlines = [
      ...(agreement.endsOn && agreement.endsOn >= on && agreement.endsOn <= horizon
        ? [{ on: agreement.endsOn, kind: "agreement_end" as const, what: agreement.reference }]
        : []),
      ...openActions
        .filter((a) => a.dueOn && a.dueOn <= horizon)
        .map((a) => ({ on: a.dueOn ?? "", kind: "action" as const, what: a.title })),
    ].sort((x, y) => (x.on < y.on ? -1 : 1));
    return { on, since, sinceKind, recorded, agreement, bodies, activities, indicators, openActions, deadlines };
  }

  /** The review as a PDF document, in one of the web app's languages. */
  function renderPdf(r: ProgressReview, w: ReviewWording): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const doc = new PDFDocument({
        size: "A4",
        margin: 56,
        info: { Title: `${w.title} — ${r.agreement.title}`, Producer: "Conventio" },
      });
      const chunks: Buffer[] = [];
      doc.on("data", (c: Buffer) => chunks.push(c));
      doc.on("end", () => resolve(Buffer.concat(chunks)));
      doc.on("error", reject);
      const h = (text: string) =>
        doc
          .moveDown(0.8)
          .font("Helvetica-Bold")
          .fontSize(13)
          .fillColor("#1c3d5a")
          .text(text)
          .moveDown(0.3)
          .font("Helvetica")
          .fontSize(10)
          .fillColor("black");
      const item = (text: string) => doc.text(`•  ${text}`, { indent: 8 });
      const list = <T>(rows: T[], empty: string, line: (row: T) => string) => {
        if (rows.length === 0) doc.text(empty);
        for (const row of rows) item(line(row));
      };
      doc.font("Helvetica-Bold").fontSize(18).fillColor("#1c3d5a").text(w.title);
      doc.font("Helvetica").fontSize(12).fillColor("black").text(`${r.agreement.reference} — ${r.agreement.title}`);
      doc
        .fontSize(10)
        .fillColor("#555")
        .text(w.intro(r.on, r.since, r.agreement.parties.map((p) => p.name).join(", ")));
      doc.fillColor("black");
      h(w.objectives);
      list(r.agreement.objectives, w.noObjectives, (o) => o);
      h(w.axes);
      list(
        r.agreement.axes,
        w.none,
        (a) =>
          `${a.title} (${w.axisKind[a.kind] ?? a.kind})${a.coordinators.length ? ` — ${a.coordinators.map((c) => c.name).join(", ")}` : ""}`,
      );
      h(w.groups);
      list(
        r.bodies,
        w.none,
        (b) => `${b.name}${b.theme ? ` — ${b.theme}` : ""}: ${w.group(b.members.length, b.meetings.length)}`,
      );
      h(w.activitiesSince(r.since));
      list(
        r.activities,
        w.noActivities,
        (a) => `${a.startsOn ?? ""} ${a.title} (${w.activityStatus[a.status] ?? a.status})`,
      );
      h(w.indicators);
      list(r.indicators, w.noIndicators, (i) => {
        const latest = i.values.at(-1);
        const parts = [
          latest ? w.latest(latest.value, i.unit, latest.year) : w.noValue,
          ...(i.target != null ? [w.target(i.target, i.targetYear)] : []),
        ];
        return `${i.name}: ${parts.join(", ")}${i.progress != null ? ` (${w.progress(Math.round(i.progress * 100))})` : ""}`;
      });
      h(w.openActions);
      list(
        r.openActions,
        w.none,
        (a) => `${a.title}${a.dueOn ? ` — ${w.due(a.dueOn)}` : ""}${a.owner ? ` — ${a.owner.name}` : ""}`,
      );
      h(w.deadlines);
      list(r.deadlines, w.noDeadlines, (d) => `${d.on}: ${d.kind === "agreement_end" ? w.endOf(d.what) : d.what}`);
      doc.end();
    });
  }

  return {
    assemble,

    /** Records that the review of that date was held, so the next one starts from it. */
    async record(actor: Actor, agreementId: string, on: string): Promise<string[]> {
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
      return rows.map((r) => r.held_on);
    },
    async pdf(actor: Actor, agreementId: string, on: string, lang: ReviewLanguage = "en"): Promise<Buffer> {
      return renderPdf(await assemble(actor, agreementId, on), REVIEW_WORDING[lang]);
    },
  };
}
export type ReviewService = ReturnType<typeof createReviewService>;
