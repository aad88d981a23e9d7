import type { Actor, UserRole, UserUnit } from "@conventio/domain";
import { type Kysely, sql } from "kysely";
import type { DB } from "#db/schema.js";
import { AppError, fieldError } from "#shared/app-error.js";

/**
 * Rights limited to units (decision 027). An account limited to units reads and writes only the
 * agreements one of whose parties names, as responsible, one of those units or a unit under them,
 * and the activities, indicators, governance, documents and pictures of those agreements.
 * Services call these checks next to their policy; an account without units passes every one.
 */

/** The units an account is limited to: the units named (`roots`) and every unit under them (`ids`). */
export interface UnitScope {
  ids: string[];
  roots: UserUnit[];
}

/**
 * The scope of an account, or null when it is not limited. One recursive query walks the units
 * down; UNION drops repeated rows, so a parent loop cannot make it run forever.
 */
export async function scopeOf(db: Kysely<DB>, userId: string, role: UserRole): Promise<UnitScope | null> {
  if (role === "admin") return null;
  const { rows } = await sql<{ id: string; name: string; root: number | string }>`
    with recursive scope(id, name, root) as (
      select o.id, o.name, 1 from user_unit u inner join organisation o on o.id = u.organisation_id
      where u.user_id = ${userId}
      union
      select o.id, o.name, 0 from organisation o inner join scope s on o.parent_id = s.id
    )
    select id, name, root from scope`.execute(db);
  if (rows.length === 0) return null;
  const roots = rows.filter((r) => Number(r.root) === 1).map((r) => ({ id: r.id, name: r.name }));
  roots.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return { ids: [...new Set(rows.map((r) => r.id))], roots };
}

/** The units named for each of several accounts, by account id, for the administrators' list. */
export async function unitsByUser(db: Kysely<DB>, userIds: string[]): Promise<Map<string, UserUnit[]>> {
  const out = new Map<string, UserUnit[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return out;
  const rows = await db
    .selectFrom("user_unit as u")
    .innerJoin("organisation as o", "o.id", "u.organisation_id")
    .select(["u.user_id", "o.id", "o.name"])
    .where("u.user_id", "in", userIds)
    .orderBy("o.name")
    .orderBy("o.id")
    .execute();
  for (const r of rows) out.get(r.user_id)?.push({ id: r.id, name: r.name });
  return out;
}

/**
 * Replaces the units an account is limited to. Every id must be an organisation of kind unit,
 * and an administrator is never limited.
 */
export async function writeUnits(
  trx: Kysely<DB>,
  userId: string,
  role: UserRole,
  unitIds: string[],
  now: string,
): Promise<UserUnit[]> {
  const ids = [...new Set(unitIds)];
  if (ids.length > 0 && role === "admin") {
    throw AppError.field("validation_failed", "units", "An administrator cannot be limited to units.");
  }
  const found = ids.length
    ? await trx
        .selectFrom("organisation")
        .select(["id", "name"])
        .where("id", "in", ids)
        .where("kind", "=", "unit")
        .execute()
    : [];
  const known = new Set(found.map((o) => o.id));
  const errors = unitIds.flatMap((id, i) => (known.has(id) ? [] : [fieldError(`units.${i}`, "No unit has this id.")]));
  if (errors.length) throw AppError.invalid(errors);
  await trx.deleteFrom("user_unit").where("user_id", "=", userId).execute();
  if (ids.length) {
    await trx
      .insertInto("user_unit")
      .values(ids.map((organisation_id) => ({ user_id: userId, organisation_id, created_at: now })))
      .execute();
  }
  return found
    .map((o) => ({ id: o.id, name: o.name }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** Whether the account has units: a role of administrator is refused while it does. */
export async function hasUnits(db: Kysely<DB>, userId: string): Promise<boolean> {
  return (
    (await db.selectFrom("user_unit").select("user_id").where("user_id", "=", userId).executeTakeFirst()) !== undefined
  );
}

/** The unit ids the actor is limited to, or null when the actor is not limited. */
export function unitsOf(actor: Actor): readonly string[] | null {
  return actor.kind === "user" && actor.units && actor.units.length > 0 ? actor.units : null;
}

/** The ids of the agreements some unit of `units` is responsible for, as a subquery for list filters. */
export function agreementsWithin(db: Kysely<DB>, units: readonly string[]) {
  return db
    .selectFrom("agreement_party")
    .select("agreement_party.agreement_id")
    .where("agreement_party.responsible_unit_id", "in", [...units]);
}

async function agreementWithin(db: Kysely<DB>, units: readonly string[], agreementId: string | null): Promise<boolean> {
  if (!agreementId) return false;
  const hit = await agreementsWithin(db, units)
    .where("agreement_party.agreement_id", "=", agreementId)
    .limit(1)
    .executeTakeFirst();
  return hit !== undefined;
}

/**
 * Refuses (403) a limited actor an agreement none of their units is responsible for, or a record
 * hanging from no agreement; `record` names what is refused. A missing agreement is refused too:
 * callers check that it exists first and answer 404 or 422 themselves.
 */
export async function requireInScope(
  db: Kysely<DB>,
  actor: Actor,
  agreementId: string | null,
  record: "agreement" | "activity" = "agreement",
): Promise<void> {
  const units = unitsOf(actor);
  if (!units || (await agreementWithin(db, units, agreementId))) return;
  if (record === "activity") throw new AppError("forbidden", "This activity is outside your units.");
  throw new AppError("forbidden", "This agreement is outside your units.");
}

/**
 * Refuses a limited actor an activity whose agreement is outside their units, or that has none.
 * A missing activity passes: the caller answers 404.
 */
export async function requireActivityInScope(db: Kysely<DB>, actor: Actor, activityId: string): Promise<void> {
  if (!unitsOf(actor)) return;
  const row = await db.selectFrom("activity").select("agreement_id").where("id", "=", activityId).executeTakeFirst();
  if (row) await requireInScope(db, actor, row.agreement_id, "activity");
}

/** The agreement an indicator belongs to: its own, or its axis's. */
export async function agreementOfIndicator(
  db: Kysely<DB>,
  i: { agreementId: string | null; axisId: string | null },
): Promise<string | null> {
  if (i.agreementId || !i.axisId) return i.agreementId;
  const axis = await db
    .selectFrom("agreement_axis")
    .select("agreement_id")
    .where("id", "=", i.axisId)
    .executeTakeFirst();
  return axis?.agreement_id ?? null;
}

/** For what documents and pictures hang from: agreements and activities are scoped, other records are not. */
export async function requireRecordInScope(db: Kysely<DB>, actor: Actor, kind: string, id: string): Promise<void> {
  if (kind === "agreement") await requireInScope(db, actor, id);
  else if (kind === "activity") await requireActivityInScope(db, actor, id);
}

/**
 * A limited actor's new or changed agreement must name one of their units as responsible,
 * so that it stays theirs to change. `parties` left out (a change that keeps them) passes.
 */
export function requireResponsibleUnit(
  actor: Actor,
  parties: ReadonlyArray<{ responsibleUnitId?: string | null | undefined }> | undefined,
): void {
  const units = unitsOf(actor);
  if (!units || parties === undefined) return;
  if (parties.some((p) => p.responsibleUnitId && units.includes(p.responsibleUnitId))) return;
  throw AppError.field("forbidden", "parties", "Name one of your units as responsible for this agreement.");
}

/** For writes that reach agreements in bulk, by content rather than by id (a partner's IIAs imported). */
export function requireUnlimited(actor: Actor): void {
  if (unitsOf(actor)) throw new AppError("forbidden", "This needs an account that is not limited to units.");
}
