import type { Actor } from "@conventio/domain";
import { requireRole } from "#shared/policy.js";

/** Viewers read the registry, editors change it; the public reads only public organisations. */
export const organisationPolicy = {
  read: (actor: Actor) => requireRole(actor, "viewer"),
  write: (actor: Actor) => requireRole(actor, "editor"),
};
