import { hash, verify } from "@node-rs/argon2";
import { zxcvbn, zxcvbnOptions } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as en from "@zxcvbn-ts/language-en";
import { AppError } from "#shared/app-error.js";

// OWASP's argon2id baseline: 19 MiB, two passes, one lane.
// algorithm 2 is Argon2id (the package exports it as an ambient const enum).
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/** Verifies against a throw-away hash so unknown e-mails take as long as known ones. */
export async function burnVerification(password: string): Promise<void> {
  dummy ??= hashPassword("conventio-timing-equaliser");
  await verifyPassword(await dummy, password);
}

/** zxcvbn's scale: 3 is "safely unguessable: moderate protection from offline slow-hash scenario". */
const MIN_SCORE = 3;
let strengthReady = false;

/**
 * Refuses a password an attacker would guess early (common passwords, keyboard walks, repeats,
 * the person's own name or e-mail), as zxcvbn estimates it with its common and English lists.
 */
export function checkPasswordStrength(password: string, personal: ReadonlyArray<string>, field = "password"): void {
  if (!strengthReady) {
    zxcvbnOptions.setOptions({
      graphs: common.adjacencyGraphs,
      dictionary: { ...common.dictionary, ...en.dictionary },
    });
    strengthReady = true;
  }
  const inputs = personal.flatMap((p) => [p, ...p.split(/[@.\s_-]+/)]).filter((p) => p.length >= 3);
  if (password.trim().length === 0 || zxcvbn(password, inputs).score < MIN_SCORE) {
    throw AppError.field(
      "validation_failed",
      field,
      "This password is too easy to guess. Use a longer one, such as a few unrelated words.",
    );
  }
}
