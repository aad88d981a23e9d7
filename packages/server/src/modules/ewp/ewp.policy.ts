import type { Actor } from "@conventio/domain";
import { requireRole } from "#shared/policy.js";

/** Viewers read what the installation serves to the EWP network; editors retry its calls; administrators describe its institutions. */
export const ewpPolicy = {
  read: (actor: Actor) => requireRole(actor, "viewer"),
  describeInstitution: (actor: Actor) => requireRole(actor, "admin"),
  /** Sending a notification or a fetch again is editors' work, like the change that made it. */
  retry: (actor: Actor) => requireRole(actor, "editor"),
};
