import { type Actor, hasRole, type UserRole } from "@conventio/domain";
import { AppError } from "#shared/app-error.js";
import { type Guard, requireRole, type SignedIn } from "#shared/policy.js";

/** The approver a step names: one account, or any account holding at least a role. */
export interface StepApprover {
  approver_user_id: string | null;
  approver_role: string | null;
}

/** True when the account is the step's approver; administrators may decide any step besides. */
export function mayDecide(actor: SignedIn, step: StepApprover): boolean {
  if (hasRole(actor, "admin")) return true;
  if (step.approver_user_id) return step.approver_user_id === actor.id;
  return step.approver_role !== null && hasRole(actor, step.approver_role as UserRole);
}

/** Administrators define circuits; staff read an agreement's run; only a step's approver decides it. */
export const circuitPolicy: {
  manage: Guard;
  read: Guard;
  decide: (actor: SignedIn, step: StepApprover) => void;
} = {
  manage: (actor: Actor) => requireRole(actor, "admin"),
  read: (actor: Actor) => requireRole(actor, "viewer"),
  decide: (actor, step) => {
    if (!mayDecide(actor, step)) throw new AppError("forbidden", "Only the approver of this step can decide it.");
  },
};
