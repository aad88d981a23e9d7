import type { Actor } from "@conventio/domain";
import { type Guard, requireRole } from "#shared/policy.js";

/** Each signed-in account reads and clears its own inbox. */
export const reminderPolicy: { readInbox: Guard } = {
  readInbox: (actor: Actor) => requireRole(actor, "viewer"),
};
