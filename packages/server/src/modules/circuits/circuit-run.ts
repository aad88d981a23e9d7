import {
  type MessageParams,
  type TransitionAction,
  type UiLanguage,
  USER_ROLES,
  type UserRole,
} from "@conventio/domain";
import type { Kysely } from "kysely";
import type { DB } from "#db/schema.js";
import { AppError } from "#shared/app-error.js";
import { newId } from "#shared/ids.js";
import * as repo from "./circuit.repository.js";

/** How long a step may wait before its approvers are reminded a second time. */
const LATE_AFTER_DAYS = 7;

export const CIRCUIT_REMINDER_SUBJECT = "Your approval is awaited: {{step}} for {{ref}} {{title}}";
export const CIRCUIT_LATE_REMINDER_SUBJECT = "Still awaiting your approval: {{step}} for {{ref}} {{title}}";

/**
 * What the approval circuit asks of an agreement's move, inside the move's transaction:
 * requesting the signature starts a run of its kind's circuit, reopening it sets the run aside
 * (what was approved may change), and activation, which records the signature, waits until
 * every step has approved.
 */
export async function applyCircuitRules(
  trx: Kysely<DB>,
  move: { agreement: { id: string; kind: string }; action: TransitionAction; at: string },
): Promise<void> {
  const { agreement, action, at } = move;
  if (action === "request_signature" || action === "reopen") {
    await trx
      .updateTable("approval_run")
      .set({ status: "superseded", finished_at: at })
      .where("agreement_id", "=", agreement.id)
      .where("status", "!=", "superseded")
      .execute();
  }
  if (action === "request_signature") await startRun(trx, agreement, at);
  if (action === "activate") await requireCircuitApproved(trx, agreement);
}

async function startRun(trx: Kysely<DB>, agreement: { id: string; kind: string }, at: string): Promise<void> {
  const circuit = await repo.findCircuitForKind(trx, agreement.kind);
  if (!circuit) return;
  const steps = await repo.circuitSteps(trx, [circuit.id]);
  if (steps.length === 0) return;
  const runId = newId();
  await trx
    .insertInto("approval_run")
    .values({
      id: runId,
      agreement_id: agreement.id,
      circuit_name: circuit.name,
      status: "pending",
      current_position: 0,
      round: 1,
      step_since: at,
      started_at: at,
      finished_at: null,
    })
    .execute();
  await trx
    .insertInto("approval_run_step")
    .values(
      steps.map((s, i) => ({
        id: newId(),
        run_id: runId,
        position: i,
        name: s.name,
        approver_user_id: s.approver_user_id,
        approver_role: s.approver_role,
        checklist: s.checklist,
      })),
    )
    .execute();
}

/** Refuses activation while the agreement's circuit has not approved, naming the step it waits for. */
export async function requireCircuitApproved(trx: Kysely<DB>, agreement: { id: string; kind: string }): Promise<void> {
  const run = await repo.latestRun(trx, agreement.id);
  if (run?.status === "approved") return;
  if (run?.status === "pending") {
    const step = (await repo.runSteps(trx, run.id)).find((s) => s.position === run.current_position);
    throw AppError.field(
      "conflict",
      "circuit",
      "Activation waits for the approval circuit: {{step}} has not approved yet.",
      {
        step: step?.name ?? "",
      },
    );
  }
  if (await repo.findCircuitForKind(trx, agreement.kind)) {
    throw AppError.field(
      "conflict",
      "circuit",
      "Activation waits for the approval circuit: request the signature to start it.",
    );
  }
}

/** Roles that satisfy a step asking for `role`: that role and those above it. */
export function rolesFrom(role: UserRole): UserRole[] {
  return USER_ROLES.slice(USER_ROLES.indexOf(role));
}

/** Roles a step may ask for and still count `role` among its approvers. */
export function rolesUpTo(role: UserRole): UserRole[] {
  return USER_ROLES.slice(0, USER_ROLES.indexOf(role) + 1);
}

export interface CircuitReminder {
  key: string;
  kind: string;
  subject: { key: string; params: MessageParams };
  link: string;
  recipients: Array<{ id: string; email: string; language: UiLanguage }>;
}

/**
 * Reminders for steps waiting for a decision: one when the step's turn comes (each round anew,
 * since a send-back asks again), one more when it has waited a week.
 */
export async function circuitReminders(db: Kysely<DB>, now: Date): Promise<CircuitReminder[]> {
  const waiting = await repo.waitingSteps(db).execute();
  const out: CircuitReminder[] = [];
  const lateBefore = new Date(now.getTime() - LATE_AFTER_DAYS * 86_400_000).toISOString();
  for (const w of waiting) {
    let users = db.selectFrom("app_user").select(["id", "email", "language"]).where("disabled", "=", 0).orderBy("id");
    if (w.approver_user_id) users = users.where("id", "=", w.approver_user_id);
    else if (w.approver_role) users = users.where("role", "in", rolesFrom(w.approver_role as UserRole));
    else users = users.where("role", "=", "admin");
    const recipients = await users.execute();
    if (recipients.length === 0) continue;
    const key = `circuit:${w.run_id}:${w.round}:${w.position}`;
    const params = { step: w.step_name, ref: w.reference, title: w.title };
    const link = `/agreements/${w.agreement_id}`;
    out.push({ key, kind: "circuit", subject: { key: CIRCUIT_REMINDER_SUBJECT, params }, link, recipients });
    if (w.step_since <= lateBefore) {
      out.push({
        key: `${key}:late`,
        kind: "circuit",
        subject: { key: CIRCUIT_LATE_REMINDER_SUBJECT, params },
        link,
        recipients,
      });
    }
  }
  return out;
}
