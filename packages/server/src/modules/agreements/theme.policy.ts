import type { Actor } from "@conventio/domain";
import { requireRole } from "#shared/policy.js";

/** Viewers read the vocabulary of themes; administrators keep it. */
export const themePolicy = {
  read: (actor: Actor) => requireRole(actor, "viewer"),
  manage: (actor: Actor) => requireRole(actor, "admin"),
};
