import type { Actor } from "@conventio/domain";
import { requireRole } from "#shared/policy.js";

/** Only administrators manage accounts. */
export const accountPolicy = {
  manageUsers: (actor: Actor) => requireRole(actor, "admin"),
};
