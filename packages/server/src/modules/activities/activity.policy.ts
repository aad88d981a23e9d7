import type { Actor } from "@conventio/domain";
import { requireRole } from "#shared/policy.js";

/** Viewers read activities, indicators and the exchange balance; editors record and change them. */
export const activityPolicy = {
  read: (actor: Actor) => requireRole(actor, "viewer"),
  write: (actor: Actor) => requireRole(actor, "editor"),
};
