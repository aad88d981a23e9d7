import type { Actor } from "@conventio/domain";
import { requireRole } from "#shared/policy.js";

/** Searching the reference registry is internal work; adding from it is an editor's. */
export const registryPolicy = {
  search: (actor: Actor) => requireRole(actor, "viewer"),
  adopt: (actor: Actor) => requireRole(actor, "editor"),
};
