import { z } from "zod";

/**
 * What a personal API token may do: `read` is limited to safe methods (GET, HEAD), `write` acts
 * with everything its owner's role allows.
 */
export const TOKEN_SCOPES = ["read", "write"] as const;
export const TokenScope = z.enum(TOKEN_SCOPES);
export type TokenScope = z.infer<typeof TokenScope>;

/** The mark every token starts with, so it can be recognised in logs and by secret scanners. */
export const TOKEN_PREFIX = "cvt_";
export const TOKEN_MAX_DAYS = 3650;

export const CreateTokenInput = z.strictObject({
  name: z.string().trim().min(1).max(100).describe("What the token is for, to tell it apart later"),
  scope: TokenScope,
  expiresInDays: z
    .number()
    .int()
    .min(1)
    .max(TOKEN_MAX_DAYS)
    .nullish()
    .describe("Days until the token stops working; none for a token that never expires"),
  userId: z.string().min(1).max(64).optional().describe("Administrators only: the account the token acts as"),
});
export type CreateTokenInput = z.infer<typeof CreateTokenInput>;

/** A token as listed: never its secret. */
export const TokenView = z.object({
  id: z.string(),
  name: z.string(),
  scope: TokenScope,
  prefix: z.string().describe("The token's first characters, to recognise it"),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable().describe("Recorded at most once a minute"),
  revokedAt: z.string().nullable(),
});
export type TokenView = z.infer<typeof TokenView>;

/** The answer to a creation: the only time the secret is shown. */
export const CreatedToken = TokenView.extend({
  token: z.string().describe("The secret, shown this once: send it as Authorization: Bearer <token>"),
});
export type CreatedToken = z.infer<typeof CreatedToken>;
