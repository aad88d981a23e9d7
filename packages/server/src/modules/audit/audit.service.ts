import type { Actor, AuditEventView, Page } from "@conventio/domain";
import type { Kysely } from "kysely";
import type { DB } from "#db/schema.js";
import { afterKeyset, decodeCursor, toPage } from "#http/pagination.js";
import { chunksOf } from "#shared/chunks.js";
import type { Deps } from "#shared/deps.js";
import { newId } from "#shared/ids.js";
import { actorId } from "#shared/policy.js";
import { auditPolicy } from "./audit.policy.js";

export interface AuditEntry {
  actor: Actor;
  action: string;
  entity: string;
  entityId: string;
  changes: Record<string, unknown>;
}

/** Writes one audit event inside the caller's transaction, so the change and its record land together. */
export async function recordAudit(trx: Kysely<DB>, at: string, entry: AuditEntry): Promise<void> {
  await recordAudits(trx, at, [entry]);
}

/** Records many entries with a few statements, for writes in bulk. */
export async function recordAudits(trx: Kysely<DB>, at: string, entries: ReadonlyArray<AuditEntry>): Promise<void> {
  for (const chunk of chunksOf(entries)) {
    await trx
      .insertInto("audit_event")
      .values(
        chunk.map((entry) => ({
          id: newId(),
          at,
          actor_id: actorId(entry.actor),
          action: entry.action,
          entity: entry.entity,
          entity_id: entry.entityId,
          changes: JSON.stringify(entry.changes),
        })),
      )
      .execute();
  }
}

/** Field-by-field difference of two flat snapshots: { field: [before, after] }. */
export function diffOf(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) out[k] = [before[k] ?? null, after[k] ?? null];
  }
  return out;
}

export function createAuditService(deps: Pick<Deps, "db">) {
  const { db } = deps;
  return {
    /** Newest first; filtered by entity when given. */
    async listEvents(
      actor: Actor,
      q: { entity?: string | undefined; entityId?: string | undefined; cursor?: string | undefined; limit: number },
    ): Promise<Page<AuditEventView>> {
      auditPolicy.read(actor);
      const after = decodeCursor(q.cursor);
      let query = db
        .selectFrom("audit_event as e")
        .leftJoin("app_user as u", "u.id", "e.actor_id")
        .select([
          "e.id",
          "e.at",
          "e.actor_id",
          "u.name as actor_name",
          "e.action",
          "e.entity",
          "e.entity_id",
          "e.changes",
        ])
        .orderBy("e.at", "desc")
        .orderBy("e.id", "desc")
        .limit(q.limit + 1);
      if (q.entity) query = query.where("e.entity", "=", q.entity);
      if (q.entityId) query = query.where("e.entity_id", "=", q.entityId);
      if (after) {
        query = query.where(afterKeyset("e.at", "e.id", after, "desc"));
      }
      const rows = await query.execute();
      return toPage(
        rows,
        q.limit,
        (r) => ({ key: r.at, id: r.id }),
        (r) => ({
          id: r.id,
          at: r.at,
          actor: r.actor_id ? { id: r.actor_id, name: r.actor_name ?? "(removed user)" } : null,
          action: r.action,
          entity: r.entity,
          entityId: r.entity_id,
          changes: JSON.parse(r.changes) as Record<string, unknown>,
        }),
      );
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
