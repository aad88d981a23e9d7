import type { Actor } from "@conventio/domain";
import { requireRole } from "#shared/policy.js";

/** Only administrators manage accounts; editors see whom work can be given to. */
export const accountPolicy = {
  manageUsers: (actor: Actor) => requireRole(actor, "admin"),
  listAssignable: (actor: Actor) => requireRole(actor, "editor"),
};
