import { randomBytes } from "node:crypto";
import {
  type Actor,
  type CreatedToken,
  type CreateTokenInput,
  TOKEN_PREFIX,
  type TokenScope,
  type TokenView,
} from "@conventio/domain";
import { scopeOf } from "#modules/accounts/unit-scope.js";
import { recordAudit } from "#modules/audit/audit.service.js";
import { AppError } from "#shared/app-error.js";
import { type Deps, nowIso } from "#shared/deps.js";
import { hashToken, newId } from "#shared/ids.js";
import type { SignedIn } from "#shared/policy.js";
import { tokenPolicy } from "./token.policy.js";
import { presentToken } from "./token.presenter.js";

/** How much of a token lists show: the mark and a few random characters. */
const VISIBLE_CHARS = TOKEN_PREFIX.length + 6;
/** Last use is written at most this often per token, so reading with a token is not a write per request. */
const LAST_USE_EVERY_MS = 60_000;
const TOKEN_SHAPE = new RegExp(`^${TOKEN_PREFIX}[A-Za-z0-9_-]{43}$`);

/** Who a valid token acts as, and how far. */
export interface TokenBearer {
  actor: SignedIn;
  tokenId: string;
  scope: TokenScope;
}

export function createTokenService(deps: Deps) {
  const { db, clock } = deps;

  async function insertToken(actor: Actor, userId: string, input: CreateTokenInput): Promise<CreatedToken> {
    const user = await db.selectFrom("app_user").select(["id", "disabled"]).where("id", "=", userId).executeTakeFirst();
    if (!user || user.disabled) throw AppError.field("not_found", "userId", "This account was not found.");
    const now = clock.now();
    const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
    const row = {
      id: newId(),
      user_id: userId,
      name: input.name,
      scope: input.scope,
      token_hash: hashToken(token),
      prefix: token.slice(0, VISIBLE_CHARS),
      created_at: now.toISOString(),
      expires_at: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString() : null,
      last_used_at: null,
      revoked_at: null,
    };
    await db.transaction().execute(async (trx) => {
      await trx.insertInto("api_token").values(row).execute();
      await recordAudit(trx, row.created_at, {
        actor,
        action: "token.create",
        entity: "user",
        entityId: userId,
        changes: { token: row.id, name: row.name, scope: row.scope, expiresAt: row.expires_at },
      });
    });
    return { ...presentToken(row), token };
  }

  return {
    /** A new token for oneself, or for another account when an administrator asks; its secret is returned this once. */
    async createToken(actor: Actor, input: CreateTokenInput): Promise<CreatedToken> {
      tokenPolicy.ownTokens(actor);
      const userId = input.userId ?? actor.id;
      if (userId !== actor.id) tokenPolicy.othersTokens(actor);
      return insertToken(actor, userId, input);
    },

    /** For the CLI: the operator is trusted and names the account by e-mail. */
    async createTokenAsOperator(email: string, input: Omit<CreateTokenInput, "userId">): Promise<CreatedToken> {
      const user = await db
        .selectFrom("app_user")
        .select("id")
        .where("email", "=", email.trim().toLowerCase())
        .executeTakeFirst();
      if (!user) throw AppError.field("not_found", "email", "No account has this e-mail.");
      return insertToken({ kind: "public" }, user.id, input);
    },

    /** The caller's own tokens, newest first, revoked ones included; never a secret. */
    async listTokens(actor: Actor): Promise<TokenView[]> {
      tokenPolicy.ownTokens(actor);
      const rows = await db
        .selectFrom("api_token")
        .selectAll()
        .where("user_id", "=", actor.id)
        .orderBy("created_at", "desc")
        .orderBy("id", "desc")
        .execute();
      return rows.map(presentToken);
    },

    /** Stops a token working at once; the caller's own, or any when an administrator asks. Revoking twice is harmless. */
    async revokeToken(actor: Actor, id: string): Promise<void> {
      tokenPolicy.ownTokens(actor);
      const row = await db.selectFrom("api_token").selectAll().where("id", "=", id).executeTakeFirst();
      // Someone else's token is "not found" to a non-administrator, so ids reveal nothing.
      if (!row || (row.user_id !== actor.id && actor.role !== "admin")) throw AppError.notFound("This token");
      if (row.revoked_at) return;
      const now = nowIso(deps);
      await db.transaction().execute(async (trx) => {
        await trx.updateTable("api_token").set({ revoked_at: now }).where("id", "=", id).execute();
        await recordAudit(trx, now, {
          actor,
          action: "token.revoke",
          entity: "user",
          entityId: row.user_id,
          changes: { token: row.id, name: row.name },
        });
      });
    },

    /**
     * The account behind a bearer token, or null when the token is malformed, unknown, expired,
     * revoked, or its account disabled or gone. Records the use, at most once a minute.
     */
    async resolveToken(token: string): Promise<TokenBearer | null> {
      if (!TOKEN_SHAPE.test(token)) return null;
      const row = await db
        .selectFrom("api_token as t")
        .innerJoin("app_user as u", "u.id", "t.user_id")
        .select(["t.id", "t.scope", "t.expires_at", "t.revoked_at", "t.last_used_at"])
        .select(["u.id as user_id", "u.role", "u.name", "u.disabled"])
        .where("t.token_hash", "=", hashToken(token))
        .executeTakeFirst();
      const now = clock.now();
      if (!row || row.revoked_at || row.disabled) return null;
      if (row.expires_at && row.expires_at <= now.toISOString()) return null;
      if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) >= LAST_USE_EVERY_MS) {
        await db.updateTable("api_token").set({ last_used_at: now.toISOString() }).where("id", "=", row.id).execute();
      }
      // A token acts within the units its account is limited to.
      const scope = await scopeOf(db, row.user_id, row.role);
      return {
        actor: {
          kind: "user",
          id: row.user_id,
          role: row.role,
          name: row.name,
          ...(scope ? { units: scope.ids } : {}),
        },
        tokenId: row.id,
        scope: row.scope,
      };
    },
  };
}
export type TokenService = ReturnType<typeof createTokenService>;
