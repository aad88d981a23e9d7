import type { Actor, OrganisationKind } from "@conventio/domain";
import { type Kysely, sql } from "kysely";
import type { DB } from "#db/schema.js";
import { newId } from "#shared/ids.js";
import { actorId } from "#shared/policy.js";
import type { IndexedCandidate } from "./ror-record.js";

/**
 * Relationships to apply between partner organisations, by ROR id: a unit and its parent, an
 * organisation and its successor ("now known as"), and the ROR ids whose kind is unit once they
 * have a parent (a unit cannot exist without one, so it is created as "other" until then).
 */
export interface RelativeLinks {
  parents: Map<string, string>;
  successors: Map<string, string>;
  units: Set<string>;
}

export function emptyLinks(): RelativeLinks {
  return { parents: new Map(), successors: new Map(), units: new Set() };
}

/**
 * Collects what one candidate says: its own parent and successor first, then what it says of
 * others (a child it names, a predecessor it names) where those name none themselves.
 */
export function collectLinks(
  links: RelativeLinks,
  inverse: RelativeLinks,
  c: Pick<IndexedCandidate, "rorId" | "kind" | "relationships"> & { parentRorId?: string | null },
): void {
  if (!c.rorId) return;
  if (c.kind === "unit") links.units.add(c.rorId);
  const own = c.relationships ?? [];
  const parent = c.parentRorId ?? own.find((r) => r.type === "parent")?.id;
  const successor = own.find((r) => r.type === "successor")?.id;
  if (parent) links.parents.set(c.rorId, parent);
  if (successor) links.successors.set(c.rorId, successor);
  for (const r of own) {
    if (r.type === "child" && !inverse.parents.has(r.id)) inverse.parents.set(r.id, c.rorId);
    if (r.type === "predecessor" && !inverse.successors.has(r.id)) inverse.successors.set(r.id, c.rorId);
  }
}

/** The links a record states itself, completed by what other records say of it. */
export function completeLinks(links: RelativeLinks, inverse: RelativeLinks): RelativeLinks {
  for (const [k, v] of inverse.parents) if (!links.parents.has(k)) links.parents.set(k, v);
  for (const [k, v] of inverse.successors) if (!links.successors.has(k)) links.successors.set(k, v);
  return links;
}

const CHUNK = 400;

async function organisationsByRor(db: Kysely<DB>, rorIds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const unique = [...new Set(rorIds)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const rows = await db
      .selectFrom("organisation_identifier")
      .select(["organisation_id", "unique_value"])
      .where("scheme", "=", "ror")
      .where("unique_value", "in", unique.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) if (r.unique_value) out.set(r.unique_value, r.organisation_id);
  }
  return out;
}

type OrgState = { id: string; parent_id: string | null; successor_id: string | null; kind: OrganisationKind };

/**
 * Gives partner organisations the parent and successor ROR names, where both ends are partners
 * and the organisation has none yet: what staff set is never overwritten, and a parent that is
 * one of the organisation's own units is refused, as the organisation form refuses it. Each
 * change is audited. Returns how many parents and successors were set.
 */
export async function linkOrganisations(
  db: Kysely<DB>,
  actor: Actor,
  now: string,
  links: RelativeLinks,
): Promise<{ parents: number; successors: number }> {
  const rorIds = [...links.parents, ...links.successors].flat();
  if (rorIds.length === 0) return { parents: 0, successors: 0 };
  const orgOf = await organisationsByRor(db, rorIds);
  const involved = [...new Set(orgOf.values())];
  const state = new Map<string, OrgState>();
  for (let i = 0; i < involved.length; i += CHUNK) {
    const rows = await db
      .selectFrom("organisation")
      .select(["id", "parent_id", "successor_id", "kind"])
      .where("id", "in", involved.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) state.set(r.id, r);
  }
  const parentOf = new Map(
    (await db.selectFrom("organisation").select(["id", "parent_id"]).where("parent_id", "is not", null).execute()).map(
      (r) => [r.id, r.parent_id],
    ),
  );
  const isAncestorOrSelf = (candidate: string, of: string) => {
    for (let at: string | null | undefined = of, steps = 0; at && steps < 1000; at = parentOf.get(at), steps++) {
      if (at === candidate) return true;
    }
    return false;
  };
  const changed = new Map<string, Partial<OrgState> & { id: string }>();
  const audit: Array<{ id: string; changes: Record<string, unknown> }> = [];
  for (const [childRor, parentRor] of links.parents) {
    const child = state.get(orgOf.get(childRor) ?? "");
    const parent = orgOf.get(parentRor);
    if (!child || !parent || child.parent_id || isAncestorOrSelf(child.id, parent)) continue;
    const kind = links.units.has(childRor) && child.kind === "other" ? "unit" : child.kind;
    child.parent_id = parent;
    parentOf.set(child.id, parent);
    changed.set(child.id, { ...changed.get(child.id), id: child.id, parent_id: parent, kind });
    audit.push({
      id: child.id,
      changes: { parent_id: [null, parent], ...(kind !== child.kind ? { kind: [child.kind, kind] } : {}) },
    });
  }
  let successors = 0;
  for (const [fromRor, toRor] of links.successors) {
    const from = state.get(orgOf.get(fromRor) ?? "");
    const to = orgOf.get(toRor);
    if (!from || !to || from.successor_id || to === from.id) continue;
    from.successor_id = to;
    successors++;
    changed.set(from.id, { ...changed.get(from.id), id: from.id, successor_id: to });
    audit.push({ id: from.id, changes: { successor_id: [null, to] } });
  }
  const rows = [...changed.values()];
  for (let i = 0; i < rows.length; i += 200) {
    const part = rows.slice(i, i + 200);
    const pick = (key: "parent_id" | "successor_id" | "kind") =>
      sql.join(
        part.map((r) => sql`when ${r.id} then ${r[key] === undefined ? sql.ref(key) : r[key]}`),
        sql` `,
      );
    await db
      .updateTable("organisation")
      .set({
        parent_id: sql<string | null>`case id ${pick("parent_id")} end`,
        successor_id: sql<string | null>`case id ${pick("successor_id")} end`,
        kind: sql<OrganisationKind>`case id ${pick("kind")} end`,
        updated_at: now,
      })
      .where(
        "id",
        "in",
        part.map((r) => r.id),
      )
      .execute();
  }
  for (let i = 0; i < audit.length; i += 500) {
    await db
      .insertInto("audit_event")
      .values(
        audit.slice(i, i + 500).map((a) => ({
          id: newId(),
          at: now,
          actor_id: actorId(actor),
          action: "organisation.update",
          entity: "organisation",
          entity_id: a.id,
          changes: JSON.stringify(a.changes),
        })),
      )
      .execute();
  }
  return { parents: audit.length - successors, successors };
}
