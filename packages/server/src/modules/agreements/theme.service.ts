import { type Actor, foldText, type ThemeView } from "@conventio/domain";
import { sql } from "kysely";
import { recordAudit } from "#modules/audit/audit.service.js";
import { AppError } from "#shared/app-error.js";
import { type Deps, nowIso } from "#shared/deps.js";
import { createAgreementBulk } from "./agreement-bulk.js";
import { themePolicy } from "./theme.policy.js";

/**
 * Themes: a managed vocabulary kept by administrators (with labels in other languages),
 * beside the free tags people add to agreements. Both are offered as suggestions. Editors add a
 * theme to a selection of agreements at once (agreement-bulk.ts).
 */
export function createThemeService(deps: Deps) {
  const { db } = deps;
  return {
    ...createAgreementBulk(deps),

    async listThemes(actor: Actor): Promise<ThemeView[]> {
      themePolicy.read(actor);
      const [vocabulary, used] = await Promise.all([
        db.selectFrom("theme").selectAll().execute(),
        db
          .selectFrom("agreement_theme")
          .select(["theme", sql<string>`min(label)`.as("label"), (eb) => eb.fn.countAll<number | string>().as("n")])
          .groupBy("theme")
          .execute(),
      ]);
      const out = new Map<string, ThemeView>();
      for (const v of vocabulary) {
        out.set(v.theme, {
          theme: v.theme,
          label: v.label,
          labels: JSON.parse(v.labels) as ThemeView["labels"],
          managed: true,
          agreements: 0,
        });
      }
      for (const u of used) {
        const t = out.get(u.theme) ?? { theme: u.theme, label: u.label, labels: [], managed: false, agreements: 0 };
        t.agreements = Number(u.n);
        out.set(u.theme, t);
      }
      return [...out.values()].sort((a, b) => Number(b.managed) - Number(a.managed) || a.theme.localeCompare(b.theme));
    },

    async addTheme(actor: Actor, label: string, labels: Array<{ lang: string; value: string }>): Promise<ThemeView> {
      themePolicy.manage(actor);
      const theme = foldText(label);
      const now = nowIso(deps);
      await db
        .insertInto("theme")
        .values({ theme, label, labels: JSON.stringify(labels), created_at: now })
        .onConflict((oc) => oc.column("theme").doUpdateSet({ label, labels: JSON.stringify(labels) }))
        .execute();
      await recordAudit(db, now, {
        actor,
        action: "theme.save",
        entity: "theme",
        entityId: theme,
        changes: { label, labels },
      });
      return { theme, label, labels, managed: true, agreements: 0 };
    },

    async removeTheme(actor: Actor, theme: string): Promise<void> {
      themePolicy.manage(actor);
      const r = await db.deleteFrom("theme").where("theme", "=", theme).executeTakeFirst();
      if (Number(r.numDeletedRows) === 0) throw AppError.notFound("This theme");
      await recordAudit(db, nowIso(deps), {
        actor,
        action: "theme.remove",
        entity: "theme",
        entityId: theme,
        changes: {},
      });
    },
  };
}
export type ThemeService = ReturnType<typeof createThemeService>;
