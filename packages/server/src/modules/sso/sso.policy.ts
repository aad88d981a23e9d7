import type { Actor } from "@conventio/domain";
import { type Guard, requireRole } from "#shared/policy.js";

/** Sign-in providers decide who becomes which role: administrators only. */
export const ssoPolicy: { manageProviders: Guard; signOut: Guard } = {
  manageProviders: (actor: Actor) => requireRole(actor, "admin"),
  // Anyone signed in may end their own session.
  signOut: (actor: Actor) => requireRole(actor, "viewer"),
};
