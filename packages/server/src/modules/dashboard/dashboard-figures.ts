import type { Kysely } from "kysely";
import type { DB } from "#db/schema.js";
import type { Clock } from "#shared/clock.js";
import type { Logger } from "#shared/logger.js";

export interface DashboardFiguresTable {
  name: string;
  figures: string; // JSON
  computed_at: string;
  took_ms: number;
}

/** How long kept figures are served as they are, then served while they are worked out again. */
const FRESH_MS = 60_000;
const STALE_MS = 10 * 60_000;

export interface KeptFigures<T> {
  figures: T;
  /** When the figures served were worked out, if kept from earlier; null when made now. */
  asOf: string | null;
}

/**
 * Figures that cost a scan of every agreement and mobility row. Worked out on request; when that
 * took `keepAfterMs` or more (a large installation), they are stored in the database and every
 * process serves them for a minute, then for up to ten minutes more while one request works them
 * out again in the background. A small installation, fast to count, always gets exact figures.
 * Kept figures are never served on another day than the one they were made for, since statuses
 * and the expiring list depend on the date.
 */
export function keptFigures<T>(
  deps: { db: Kysely<DB>; clock: Clock; log: Logger },
  name: string,
  keepAfterMs: number,
  compute: () => Promise<T>,
): (options: { fresh: boolean }) => Promise<KeptFigures<T>> {
  const { db, clock, log } = deps;
  let refreshing = false;

  async function workOut(): Promise<T> {
    const started = performance.now();
    const figures = await compute();
    const took = Math.round(performance.now() - started);
    if (took < keepAfterMs) {
      await db.deleteFrom("dashboard_figures").where("name", "=", name).execute();
      return figures;
    }
    const row = { name, figures: JSON.stringify(figures), computed_at: clock.now().toISOString(), took_ms: took };
    await db
      .insertInto("dashboard_figures")
      .values(row)
      .onConflict((oc) =>
        oc.column("name").doUpdateSet({ figures: row.figures, computed_at: row.computed_at, took_ms: row.took_ms }),
      )
      .execute();
    return figures;
  }

  function refreshInBackground(): void {
    if (refreshing) return;
    refreshing = true;
    workOut()
      .catch((err: unknown) => log.error({ err, figures: name }, "working out kept figures failed"))
      .finally(() => {
        refreshing = false;
      });
  }

  return async ({ fresh }) => {
    if (!fresh) {
      const kept = await db.selectFrom("dashboard_figures").selectAll().where("name", "=", name).executeTakeFirst();
      const now = clock.now();
      const age = kept ? now.getTime() - Date.parse(kept.computed_at) : Number.NaN;
      const sameDay = kept?.computed_at.slice(0, 10) === now.toISOString().slice(0, 10);
      if (kept && sameDay && age >= 0 && age < STALE_MS) {
        if (age >= FRESH_MS) refreshInBackground();
        return { figures: JSON.parse(kept.figures) as T, asOf: kept.computed_at };
      }
    }
    return { figures: await workOut(), asOf: null };
  };
}
