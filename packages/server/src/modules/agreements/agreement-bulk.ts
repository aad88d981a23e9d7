import { type Actor, type BulkThemeInput, type BulkThemeResult, foldText } from "@conventio/domain";
import { requireInScope } from "#modules/accounts/unit-scope.js";
import { recordAudit } from "#modules/audit/audit.service.js";
import { AppError } from "#shared/app-error.js";
import { type Deps, nowIso } from "#shared/deps.js";
import { agreementPolicy } from "./agreement.policy.js";
import { reindexAgreement } from "./agreement-search.js";

/**
 * Changes to several agreements at once, from the list's selection. Each runs in one transaction
 * and checks every agreement before it writes: an unknown id or one outside the actor's units
 * refuses the whole request and changes nothing.
 */
export function createAgreementBulk(deps: Deps) {
  const { db, search } = deps;
  return {
    /** Adds a theme to each agreement that does not carry it yet, and says how many changed. */
    async addThemeToAgreements(actor: Actor, input: BulkThemeInput): Promise<BulkThemeResult> {
      agreementPolicy.write(actor);
      const ids = [...new Set(input.ids)];
      const theme = foldText(input.theme);
      return db.transaction().execute(async (trx) => {
        const rows = await trx.selectFrom("agreement").selectAll().where("id", "in", ids).execute();
        if (rows.length < ids.length) {
          const found = new Set(rows.map((r) => r.id));
          const unknown = ids.filter((id) => !found.has(id)).join(", ");
          throw AppError.field("validation_failed", "ids", "No agreement has the id {{unknown}}.", { unknown });
        }
        for (const row of rows) await requireInScope(trx, actor, row.id);
        const carrying = await trx
          .selectFrom("agreement_theme")
          .select("agreement_id")
          .where("agreement_id", "in", ids)
          .where("theme", "=", theme)
          .execute();
        const already = new Set(carrying.map((r) => r.agreement_id));
        const now = nowIso(deps);
        const changed = rows.filter((r) => !already.has(r.id));
        for (const row of changed) {
          await trx.insertInto("agreement_theme").values({ agreement_id: row.id, theme, label: input.theme }).execute();
          await trx.updateTable("agreement").set({ updated_at: now }).where("id", "=", row.id).execute();
          await reindexAgreement(trx, search, row);
          await recordAudit(trx, now, {
            actor,
            action: "agreement.theme_add",
            entity: "agreement",
            entityId: row.id,
            changes: { theme: input.theme },
          });
        }
        return { updated: changed.length };
      });
    },
  };
}
export type AgreementBulk = ReturnType<typeof createAgreementBulk>;
