import { type AgreementListQuery, addDays, foldText } from "@conventio/domain";
import { type Kysely, type Selectable, sql } from "kysely";
import type { DB } from "#db/schema.js";
import type { SearchIndex } from "#db/search-index.js";
import type { Keyset } from "#http/pagination.js";
import { agreementsWithin } from "#modules/accounts/unit-scope.js";
import type { AgreementTable } from "./agreement.table.js";
import { afterSortKey, sortKeySql } from "./agreement-sort.js";
import { statusCondition } from "./status-condition.js";

export type AgreementRow = Selectable<AgreementTable>;

export function findAgreement(db: Kysely<DB>, id: string): Promise<AgreementRow | undefined> {
  return db.selectFrom("agreement").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Parties of several agreements at once, in their order, with the names to show them in any language. */
export async function partiesOf(db: Kysely<DB>, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom("agreement_party as p")
    .innerJoin("organisation as o", "o.id", "p.organisation_id")
    .leftJoin("organisation as u", "u.id", "p.responsible_unit_id")
    .select([
      "p.agreement_id",
      "p.role",
      "o.id",
      "o.name",
      "o.names",
      "o.kind",
      "o.country_code",
      "u.id as unit_id",
      "u.name as unit_name",
      "u.names as unit_names",
      "u.kind as unit_kind",
    ])
    .where("p.agreement_id", "in", ids)
    .orderBy("p.position")
    .execute();
}

/** The list with every filter; each filter is served by an index (see migration 002). */
export async function listAgreementRows(
  db: Kysely<DB>,
  search: SearchIndex,
  f: AgreementListQuery & { visibility?: "public"; units?: readonly string[] },
  today: string,
  windowDays: number,
  after: Keyset | null,
  limit: number,
): Promise<AgreementRow[]> {
  let q = db.selectFrom("agreement as a").selectAll("a");
  if (f.ids) q = q.where("a.id", "in", f.ids.split(","));
  if (f.kind) q = q.where("a.kind", "=", f.kind);
  if (f.visibility) q = q.where("a.visibility", "=", f.visibility);
  // An account limited to units lists only what its units are responsible for (decision 027).
  if (f.units) q = q.where("a.id", "in", agreementsWithin(db, f.units));
  const status = f.status;
  if (status) q = q.where((eb) => statusCondition(eb, status, today, windowDays));
  if (f.expiringWithinDays !== undefined) {
    q = q
      .where("a.status", "=", "active")
      .where("a.ends_on", ">=", today)
      .where("a.ends_on", "<=", addDays(today, f.expiringWithinDays));
  }
  if (f.partner) {
    const partner = f.partner;
    q = q.where("a.id", "in", (eb) =>
      eb.selectFrom("agreement_party").select("agreement_id").where("organisation_id", "=", partner),
    );
  }
  if (f.country) {
    const country = f.country;
    q = q.where("a.id", "in", (eb) =>
      eb
        .selectFrom("agreement_party as p")
        .innerJoin("organisation as o", "o.id", "p.organisation_id")
        .select("p.agreement_id")
        .where("o.country_code", "=", country),
    );
  }
  if (f.theme) {
    const theme = foldText(f.theme);
    q = q.where("a.id", "in", (eb) =>
      eb.selectFrom("agreement_theme").select("agreement_id").where("theme", "=", theme),
    );
  }
  if (after) {
    q = q.where(afterSortKey(f.sort, f.order, after));
  }
  const order = f.order ?? "asc";
  q = q.orderBy(sortKeySql(f.sort), order).orderBy("a.id", order);
  const id = sql.ref<string>("a.id");
  // The public searches the public documents: text the editor keeps internal must not be found.
  const entity = f.visibility === "public" ? "agreement_public" : "agreement";
  const cond = f.q ? search.matches(entity, id, f.q) : null;
  const probe = f.q ? search.matchesBy(entity, id, f.q, "probe") : null;
  const collect = f.q ? search.matchesBy(entity, id, f.q, "collect") : null;
  if (!cond || !probe || !collect) return (cond ? q.where(cond) : q).limit(limit + 1).execute();
  // PostgreSQL walks the sort index probing each row, expecting matches spread evenly; when they
  // cluster (titles start with their kind) it reads tens of thousands of rows. Walk a bounded
  // stretch; if it holds too few matches and more rows remain, collect every match and sort.
  const walk = await db
    .selectFrom(q.limit(SEARCH_WALK).as("a"))
    .selectAll("a")
    .where(probe)
    .orderBy(sortKeySql(f.sort), order)
    .orderBy("a.id", order)
    .limit(limit + 1)
    .execute();
  if (walk.length > limit) return walk;
  const walked = await db
    .selectFrom(q.clearSelect().select("a.id").limit(SEARCH_WALK).as("w"))
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .executeTakeFirstOrThrow();
  if (Number(walked.n) < SEARCH_WALK) return walk;
  return q
    .where(collect)
    .limit(limit + 1)
    .execute();
}

/** Rows of the sort order a PostgreSQL search walks before it collects its matches instead. */
const SEARCH_WALK = 3000;

/** The next free reference of a year: 2026-0001, 2026-0002… */
export async function nextReference(db: Kysely<DB>, year: string): Promise<string> {
  const rows = await db.selectFrom("agreement").select("reference").where("reference", "like", `${year}-%`).execute();
  const max = rows
    .map((r) => Number.parseInt(r.reference.slice(5), 10))
    .filter(Number.isFinite)
    .reduce((a, b) => Math.max(a, b), 0);
  return `${year}-${String(max + 1).padStart(4, "0")}`;
}
