import type { Actor } from "@conventio/domain";
import { type Guard, requireRole } from "#shared/policy.js";

/** Everyone signed in keeps their own tokens; only administrators make or revoke another account's. */
export const tokenPolicy: { ownTokens: Guard; othersTokens: Guard } = {
  ownTokens: (actor: Actor) => requireRole(actor, "viewer"),
  othersTokens: (actor: Actor) => requireRole(actor, "admin"),
};
