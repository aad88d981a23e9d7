import { type Actor, hasRole } from "@conventio/domain";
import { type Guard, requireRole } from "#shared/policy.js";

/**
 * Events and news: everyone reads what is published, staff read drafts and internal items,
 * staff may preview an item as the public would read it, editors write and moderate, and any
 * signed-in account may comment.
 */
export const publicationPolicy: {
  seesUnpublished: (actor: Actor) => boolean;
  moderates: (actor: Actor) => boolean;
  comment: Guard;
  preview: Guard;
  readQueue: Guard;
  write: Guard;
} = {
  seesUnpublished: (actor: Actor) => hasRole(actor, "viewer"),
  moderates: (actor: Actor) => hasRole(actor, "editor"),
  comment: (actor: Actor) => requireRole(actor, "viewer"),
  preview: (actor: Actor) => requireRole(actor, "viewer"),
  readQueue: (actor: Actor) => requireRole(actor, "editor"),
  write: (actor: Actor) => requireRole(actor, "editor"),
};
