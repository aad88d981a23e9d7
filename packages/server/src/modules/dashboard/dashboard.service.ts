import { type Actor, addDays, effectiveStatus } from "@conventio/domain";
import { sql } from "kysely";
import { addMonths } from "#modules/reminders/reminder-rules.js";
import type { Deps } from "#shared/deps.js";
import { requireRole } from "#shared/policy.js";

export interface DormantAgreement {
  id: string;
  reference: string;
  title: string;
  startsOn: string | null;
  lastSign: string | null;
}

/**
 * Staff figures: agreements by status, kind and country, the expiring ones, mobility flows by
 * year, and dormant agreements — active for longer than N months with no activity, meeting or
 * indicator value in that time.
 */
export function createDashboardService(deps: Deps, settings: { expiringWindowDays: number; dormantMonths: number }) {
  const { db, clock } = deps;
  const today = () => clock.now().toISOString().slice(0, 10);

  return {
    async dormantAgreements(actor: Actor, months = settings.dormantMonths): Promise<DormantAgreement[]> {
      requireRole(actor, "viewer");
      const day = today();
      const cutoff = addMonths(day, -months);
      const rows = await db
        .selectFrom("agreement as g")
        .select([
          "g.id",
          "g.reference",
          "g.title",
          "g.starts_on",
          (eb) =>
            eb
              .selectFrom("activity as a")
              .select(({ fn }) => fn.max(sql<string>`coalesce(a.starts_on, substr(a.created_at, 1, 10))`).as("m"))
              .whereRef("a.agreement_id", "=", "g.id")
              .as("last_activity"),
          (eb) =>
            eb
              .selectFrom("meeting as m")
              .select(({ fn }) => fn.max("m.held_on").as("m"))
              .whereRef("m.agreement_id", "=", "g.id")
              .as("last_meeting"),
          (eb) =>
            eb
              .selectFrom("indicator_value as v")
              .innerJoin("indicator as i", "i.id", "v.indicator_id")
              .select(({ fn }) => fn.max(sql<string>`substr(v.recorded_at, 1, 10)`).as("m"))
              .whereRef("i.agreement_id", "=", "g.id")
              .as("last_value"),
        ])
        .where("g.status", "=", "active")
        .where((eb) => eb.or([eb("g.ends_on", "is", null), eb("g.ends_on", ">=", day)]))
        .where(sql<string>`coalesce(g.starts_on, g.signed_on)`, "<=", cutoff)
        .orderBy("g.sort_key")
        .execute();
      return rows
        .map((r) => {
          const signs = [r.last_activity, r.last_meeting, r.last_value].filter((x): x is string => !!x).sort();
          return {
            id: r.id,
            reference: r.reference,
            title: r.title,
            startsOn: r.starts_on,
            lastSign: signs.at(-1) ?? null,
          };
        })
        .filter((r) => !r.lastSign || r.lastSign < cutoff);
    },

    async overview(actor: Actor) {
      requireRole(actor, "viewer");
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
          .select(["id", "reference", "title", "ends_on", "status"])
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
        this.dormantAgreements(actor),
      ]);
      const byStatus = new Map<string, number>();
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
          endsOn: r.ends_on,
          status: effectiveStatus(r.status, r.ends_on, day, settings.expiringWindowDays),
        })),
        mobility: flows.map((r) => ({
          academicYear: r.academic_year ?? "",
          incoming: Number(r.incoming ?? 0),
          outgoing: Number(r.outgoing ?? 0),
        })),
        dormant,
      };
    },
  };
}
export type DashboardService = ReturnType<typeof createDashboardService>;
