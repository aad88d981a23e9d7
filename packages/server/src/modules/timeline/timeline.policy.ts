import type { Actor } from "@conventio/domain";
import { requireRole } from "#shared/policy.js";

/** A partner's timeline shows internal agreements and meetings: viewers and up. */
export const timelinePolicy = {
  read: (actor: Actor) => requireRole(actor, "viewer"),
};
