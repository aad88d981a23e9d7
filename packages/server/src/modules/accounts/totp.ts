import type { TotpSetup } from "@conventio/domain";
import type { Kysely } from "kysely";
import { Secret, TOTP } from "otpauth";
import type { DB } from "#db/schema.js";
import { AppError } from "#shared/app-error.js";

const PERIOD_SECONDS = 30;

function totpOf(secret: string, label: string): TOTP {
  return new TOTP({
    issuer: "Conventio",
    label,
    algorithm: "SHA1",
    digits: 6,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  });
}

/** A fresh secret for an authenticator app, as text and as an otpauth:// address. */
export function newTotpSecret(label: string): TotpSetup {
  const secret = new Secret({ size: 20 }).base32;
  return { secret, uri: totpOf(secret, label).toString() };
}

/** The time step a code belongs to, allowing one step of clock drift either way; null when wrong. */
export function stepOfCode(secret: string, code: string, now: Date): number | null {
  const delta = totpOf(secret, "check").validate({ token: code, timestamp: now.getTime(), window: 1 });
  return delta === null ? null : Math.floor(now.getTime() / 1000 / PERIOD_SECONDS) + delta;
}

/** Whether the account has a confirmed authenticator. */
export async function hasSecondFactor(db: Kysely<DB>, userId: string): Promise<boolean> {
  const row = await db.selectFrom("user_totp").select("enabled_at").where("user_id", "=", userId).executeTakeFirst();
  return Boolean(row?.enabled_at);
}

/**
 * Checks a sign-in's code against the account's authenticator, when it has one: a missing or
 * wrong code is refused on the field `code`, and a code is accepted once (its step is kept).
 */
export async function checkSecondFactor(
  db: Kysely<DB>,
  userId: string,
  code: string | undefined,
  now: Date,
  opts: { confirming?: boolean } = {},
): Promise<void> {
  const row = await db.selectFrom("user_totp").selectAll().where("user_id", "=", userId).executeTakeFirst();
  if (!row || (!row.enabled_at && !opts.confirming)) return;
  if (!code) {
    throw AppError.field("unauthenticated", "code", "Enter the six-digit code from your authenticator app.");
  }
  const step = stepOfCode(row.secret, code, now);
  if (step === null || (row.last_step !== null && step <= row.last_step)) {
    throw AppError.field("unauthenticated", "code", "This code is not right, or was already used.");
  }
  const taken = await db
    .updateTable("user_totp")
    .set({ last_step: step })
    .where("user_id", "=", userId)
    .where((eb) => eb.or([eb("last_step", "is", null), eb("last_step", "<", step)]))
    .executeTakeFirst();
  // Two sign-ins with the same code at once: only one takes its step.
  if (Number(taken.numUpdatedRows) !== 1) {
    throw AppError.field("unauthenticated", "code", "This code is not right, or was already used.");
  }
}
