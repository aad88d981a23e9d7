import type { Actor } from "@conventio/domain";
import { requireRole } from "#shared/policy.js";

/** Viewers download what is attached to a record; editors attach new files and versions. */
export const documentPolicy = {
  read: (actor: Actor) => requireRole(actor, "viewer"),
  upload: (actor: Actor) => requireRole(actor, "editor"),
};
