import type { Actor } from "@conventio/domain";
import { requireRole } from "#shared/policy.js";

/** Editors and admins import spreadsheets; what they write is checked by each record's own rules. */
export const importPolicy = {
  run: (actor: Actor) => requireRole(actor, "editor"),
};
