import type { Actor } from "@conventio/domain";
import { requireRole } from "#shared/policy.js";

/** A progress review gathers internal data: viewers and up. */
export const reviewPolicy = {
  read: (actor: Actor) => requireRole(actor, "viewer"),
};
