import type { Actor } from "@conventio/domain";
import { requireRole } from "#shared/policy.js";

/** The dashboard and the dormant list are internal: viewers and up. */
export const dashboardPolicy = {
  read: (actor: Actor) => requireRole(actor, "viewer"),
};
