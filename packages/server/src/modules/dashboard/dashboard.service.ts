import {
  type Actor,
  type AgreementStatus,
  addDays,
  type DashboardView,
  type DormantAgreements,
  effectiveStatus,
} from "@conventio/domain";
import { sql } from "kysely";
import { SYSTEM_ACTOR } from "#db/seed/system-actor.js";
import { addMonths } from "#modules/reminders/reminder-rules.js";
import type { Deps } from "#shared/deps.js";
import { dashboardPolicy } from "./dashboard.policy.js";
import { keptFigures } from "./dashboard-figures.js";

/**
 * Read model of staff figures: agreements by status, kind and country, the expiring ones,
 * mobility flows by year, and dormant agreements — active for longer than N months with no
 * activity, meeting or indicator value in that time.
 */
export function createDashboardService(
  deps: Deps,
  settings: {
    expiringWindowDays: number;
    dormantMonths: number;
    /** Figures that took this long to work out are kept for a minute (see dashboard-figures.ts). */
    keepFiguresAfterMs?: number;
  },
) {
  const { db, clock } = deps;
  const today = () => clock.now().toISOString().slice(0, 10);
  const overviewFigures = keptFigures(deps, "overview", settings.keepFiguresAfterMs ?? 50, () => workOutOverview());

  const service = {
    /** Dormant agreements, oldest first by title; the total counts them all. */
    async dormantAgreements(actor: Actor, months = settings.dormantMonths, limit = 200): Promise<DormantAgreements> {
      dashboardPolicy.read(actor);
      const day = today();
      const cutoff = addMonths(day, -months);
      // Each "not exists" is an index seek (activity_agreement, meeting_agreement, indicator_agreement).
      const base = db
        .selectFrom("agreement as g")
        .where("g.status", "=", "active")
        .where((eb) => eb.or([eb("g.ends_on", "is", null), eb("g.ends_on", ">=", day)]))
        .where(sql<string>`coalesce(g.starts_on, g.signed_on)`, "<=", cutoff)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom("activity as a")
                .select(sql`1`.as("x"))
                .whereRef("a.agreement_id", "=", "g.id")
                .where("a.sort_key", ">=", cutoff),
            ),
          ),
        )
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom("meeting as m")
                .select(sql`1`.as("x"))
                .whereRef("m.agreement_id", "=", "g.id")
                .where("m.held_on", ">=", cutoff),
            ),
          ),
        )
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom("indicator_value as v")
                .innerJoin("indicator as i", "i.id", "v.indicator_id")
                .select(sql`1`.as("x"))
                .whereRef("i.agreement_id", "=", "g.id")
                .where("v.recorded_at", ">=", cutoff),
            ),
          ),
        );
      const [count, rows] = await Promise.all([
        base.select(({ fn }) => fn.countAll<number | string>().as("n")).executeTakeFirst(),
        base
          .select([
            "g.id",
            "g.reference",
            "g.title",
            "g.language",
            "g.starts_on",
            (eb) =>
              eb
                .selectFrom("activity as a")
                .select(({ fn }) => fn.max("a.sort_key").as("m"))
                .whereRef("a.agreement_id", "=", "g.id")
                .as("last_activity"),
            (eb) =>
              eb
                .selectFrom("meeting as m")
                .select(({ fn }) => fn.max("m.held_on").as("m"))
                .whereRef("m.agreement_id", "=", "g.id")
                .as("last_meeting"),
          ])
          .orderBy("g.sort_key")
          .limit(limit)
          .execute(),
      ]);
      return {
        total: Number(count?.n ?? 0),
        items: rows.map((r) => {
          const signs = [r.last_activity, r.last_meeting].filter((x): x is string => !!x).sort();
          return {
            id: r.id,
            reference: r.reference,
            title: r.title,
            lang: r.language,
            startsOn: r.starts_on,
            lastSign: signs.at(-1) ?? null,
          };
        }),
      };
    },

    /** The figures, kept from a moment ago at a scale where working them out is slow, unless `fresh`. */
    async overview(actor: Actor, options: { fresh?: boolean } = {}): Promise<DashboardView> {
      dashboardPolicy.read(actor);
      const { figures, asOf } = await overviewFigures({ fresh: options.fresh ?? false });
      return { ...figures, asOf };
    },
  };

  /** Every figure of the dashboard, worked out from the agreements and activities as they are. */
  async function workOutOverview(): Promise<Omit<DashboardView, "asOf">> {
    const day = today();
    const horizon = addDays(day, settings.expiringWindowDays);
    const [statusRows, kindRows, countryRows, expiring, flows, dormant] = await Promise.all([
      // Grouped by stored status and end date; the clock-dependent status is worked out below.
      db
        .selectFrom("agreement")
        .select(({ fn }) => ["status", "ends_on", fn.countAll<number | string>().as("n")])
        .groupBy(["status", "ends_on"])
        .execute(),
      db
        .selectFrom("agreement")
        .select(({ fn }) => ["kind", fn.countAll<number | string>().as("n")])
        .groupBy("kind")
        .orderBy("kind")
        .execute(),
      db
        .selectFrom("agreement_party as p")
        .innerJoin("organisation as o", "o.id", "p.organisation_id")
        .select(({ fn }) => ["o.country_code", fn.count<number | string>("p.agreement_id").distinct().as("n")])
        .where("o.country_code", "is not", null)
        .groupBy("o.country_code")
        .orderBy("n", "desc")
        .limit(30)
        .execute(),
      db
        .selectFrom("agreement")
        .select(["id", "reference", "title", "language", "ends_on", "status"])
        .where("status", "=", "active")
        .where("ends_on", ">=", day)
        .where("ends_on", "<=", horizon)
        .orderBy("ends_on")
        .limit(20)
        .execute(),
      db
        .selectFrom("activity")
        .select(({ fn }) => [
          "academic_year",
          fn.sum<number | string>(sql`case when direction = 'incoming' then participants else 0 end`).as("incoming"),
          fn.sum<number | string>(sql`case when direction = 'outgoing' then participants else 0 end`).as("outgoing"),
        ])
        .where("academic_year", "is not", null)
        .groupBy("academic_year")
        .orderBy("academic_year")
        .execute(),
      service.dormantAgreements(SYSTEM_ACTOR, settings.dormantMonths, 20),
    ]);
    const byStatus = new Map<AgreementStatus, number>();
    for (const r of statusRows) {
      const status = effectiveStatus(r.status, r.ends_on, day, settings.expiringWindowDays);
      byStatus.set(status, (byStatus.get(status) ?? 0) + Number(r.n));
    }
    return {
      byStatus: [...byStatus].map(([status, count]) => ({ status, count })),
      byKind: kindRows.map((r) => ({ kind: r.kind, count: Number(r.n) })),
      byCountry: countryRows.map((r) => ({ countryCode: r.country_code ?? "", count: Number(r.n) })),
      expiring: expiring.map((r) => ({
        id: r.id,
        reference: r.reference,
        title: r.title,
        lang: r.language,
        endsOn: r.ends_on,
        status: effectiveStatus(r.status, r.ends_on, day, settings.expiringWindowDays),
      })),
      mobility: flows.map((r) => ({
        academicYear: r.academic_year ?? "",
        incoming: Number(r.incoming ?? 0),
        outgoing: Number(r.outgoing ?? 0),
      })),
      dormant: dormant.items,
      dormantTotal: dormant.total,
    };
  }
  return service;
}
export type DashboardService = ReturnType<typeof createDashboardService>;
