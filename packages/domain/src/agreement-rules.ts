import type { AgreementStatus, StoredStatus, TransitionAction } from "./agreement.js";
import { type FieldError, fieldMessage } from "./errors.js";

/** Adds days to an ISO date (YYYY-MM-DD), in UTC. */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The status a person sees: an active agreement whose end has passed is expired, and one
 * that ends within the window is expiring. Other statuses are as stored.
 */
export function effectiveStatus(
  stored: StoredStatus,
  endsOn: string | null,
  today: string,
  windowDays: number,
): AgreementStatus {
  if (stored !== "active" || !endsOn) return stored;
  if (endsOn < today) return "expired";
  if (endsOn <= addDays(today, windowDays)) return "expiring";
  return "active";
}

const FROM: Record<TransitionAction, ReadonlyArray<AgreementStatus>> = {
  start_negotiation: ["draft"],
  request_signature: ["draft", "negotiation"],
  activate: ["draft", "negotiation", "awaiting_signature"],
  terminate: ["active", "expiring"],
  reopen: ["negotiation", "awaiting_signature"],
};

const TO: Record<Exclude<TransitionAction, "reopen">, StoredStatus> = {
  start_negotiation: "negotiation",
  request_signature: "awaiting_signature",
  activate: "active",
  terminate: "terminated",
};

/** The stored status an action leads to ("reopen" steps back one stage). */
export function targetStatus(action: TransitionAction, current: AgreementStatus): StoredStatus {
  if (action === "reopen") return current === "awaiting_signature" ? "negotiation" : "draft";
  return TO[action];
}

/** Lifecycle actions open from a status; renewal is open to active, expiring and expired agreements. */
export function allowedActions(status: AgreementStatus): Array<TransitionAction | "renew"> {
  const out: Array<TransitionAction | "renew"> = (Object.keys(FROM) as TransitionAction[]).filter((a) =>
    FROM[a].includes(status),
  );
  if (status === "active" || status === "expiring" || status === "expired") out.push("renew");
  return out;
}

export interface TransitionFacts {
  status: AgreementStatus;
  signedOn: string | null;
  startsOn: string | null;
  endsOn: string | null;
  signatories: number;
  parties: number;
}

/** A field and why it is refused, in English with the template and values it was filled from. */
export type RuleViolation = FieldError;

/** Why an action is refused, field by field; an empty list means it may go ahead. */
export function transitionViolations(
  action: TransitionAction,
  facts: TransitionFacts,
  input: { on: string | null; reason: string | null },
): RuleViolation[] {
  if (!FROM[action].includes(facts.status)) {
    return [
      {
        field: "action",
        ...fieldMessage("An agreement that is {{status}} cannot {{action}}.", {
          status: facts.status.replace("_", " "),
          action: action.replace("_", " "),
        }),
      },
    ];
  }
  const v: RuleViolation[] = [];
  if (action === "activate") {
    if (!facts.signedOn) v.push({ field: "signedOn", message: "Record the signature date before activating." });
    if (facts.signatories === 0) v.push({ field: "signatories", message: "Record who signed before activating." });
    if (facts.parties < 2) v.push({ field: "parties", message: "An agreement binds at least two parties." });
    // Activation takes the signature date as the start when none is given; check that start.
    const start = facts.startsOn ?? facts.signedOn;
    if (start && facts.endsOn && facts.endsOn < start) {
      v.push({ field: "endsOn", message: "The agreement cannot end before it starts." });
    }
  }
  if (action === "terminate") {
    if (!input.on) v.push({ field: "on", message: "Give the date the termination takes effect." });
    if (!input.reason) v.push({ field: "reason", message: "Give the reason for the termination." });
    const start = facts.startsOn ?? facts.signedOn;
    if (input.on && start && input.on < start)
      v.push({ field: "on", message: "An agreement cannot end before it starts." });
  }
  return v;
}
