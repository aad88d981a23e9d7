import { type Actor, hasRole, type UserRole } from "@conventio/domain";
import { AppError } from "./app-error.js";

/**
 * Throws unless the actor holds the role: anonymous callers get "unauthenticated"
 * (sign in and try again), signed-in callers without the role get "forbidden".
 */
export function requireRole(actor: Actor, role: UserRole): asserts actor is SignedIn {
  if (actor.kind === "public") throw new AppError("unauthenticated", "Sign in to do this.");
  if (!hasRole(actor, role)) throw new AppError("forbidden", "This needs the {{role}} role.", { params: { role } });
}

export type SignedIn = Extract<Actor, { kind: "user" }>;

/** A policy rule that lets the caller go on knowing who is signed in. */
export type Guard = (actor: Actor) => asserts actor is SignedIn;

/** The id recorded in the audit log; work done by Conventio itself is recorded without one. */
export function actorId(actor: Actor): string | null {
  return actor.kind === "user" && actor.id !== "system" ? actor.id : null;
}
