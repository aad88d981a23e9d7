import type { Actor } from "@conventio/domain";
import { requireRole } from "#shared/policy.js";

/**
 * Searching the reference registry is internal work; adding from it is an editor's; refreshing it,
 * or creating partners from a whole file, is an administrator's.
 */
export const registryPolicy = {
  search: (actor: Actor) => requireRole(actor, "viewer"),
  adopt: (actor: Actor) => requireRole(actor, "editor"),
  import: (actor: Actor) => requireRole(actor, "admin"),
};
