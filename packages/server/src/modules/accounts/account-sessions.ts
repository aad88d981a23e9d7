import type { UserView } from "@conventio/domain";
import type { Kysely } from "kysely";
import type { DB } from "#db/schema.js";
import type { Clock } from "#shared/clock.js";
import { hashToken, newToken } from "#shared/ids.js";

export interface SignedIn {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: UserView;
}

/** Where a sign-in came from, shown in the person's list of sessions. */
export interface SessionOrigin {
  ip?: string | undefined;
  userAgent?: string | undefined;
}

/**
 * Opens a session for an account whose identity was just proven (password, second factor or an
 * identity provider): a random cookie token, stored only as its hash, and a CSRF token.
 */
export async function openSession(
  db: Kysely<DB>,
  clock: Clock,
  sessionDays: number,
  user: UserView,
  origin: SessionOrigin = {},
): Promise<SignedIn> {
  const token = newToken();
  const csrfToken = newToken();
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + sessionDays * 86_400_000);
  await db
    .insertInto("user_session")
    .values({
      id: hashToken(token),
      user_id: user.id,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      expires_at: expiresAt.toISOString(),
      ip: origin.ip?.slice(0, 100) ?? null,
      user_agent: origin.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, csrfToken, expiresAt, user };
}
