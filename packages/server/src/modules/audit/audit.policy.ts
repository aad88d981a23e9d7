import type { Actor } from "@conventio/domain";
import { requireRole } from "#shared/policy.js";

/** The audit log is for administrators only. */
export const auditPolicy = {
  read: (actor: Actor) => requireRole(actor, "admin"),
};
