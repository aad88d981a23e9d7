import type { Actor, CreateUserInput, PreferencesInput, SetupInput, UserRole, UserView } from "@conventio/domain";
import type { Kysely } from "kysely";
import type { DB } from "#db/schema.js";
import { recordAudit } from "#modules/audit/audit.service.js";
import { AppError } from "#shared/app-error.js";
import { type Deps, nowIso } from "#shared/deps.js";
import { hashToken, newId, newToken } from "#shared/ids.js";
import { accountPolicy } from "./account.policy.js";
import { presentUser } from "./account.presenter.js";
import { openSession, type SessionOrigin, type SignedIn } from "./account-sessions.js";
import { burnVerification, checkPasswordStrength, hashPassword, verifyPassword } from "./password.js";
import { reserveAttempt, settleSuccess, signInKeys } from "./sign-in-throttle.js";
import { checkSecondFactor } from "./totp.js";
import { hasUnits, scopeOf, unitsByUser, writeUnits } from "./unit-scope.js";

export interface AccountSettings {
  sessionDays: number;
  maxFailures: number;
  lockMinutes: number;
}

export type { SignedIn } from "./account-sessions.js";

export function createAccountService(deps: Deps, settings: AccountSettings) {
  const { db, clock } = deps;

  /** The row of a new account, its password checked for strength and hashed (the slow part, outside any transaction). */
  async function newUserRow(input: CreateUserInput) {
    checkPasswordStrength(input.password, [input.email, input.name]);
    const now = nowIso(deps);
    return {
      id: newId(),
      email: input.email,
      name: input.name,
      role: input.role,
      password_hash: await hashPassword(input.password),
      disabled: 0,
      language: "en" as const,
      created_at: now,
      updated_at: now,
    };
  }

  async function storeUser(trx: Kysely<DB>, actor: Actor, row: Awaited<ReturnType<typeof newUserRow>>) {
    const existing = await trx.selectFrom("app_user").select("id").where("email", "=", row.email).executeTakeFirst();
    if (existing) throw AppError.field("conflict", "email", "An account with this e-mail already exists.");
    await trx.insertInto("app_user").values(row).execute();
    await recordAudit(trx, row.created_at, {
      actor,
      action: "user.create",
      entity: "user",
      entityId: row.id,
      changes: { email: row.email, name: row.name, role: row.role },
    });
    return presentUser(row);
  }

  async function insertUser(actor: Actor, input: CreateUserInput): Promise<UserView> {
    const row = await newUserRow(input);
    return db.transaction().execute((trx) => storeUser(trx, actor, row));
  }

  return {
    async hasUsers(): Promise<boolean> {
      return (await db.selectFrom("app_user").select("id").limit(1).executeTakeFirst()) !== undefined;
    },

    /** Checks the password, each attempt counted before the check (per account and address, and per address). */
    async signIn(
      email: string,
      password: string,
      ip: string,
      origin: SessionOrigin = { ip },
      code?: string,
    ): Promise<SignedIn> {
      const keys = signInKeys(email, ip, settings.maxFailures);
      const retryAt = await reserveAttempt(db, keys, clock.now(), settings.lockMinutes * 60_000);
      if (retryAt) {
        const retryAfterSeconds = Math.max(1, Math.ceil((retryAt.getTime() - clock.now().getTime()) / 1000));
        throw new AppError("rate_limited", "Too many failed sign-ins. Wait a little and try again.", {
          retryAfterSeconds,
        });
      }
      const user = await db
        .selectFrom("app_user")
        .selectAll()
        .where("email", "=", email.toLowerCase())
        .executeTakeFirst();
      let valid = false;
      if (user) valid = await verifyPassword(user.password_hash, password);
      else await burnVerification(password);
      if (!user || !valid || user.disabled) {
        throw new AppError("unauthenticated", "The e-mail or the password is not right.");
      }
      await checkSecondFactor(db, user.id, code, clock.now());
      await settleSuccess(db, keys);
      return openSession(db, clock, settings.sessionDays, presentUser(user), origin);
    },

    async signOut(token: string): Promise<void> {
      await db.deleteFrom("user_session").where("id", "=", hashToken(token)).execute();
    },

    /**
     * The session behind a cookie token, or null when it is unknown, expired or its user disabled;
     * `units`: the unit ids the account is limited to, everything under them included.
     */
    async resolveSession(token: string): Promise<{ user: UserView; csrfToken: string; units?: string[] } | null> {
      const row = await db
        .selectFrom("user_session as s")
        .innerJoin("app_user as u", "u.id", "s.user_id")
        .selectAll("u")
        .select(["s.csrf_token", "s.expires_at"])
        .where("s.id", "=", hashToken(token))
        .executeTakeFirst();
      if (!row || row.expires_at <= nowIso(deps) || row.disabled) return null;
      const scope = await scopeOf(db, row.id, row.role);
      const user = { ...presentUser(row), units: scope?.roots ?? [] };
      return { user, csrfToken: row.csrf_token, ...(scope ? { units: scope.ids } : {}) };
    },

    /** A new one-time token for creating the first administrator; only while no account exists. */
    async issueSetupToken(): Promise<string | null> {
      if (await this.hasUsers()) return null;
      const token = newToken();
      await db.deleteFrom("setup_token").execute();
      await db
        .insertInto("setup_token")
        .values({ id: hashToken(token), created_at: nowIso(deps) })
        .execute();
      return token;
    },

    /**
     * Creates the first administrator with the token printed at start. The token is taken in the
     * same transaction as the account is made, so that of parallel attempts exactly one succeeds.
     */
    async completeSetup(input: SetupInput): Promise<UserView> {
      if (await this.hasUsers()) throw new AppError("conflict", "Conventio is already set up.");
      const row = await newUserRow({ ...input, role: "admin" });
      return db.transaction().execute(async (trx) => {
        const taken = await trx.deleteFrom("setup_token").where("id", "=", hashToken(input.token)).executeTakeFirst();
        if (Number(taken.numDeletedRows) !== 1) {
          if (await trx.selectFrom("app_user").select("id").limit(1).executeTakeFirst())
            throw new AppError("conflict", "Conventio is already set up.");
          throw AppError.field("forbidden", "token", "This setup token is not valid.");
        }
        if (await trx.selectFrom("app_user").select("id").limit(1).executeTakeFirst())
          throw new AppError("conflict", "Conventio is already set up.");
        return storeUser(trx, { kind: "public" }, row);
      });
    },

    /** For the CLI and first start: no actor check, the operator is trusted. */
    createUserAsOperator(input: CreateUserInput): Promise<UserView> {
      return insertUser({ kind: "public" }, input);
    },

    async createUser(actor: Actor, input: CreateUserInput): Promise<UserView> {
      accountPolicy.manageUsers(actor);
      return insertUser(actor, input);
    },

    /** The signed-in person's own settings: today, the language their e-mails are written in. */
    async setPreferences(actor: Actor, input: PreferencesInput): Promise<UserView> {
      accountPolicy.ownPreferences(actor);
      const now = nowIso(deps);
      const row = await db.transaction().execute(async (trx) => {
        const updated = await trx
          .updateTable("app_user")
          .set({ language: input.language, updated_at: now })
          .where("id", "=", actor.id)
          .returningAll()
          .executeTakeFirst();
        if (!updated) throw AppError.notFound("This account");
        await recordAudit(trx, now, {
          actor,
          action: "user.preferences",
          entity: "user",
          entityId: actor.id,
          changes: { language: input.language },
        });
        return updated;
      });
      return presentUser(row);
    },

    /** Accounts an editor may give work to: id and name of every active account. */
    async listAssignable(actor: Actor): Promise<Array<{ id: string; name: string }>> {
      accountPolicy.listAssignable(actor);
      return db.selectFrom("app_user").select(["id", "name"]).where("disabled", "=", 0).orderBy("name").execute();
    },

    async listUsers(actor: Actor): Promise<UserView[]> {
      accountPolicy.manageUsers(actor);
      const rows = await db.selectFrom("app_user").selectAll().orderBy("email").execute();
      const units = await unitsByUser(
        db,
        rows.map((r) => r.id),
      );
      return rows.map((r) => ({ ...presentUser(r), units: units.get(r.id) ?? [] }));
    },

    async updateUser(
      actor: Actor,
      id: string,
      patch: {
        name?: string | undefined;
        role?: UserRole | undefined;
        disabled?: boolean | undefined;
        units?: string[] | undefined;
      },
    ): Promise<UserView> {
      accountPolicy.manageUsers(actor);
      const now = nowIso(deps);
      return db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom("app_user").selectAll().where("id", "=", id).executeTakeFirst();
        if (!row) throw AppError.notFound("This account");
        if (
          actor.kind === "user" &&
          actor.id === id &&
          ((patch.role !== undefined && patch.role !== "admin") || patch.disabled)
        ) {
          throw AppError.field(
            "conflict",
            patch.disabled ? "disabled" : "role",
            "You cannot demote or disable yourself.",
          );
        }
        const next = {
          ...row,
          name: patch.name ?? row.name,
          role: patch.role ?? row.role,
          disabled: patch.disabled === undefined ? row.disabled : patch.disabled ? 1 : 0,
          updated_at: now,
        };
        await trx
          .updateTable("app_user")
          .set({ name: next.name, role: next.role, disabled: next.disabled, updated_at: now })
          .where("id", "=", id)
          .execute();
        if (next.disabled) await trx.deleteFrom("user_session").where("user_id", "=", id).execute();
        // Units are checked against the role the account ends with: an administrator is never limited.
        if (patch.units === undefined && next.role === "admin" && (await hasUnits(trx, id)))
          throw AppError.field("validation_failed", "role", "An administrator cannot be limited to units.");
        const units =
          patch.units === undefined
            ? ((await unitsByUser(trx, [id])).get(id) ?? [])
            : await writeUnits(trx, id, next.role, patch.units, now);
        await recordAudit(trx, now, { actor, action: "user.update", entity: "user", entityId: id, changes: patch });
        return { ...presentUser(next), units };
      });
    },
  };
}
export type AccountService = ReturnType<typeof createAccountService>;
