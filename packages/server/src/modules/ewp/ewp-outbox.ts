import type { Kysely, Selectable } from "kysely";
import type { DB } from "#db/schema.js";
import { newId } from "#shared/ids.js";
import type { EwpOutboxTable } from "./ewp.table.js";

export type OutboxItem = Selectable<EwpOutboxTable>;
export type OutboxKind = EwpOutboxTable["kind"];

/** Attempts before an item is given up as failed (an administrator can retry it). */
export const MAX_ATTEMPTS = 12;
/** The longest wait between two attempts. */
const MAX_BACKOFF_MS = 6 * 60 * 60 * 1000;
/** An item left running this long belonged to a process that stopped: it is due again. */
const STALE_RUNNING_MS = 5 * 60 * 1000;

/** A failure that trying again cannot mend: the item ends as skipped with the reason. */
export class OutboxSkip extends Error {}

export interface Enqueue {
  kind: OutboxKind;
  heiId: string;
  partnerHeiId: string;
  iiaId: string;
  agreementId: string | null;
  now: string;
}

/**
 * Adds work to the outbox inside the caller's transaction, so the change and its notification
 * are stored together. Work of the same kind about the same agreement still waiting is made due
 * now instead of doubled.
 */
export async function enqueue(db: Kysely<DB>, item: Enqueue): Promise<void> {
  const waiting = await db
    .selectFrom("ewp_outbox")
    .select("id")
    .where("kind", "=", item.kind)
    .where("partner_hei_id", "=", item.partnerHeiId)
    .where("iia_id", "=", item.iiaId)
    .where("status", "=", "pending")
    .executeTakeFirst();
  if (waiting) {
    await db
      .updateTable("ewp_outbox")
      .set({ next_attempt_at: item.now, updated_at: item.now, attempts: 0 })
      .where("id", "=", waiting.id)
      .execute();
    return;
  }
  await db
    .insertInto("ewp_outbox")
    .values({
      id: newId(),
      kind: item.kind,
      hei_id: item.heiId,
      partner_hei_id: item.partnerHeiId,
      iia_id: item.iiaId,
      agreement_id: item.agreementId,
      status: "pending",
      attempts: 0,
      next_attempt_at: item.now,
      last_error: null,
      created_at: item.now,
      updated_at: item.now,
    })
    .execute();
}

/** The wait before attempt n+1 after n failures: the base doubled each time, six hours at most. */
export function backoffMs(failures: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, failures - 1), MAX_BACKOFF_MS);
}

export type OutboxHandler = (item: OutboxItem) => Promise<void>;

/**
 * Runs the items due now, each claimed first so that two processes never run the same one.
 * A success ends the item; an OutboxSkip ends it as skipped; any other failure schedules a new
 * attempt with back-off, until MAX_ATTEMPTS. Returns how many items were run.
 */
export async function runDue(
  db: Kysely<DB>,
  handle: OutboxHandler,
  options: { now: () => Date; retryBaseMs: number; limit?: number },
): Promise<number> {
  const start = options.now();
  await db
    .updateTable("ewp_outbox")
    .set({ status: "pending" })
    .where("status", "=", "running")
    .where("updated_at", "<", new Date(start.getTime() - STALE_RUNNING_MS).toISOString())
    .execute();
  const due = await db
    .selectFrom("ewp_outbox")
    .selectAll()
    .where("status", "=", "pending")
    .where("next_attempt_at", "<=", start.toISOString())
    .orderBy("next_attempt_at")
    .orderBy("id")
    .limit(options.limit ?? 20)
    .execute();
  let ran = 0;
  for (const item of due) {
    const claimedAt = options.now().toISOString();
    const claim = await db
      .updateTable("ewp_outbox")
      .set({ status: "running", updated_at: claimedAt })
      .where("id", "=", item.id)
      .where("status", "=", "pending")
      .executeTakeFirst();
    if (Number(claim.numUpdatedRows) !== 1) continue;
    ran++;
    const attempts = item.attempts + 1;
    try {
      await handle({ ...item, attempts });
      await db
        .updateTable("ewp_outbox")
        .set({ status: "done", attempts, last_error: null, updated_at: options.now().toISOString() })
        .where("id", "=", item.id)
        .execute();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const at = options.now();
      const giveUp = error instanceof OutboxSkip || attempts >= MAX_ATTEMPTS;
      await db
        .updateTable("ewp_outbox")
        .set({
          status: error instanceof OutboxSkip ? "skipped" : giveUp ? "failed" : "pending",
          attempts,
          last_error: message.slice(0, 2000),
          next_attempt_at: new Date(at.getTime() + backoffMs(attempts, options.retryBaseMs)).toISOString(),
          updated_at: at.toISOString(),
        })
        .where("id", "=", item.id)
        .execute();
    }
  }
  return ran;
}

/** Makes an item due now again, whatever became of it. False when there is no such item. */
export async function retryNow(db: Kysely<DB>, id: string, now: string): Promise<OutboxItem | null> {
  const result = await db
    .updateTable("ewp_outbox")
    .set({ status: "pending", attempts: 0, next_attempt_at: now, updated_at: now })
    .where("id", "=", id)
    .where("status", "!=", "running")
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return null;
  return (await db.selectFrom("ewp_outbox").selectAll().where("id", "=", id).executeTakeFirst()) ?? null;
}
