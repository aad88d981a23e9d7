import type { Actor } from "@conventio/domain";
import { type Guard, requireRole } from "#shared/policy.js";

/** Only administrators manage accounts; editors see whom work can be given to; everyone keeps their own settings. */
export const accountPolicy: { manageUsers: Guard; listAssignable: Guard; ownPreferences: Guard } = {
  manageUsers: (actor: Actor) => requireRole(actor, "admin"),
  listAssignable: (actor: Actor) => requireRole(actor, "editor"),
  // Anyone signed in sets their own preferences.
  ownPreferences: (actor: Actor) => requireRole(actor, "viewer"),
};
