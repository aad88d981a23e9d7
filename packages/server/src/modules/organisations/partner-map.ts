import { type Actor, AgreementStatus, type CountryCount, OrganisationKind } from "@conventio/domain";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { DB } from "#db/schema.js";
import { agreementsWithin, unitsOf } from "#modules/accounts/unit-scope.js";
import { statusCondition } from "#modules/agreements/status-condition.js";
import type { Deps } from "#shared/deps.js";

/** The filters of the partner map: the partner's kind, the agreement's status, the unit responsible for it. */
export const PartnerMapQuery = z.object({
  kind: OrganisationKind.optional().describe("Only partners of this kind"),
  status: AgreementStatus.optional().describe("Only partners of agreements in this status"),
  unit: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[\w-]+$/, "An organisation id")
    .optional()
    .describe("Only partners of agreements this unit (an organisation of kind unit) is responsible for"),
});
export type PartnerMapQuery = z.infer<typeof PartnerMapQuery>;

/** How long before its end an active agreement is shown as expiring, unless the installation says otherwise. */
const DEFAULT_EXPIRING_WINDOW_DAYS = 180;

/**
 * Partners per country: distinct organisations, units aside, that are a party to at least one
 * agreement the actor may see. Visitors see public organisations of public agreements; an account
 * limited to units sees the agreements of its units. An overseas territory counts under its own
 * code (RE, GP, NC…), never under its metropole's.
 */
export async function countPartnersByCountry(
  db: Kysely<DB>,
  actor: Actor,
  filters: PartnerMapQuery,
  today: string,
  windowDays: number = DEFAULT_EXPIRING_WINDOW_DAYS,
): Promise<CountryCount[]> {
  const visitor = actor.kind === "public";
  const limitedTo = unitsOf(actor);
  const { kind, status, unit } = filters;
  let agreements = db.selectFrom("agreement as a").select("a.id");
  if (visitor) agreements = agreements.where("a.visibility", "=", "public");
  if (limitedTo) agreements = agreements.where("a.id", "in", agreementsWithin(db, limitedTo));
  if (unit) agreements = agreements.where("a.id", "in", agreementsWithin(db, [unit]));
  if (status) agreements = agreements.where((eb) => statusCondition(eb, status, today, windowDays));
  const parties = db
    .selectFrom("agreement_party")
    .select("agreement_party.organisation_id")
    .where("agreement_party.agreement_id", "in", agreements);

  let q = db
    .selectFrom("organisation as o")
    .select(({ fn }) => ["o.country_code", fn.countAll<string | number>().as("n")])
    .where("o.country_code", "is not", null)
    .where("o.kind", "!=", "unit")
    .where("o.id", "in", parties)
    .groupBy("o.country_code")
    .orderBy("o.country_code");
  if (visitor) q = q.where("o.visibility", "=", "public");
  if (kind) q = q.where("o.kind", "=", kind);
  const rows = await q.execute();
  return rows.map((r) => ({ countryCode: r.country_code ?? "", count: Number(r.n) }));
}

/** The partner map's counts, read on the clock of the installation. */
export function createPartnerMap(deps: Pick<Deps, "db" | "clock">, windowDays?: number) {
  return {
    countPartnersByCountry: (actor: Actor, filters: PartnerMapQuery = {}) =>
      countPartnersByCountry(deps.db, actor, filters, deps.clock.now().toISOString().slice(0, 10), windowDays),
  };
}
