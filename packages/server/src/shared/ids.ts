import { createHash, randomBytes, randomUUID } from "node:crypto";

/** A new random identifier for a row. */
export function newId(): string {
  return randomUUID();
}

/** A secret token for cookies and one-time links (256 bits, URL-safe). */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Tokens are stored hashed, so a leaked database does not leak sessions. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
