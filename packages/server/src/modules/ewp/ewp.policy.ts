import type { Actor } from "@conventio/domain";
import { requireRole } from "#shared/policy.js";

/** Viewers read what the installation serves to the EWP network; administrators describe its institutions. */
export const ewpPolicy = {
  read: (actor: Actor) => requireRole(actor, "viewer"),
  describeInstitution: (actor: Actor) => requireRole(actor, "admin"),
};
