import type { Actor } from "@conventio/domain";
import { requireRole } from "#shared/policy.js";

/** A progress review gathers internal data: viewers and up read it, editors record that it was held. */
export const reviewPolicy = {
  read: (actor: Actor) => requireRole(actor, "viewer"),
  record: (actor: Actor) => requireRole(actor, "editor"),
};
