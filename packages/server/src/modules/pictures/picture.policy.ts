import type { Actor } from "@conventio/domain";
import { requireRole } from "#shared/policy.js";

/**
 * Viewers see every picture of a record, editors upload, describe, publish and remove them.
 * The public sees a picture only when it is public, has a text alternative, and its record is
 * one the public sees (the record's own visibility rule, read by the repository).
 */
export const picturePolicy = {
  read: (actor: Actor) => requireRole(actor, "viewer"),
  write: (actor: Actor) => requireRole(actor, "editor"),
  shownToPublic: (picture: { isPublic: boolean; hasAlt: boolean }, ownerPublic: boolean): boolean =>
    picture.isPublic && picture.hasAlt && ownerPublic,
};
