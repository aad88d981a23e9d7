import type { Actor } from "@conventio/domain";
import { requireRole } from "#shared/policy.js";

/** People are internal: viewers read, editors write, only administrators export or erase personal data. */
export const personPolicy = {
  read: (actor: Actor) => requireRole(actor, "viewer"),
  write: (actor: Actor) => requireRole(actor, "editor"),
  exportOrErase: (actor: Actor) => requireRole(actor, "admin"),
};
