import { type Guard, requireRole } from "#shared/policy.js";

/** Anyone reads the settings (the public pages are made from them); only administrators change them. */
export const siteSettingsPolicy: { manage: Guard } = {
  manage: (actor) => requireRole(actor, "admin"),
};
