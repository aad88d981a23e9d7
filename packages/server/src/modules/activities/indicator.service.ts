import type { Actor, IndicatorInput, IndicatorView } from "@conventio/domain";
import type { Kysely } from "kysely";
import type { DB } from "#db/schema.js";
import { agreementOfIndicator, requireInScope } from "#modules/accounts/unit-scope.js";
import { recordAudit } from "#modules/audit/audit.service.js";
import { AppError } from "#shared/app-error.js";
import { type Deps, nowIso } from "#shared/deps.js";
import { newId } from "#shared/ids.js";
import { activityPolicy } from "./activity.policy.js";

/** Indicators of an agreement: unit, baseline, target, and a value per year. */
export function createIndicatorService(deps: Deps) {
  const { db } = deps;

  async function indicatorViews(
    trx: Kysely<DB>,
    where: { agreementId?: string; id?: string },
  ): Promise<IndicatorView[]> {
    let q = trx.selectFrom("indicator").selectAll().orderBy("name");
    if (where.agreementId) q = q.where("agreement_id", "=", where.agreementId);
    if (where.id) q = q.where("id", "=", where.id);
    const rows = await q.execute();
    if (rows.length === 0) return [];
    const values = await trx
      .selectFrom("indicator_value")
      .select(["indicator_id", "year", "value"])
      .where(
        "indicator_id",
        "in",
        rows.map((r) => r.id),
      )
      .orderBy("year")
      .execute();
    return rows.map((r) => {
      const vs = values.filter((v) => v.indicator_id === r.id).map((v) => ({ year: v.year, value: v.value }));
      const latest = vs.at(-1)?.value;
      const base = r.baseline ?? 0;
      const progress =
        r.target != null && latest != null && r.target !== base ? (latest - base) / (r.target - base) : null;
      return {
        id: r.id,
        agreementId: r.agreement_id,
        axisId: r.axis_id,
        name: r.name,
        unit: r.unit,
        baseline: r.baseline,
        baselineYear: r.baseline_year,
        target: r.target,
        targetYear: r.target_year,
        values: vs,
        progress,
      };
    });
  }

  return {
    async listIndicators(actor: Actor, agreementId: string): Promise<IndicatorView[]> {
      activityPolicy.read(actor);
      await requireInScope(db, actor, agreementId);
      return indicatorViews(db, { agreementId });
    },

    async createIndicator(actor: Actor, input: IndicatorInput): Promise<IndicatorView> {
      activityPolicy.write(actor);
      const now = nowIso(deps);
      return db.transaction().execute(async (trx) => {
        if (
          input.agreementId &&
          !(await trx.selectFrom("agreement").select("id").where("id", "=", input.agreementId).executeTakeFirst())
        ) {
          throw AppError.field("validation_failed", "agreementId", "No agreement has this id.");
        }
        await requireInScope(trx, actor, await agreementOfIndicator(trx, input));
        const id = newId();
        await trx
          .insertInto("indicator")
          .values({
            id,
            agreement_id: input.agreementId,
            axis_id: input.axisId,
            name: input.name,
            unit: input.unit,
            baseline: input.baseline,
            baseline_year: input.baselineYear,
            target: input.target,
            target_year: input.targetYear,
            created_at: now,
          })
          .execute();
        await recordAudit(trx, now, {
          actor,
          action: "indicator.create",
          entity: "indicator",
          entityId: id,
          changes: { ...input },
        });
        return (await indicatorViews(trx, { id }))[0] as IndicatorView;
      });
    },

    /** Records (or corrects) the value of a year. */
    async recordIndicatorValue(actor: Actor, id: string, v: { year: number; value: number }): Promise<IndicatorView> {
      activityPolicy.write(actor);
      const now = nowIso(deps);
      return db.transaction().execute(async (trx) => {
        const indicator = await trx
          .selectFrom("indicator")
          .select(["agreement_id as agreementId", "axis_id as axisId"])
          .where("id", "=", id)
          .executeTakeFirst();
        if (!indicator) throw AppError.notFound("This indicator");
        await requireInScope(trx, actor, await agreementOfIndicator(trx, indicator));
        await trx
          .insertInto("indicator_value")
          .values({ indicator_id: id, year: v.year, value: v.value, recorded_at: now })
          .onConflict((oc) => oc.columns(["indicator_id", "year"]).doUpdateSet({ value: v.value, recorded_at: now }))
          .execute();
        await recordAudit(trx, now, {
          actor,
          action: "indicator.value",
          entity: "indicator",
          entityId: id,
          changes: { ...v },
        });
        return (await indicatorViews(trx, { id }))[0] as IndicatorView;
      });
    },
  };
}
