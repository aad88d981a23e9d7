import type { Actor } from "@conventio/domain";
import { requireRole } from "#shared/policy.js";

/**
 * Searching everything is staff work: every signed-in role reads the lists it covers. What each
 * group holds is then narrowed as its own list narrows it (units, drafts).
 */
export const searchPolicy = {
  read: (actor: Actor) => requireRole(actor, "viewer"),
};
