import { type Kysely, sql } from "kysely";
import type { DB } from "#db/schema.js";

/** One counter of sign-in attempts and how many it allows in a window. */
export interface ThrottleKey {
  key: string;
  limit: number;
}

/**
 * The counters a sign-in is checked against (decision 026): the account from this address, which
 * stops guessing without letting anyone lock the owner out from elsewhere; and the address across
 * accounts, with a wider limit, which stops one address trying many accounts.
 */
export function signInKeys(email: string, ip: string, maxFailures: number): ThrottleKey[] {
  return [
    { key: `account-ip:${email.toLowerCase()}|${ip}`, limit: maxFailures },
    { key: `ip:${ip}`, limit: maxFailures * 10 },
  ];
}

/**
 * Counts one attempt on every key before the password is checked, each in one atomic statement,
 * so that parallel attempts cannot all pass a check made before any of them is counted. Answers
 * null when the attempt may go on, or when the caller may try again.
 */
export async function reserveAttempt(
  db: Kysely<DB>,
  keys: ThrottleKey[],
  now: Date,
  windowMs: number,
): Promise<Date | null> {
  const at = now.toISOString();
  const windowStart = new Date(now.getTime() - windowMs).toISOString();
  let retryAt: Date | null = null;
  for (const { key, limit } of keys) {
    const row = await db
      .insertInto("login_throttle")
      .values({ key, failures: 1, first_failure_at: at, locked_until: null })
      .onConflict((oc) =>
        oc.column("key").doUpdateSet({
          failures: sql<number>`case when login_throttle.first_failure_at < ${windowStart} then 1 else login_throttle.failures + 1 end`,
          first_failure_at: sql<string>`case when login_throttle.first_failure_at < ${windowStart} then ${at} else login_throttle.first_failure_at end`,
        }),
      )
      .returning(["failures", "first_failure_at"])
      .executeTakeFirstOrThrow();
    if (Number(row.failures) > limit) {
      const until = new Date(new Date(row.first_failure_at).getTime() + windowMs);
      if (!retryAt || until > retryAt) retryAt = until;
    }
  }
  return retryAt;
}

/** A successful sign-in: its account and address start afresh, and its attempt no longer counts against the address. */
export async function settleSuccess(db: Kysely<DB>, keys: ThrottleKey[]): Promise<void> {
  const [account, ...others] = keys;
  if (account) await db.deleteFrom("login_throttle").where("key", "=", account.key).execute();
  for (const { key } of others) {
    await db
      .updateTable("login_throttle")
      .set({ failures: sql<number>`case when failures > 0 then failures - 1 else 0 end` })
      .where("key", "=", key)
      .execute();
  }
}
