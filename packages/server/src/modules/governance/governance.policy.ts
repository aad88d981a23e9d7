import type { Actor } from "@conventio/domain";
import { requireRole } from "#shared/policy.js";

/** Governance is internal: viewers read it, editors run it. Any signed-in user sees their own actions. */
export const governancePolicy = {
  read: (actor: Actor) => requireRole(actor, "viewer"),
  write: (actor: Actor) => requireRole(actor, "editor"),
};
