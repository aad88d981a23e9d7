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
import type { GovernanceService } from "#modules/governance/governance.service.js";
import type { Deps } from "#shared/deps.js";
import { requireRole } from "#shared/policy.js";

export interface ProgressReview {
  on: string;
  since: string | null;
  agreement: AgreementView;
  bodies: BodyView[];
  activities: ActivityView[];
  indicators: IndicatorView[];
  openActions: ActionView[];
  deadlines: Array<{ on: string; what: string }>;
}

const HORIZON_DAYS = 183;

/**
 * A progress review ("point d'étape") of a partnership on a date: objectives, axes and their
 * groups, what happened since the previous review (the last meeting before that date),
 * indicators against targets, open actions and the deadlines of the next six months.
 */
export function createReviewService(
  deps: Deps,
  parts: { agreements: AgreementService; governance: GovernanceService; activities: ActivityService },
) {
  const { db } = deps;

  async function assemble(actor: Actor, agreementId: string, on: string): Promise<ProgressReview> {
    requireRole(actor, "viewer");
    const agreement = await parts.agreements.getAgreement(actor, agreementId);
    const previous = await db
      .selectFrom("meeting")
      .select("held_on")
      .where("agreement_id", "=", agreementId)
      .where("held_on", "<", on)
      .orderBy("held_on", "desc")
      .executeTakeFirst();
    const since = previous?.held_on ?? agreement.startsOn ?? agreement.signedOn;
    const [bodies, activityPage, indicators, actions] = await Promise.all([
      parts.governance.listBodies(actor, agreementId),
      parts.activities.listActivities(actor, { agreement: agreementId, limit: 200 }),
      parts.activities.listIndicators(actor, agreementId),
      parts.governance.agreementActions(actor, agreementId),
    ]);
    const activities = activityPage.items.filter((a) => {
      const day = a.startsOn ?? a.createdAt.slice(0, 10);
      return (!since || day >= since) && day <= on;
    });
    const horizon = addDays(on, HORIZON_DAYS);
    const openActions = actions.filter((a) => a.status === "open");
    const deadlines = [
      ...(agreement.endsOn && agreement.endsOn >= on && agreement.endsOn <= horizon
        ? [{ on: agreement.endsOn, what: `End of ${agreement.reference}` }]
        : []),
      ...openActions.filter((a) => a.dueOn && a.dueOn <= horizon).map((a) => ({ on: a.dueOn ?? "", what: a.title })),
    ].sort((x, y) => (x.on < y.on ? -1 : 1));
    return { on, since, agreement, bodies, activities, indicators, openActions, deadlines };
  }

  /** The review as a PDF document. */
  function renderPdf(r: ProgressReview): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const doc = new PDFDocument({
        size: "A4",
        margin: 56,
        info: { Title: `Progress review — ${r.agreement.title}`, Producer: "Conventio" },
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
      doc.font("Helvetica-Bold").fontSize(18).fillColor("#1c3d5a").text("Progress review");
      doc.font("Helvetica").fontSize(12).fillColor("black").text(`${r.agreement.reference} — ${r.agreement.title}`);
      doc
        .fontSize(10)
        .fillColor("#555")
        .text(
          `Review of ${r.on}${r.since ? `, covering what happened since ${r.since}` : ""}. Parties: ${r.agreement.parties.map((p) => p.name).join(", ")}.`,
        );
      doc.fillColor("black");
      h("Objectives");
      if (r.agreement.objectives.length === 0) doc.text("No objectives recorded.");
      for (const o of r.agreement.objectives) item(o);
      h("Axes and areas");
      for (const a of r.agreement.axes)
        item(
          `${a.title} (${a.kind})${a.coordinators.length ? ` — ${a.coordinators.map((c) => c.name).join(", ")}` : ""}`,
        );
      h("Groups");
      for (const b of r.bodies)
        item(`${b.name}${b.theme ? ` — ${b.theme}` : ""}: ${b.members.length} members, ${b.meetings.length} meetings`);
      h(`Activities since ${r.since ?? "the start"}`);
      if (r.activities.length === 0) doc.text("Nothing recorded in this period.");
      for (const a of r.activities) item(`${a.startsOn ?? ""} ${a.title} (${a.kind.replace(/_/g, " ")}, ${a.status})`);
      h("Indicators");
      if (r.indicators.length === 0) doc.text("No indicators.");
      for (const i of r.indicators) {
        const latest = i.values.at(-1);
        item(
          `${i.name}: ${latest ? `${latest.value} ${i.unit} in ${latest.year}` : "no value yet"}${i.target != null ? `, target ${i.target}${i.targetYear ? ` by ${i.targetYear}` : ""}` : ""}${i.progress != null ? ` (${Math.round(i.progress * 100)} % of the way)` : ""}`,
        );
      }
      h("Open actions");
      if (r.openActions.length === 0) doc.text("None.");
      for (const a of r.openActions)
        item(`${a.title}${a.dueOn ? ` — due ${a.dueOn}` : ""}${a.owner ? ` — ${a.owner.name}` : ""}`);
      h("Coming deadlines");
      if (r.deadlines.length === 0) doc.text("None in the next six months.");
      for (const d of r.deadlines) item(`${d.on}: ${d.what}`);
      doc.end();
    });
  }

  return {
    assemble,
    async pdf(actor: Actor, agreementId: string, on: string): Promise<Buffer> {
      return renderPdf(await assemble(actor, agreementId, on));
    },
  };
}
export type ReviewService = ReturnType<typeof createReviewService>;
