import type {
  Actor,
  ChangePasswordInput,
  InvitationAcceptance,
  InvitationInput,
  InvitationView,
  PasswordResetCompletion,
  SessionEntry,
  TotpSetup,
  TotpStatus,
  UserView,
} from "@conventio/domain";
import type { Selectable } from "kysely";
import { recordAudit } from "#modules/audit/audit.service.js";
import { AppError } from "#shared/app-error.js";
import { type Deps, nowIso } from "#shared/deps.js";
import { hashToken, newId, newToken } from "#shared/ids.js";
import type { Mailer } from "#shared/mailer.js";
import { translateMessage } from "#shared/messages.js";
import { accountPolicy } from "./account.policy.js";
import { presentUser } from "./account.presenter.js";
import type { AccountLinkTable } from "./account-security.table.js";
import { checkPasswordStrength, hashPassword, verifyPassword } from "./password.js";
import { checkSecondFactor, hasSecondFactor, newTotpSecret } from "./totp.js";

const RESET_MINUTES = 30;
const INVITATION_DAYS = 7;

export interface AccountSecuritySettings {
  publicUrl: string;
  /** Administrators must confirm an authenticator before doing anything else. */
  requireAdminTotp: boolean;
}

const presentInvitation = (row: Selectable<AccountLinkTable>): InvitationView => ({
  id: row.id.slice(0, 16),
  email: row.email,
  name: row.name ?? "",
  role: row.role ?? "viewer",
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  acceptedAt: row.used_at,
});

/** Passwords that change, single-use links by e-mail, one's own sessions and second factor. */
export function createAccountSecurityService(deps: Deps, settings: AccountSecuritySettings, mailer: Mailer) {
  const { db, clock, log } = deps;
  const link = (path: string, token: string) =>
    `${settings.publicUrl.replace(/\/+$/, "")}/${path}?token=${encodeURIComponent(token)}`;

  /** A link still usable: of this kind, not used, not expired. Null otherwise. */
  async function usableLink(token: string, kind: AccountLinkTable["kind"]) {
    const row = await db
      .selectFrom("account_link")
      .selectAll()
      .where("id", "=", hashToken(token))
      .where("kind", "=", kind)
      .executeTakeFirst();
    if (!row || row.used_at || row.expires_at <= nowIso(deps)) return null;
    return row;
  }

  async function send(
    to: string,
    language: "en" | "fr" | "sv",
    subject: string,
    body: string,
    params: Record<string, string>,
  ) {
    try {
      await mailer.send({
        to,
        subject: translateMessage(language, subject, params),
        text: translateMessage(language, body, params),
      });
    } catch (err) {
      // The person is told the same either way; the operator sees why the mail did not leave.
      log.error({ err, to }, "an account e-mail could not be sent");
    }
  }

  return {
    /** Changes one's own password after checking the current one; every other session ends. */
    async changePassword(actor: Actor, sessionToken: string | null, input: ChangePasswordInput): Promise<void> {
      accountPolicy.ownPreferences(actor);
      const user = await db.selectFrom("app_user").selectAll().where("id", "=", actor.id).executeTakeFirst();
      if (!user) throw AppError.notFound("This account");
      if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
        throw AppError.field("validation_failed", "currentPassword", "This is not your current password.");
      }
      checkPasswordStrength(input.newPassword, [user.email, user.name], "newPassword");
      const hash = await hashPassword(input.newPassword);
      const now = nowIso(deps);
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable("app_user")
          .set({ password_hash: hash, updated_at: now })
          .where("id", "=", user.id)
          .execute();
        await trx
          .deleteFrom("user_session")
          .where("user_id", "=", user.id)
          .where("id", "!=", sessionToken ? hashToken(sessionToken) : "")
          .execute();
        await recordAudit(trx, now, { actor, action: "user.password", entity: "user", entityId: user.id, changes: {} });
      });
    },

    /**
     * Sends a single-use link valid 30 minutes to an active account with this e-mail. The answer
     * is the same whether or not one exists, so the form tells nobody who has an account.
     */
    async requestPasswordReset(email: string): Promise<void> {
      const user = await db.selectFrom("app_user").selectAll().where("email", "=", email).executeTakeFirst();
      if (!user || user.disabled) return;
      const token = newToken();
      const now = clock.now();
      await db
        .insertInto("account_link")
        .values({
          id: hashToken(token),
          kind: "reset",
          user_id: user.id,
          email: user.email,
          name: null,
          role: null,
          created_by: null,
          created_at: now.toISOString(),
          expires_at: new Date(now.getTime() + RESET_MINUTES * 60_000).toISOString(),
          used_at: null,
        })
        .execute();
      await send(
        user.email,
        user.language,
        "Reset your Conventio password",
        "Someone asked to reset the password of your Conventio account ({{email}}). Open this link within 30 minutes to choose a new one:\n\n{{link}}\n\nIf it was not you, ignore this message: your password stays as it is.",
        { email: user.email, link: link("reset-password", token) },
      );
    },

    /** Sets a new password with a reset link's token, once; every session of the account ends. */
    async completePasswordReset(input: PasswordResetCompletion): Promise<void> {
      const row = await usableLink(input.token, "reset");
      const user = row?.user_id
        ? await db.selectFrom("app_user").selectAll().where("id", "=", row.user_id).executeTakeFirst()
        : undefined;
      if (!row || !user || user.disabled) {
        throw AppError.field("validation_failed", "token", "This link is not valid any more. Ask for a new one.");
      }
      checkPasswordStrength(input.password, [user.email, user.name]);
      const hash = await hashPassword(input.password);
      const now = nowIso(deps);
      await db.transaction().execute(async (trx) => {
        const taken = await trx
          .updateTable("account_link")
          .set({ used_at: now })
          .where("id", "=", row.id)
          .where("used_at", "is", null)
          .executeTakeFirst();
        if (Number(taken.numUpdatedRows) !== 1) {
          throw AppError.field("validation_failed", "token", "This link is not valid any more. Ask for a new one.");
        }
        await trx
          .updateTable("app_user")
          .set({ password_hash: hash, updated_at: now })
          .where("id", "=", user.id)
          .execute();
        await trx.deleteFrom("user_session").where("user_id", "=", user.id).execute();
        await recordAudit(trx, now, {
          actor: { kind: "public" },
          action: "user.password_reset",
          entity: "user",
          entityId: user.id,
          changes: {},
        });
      });
    },

    /** Invites a person by e-mail to make an account with a role; the link is valid seven days. */
    async invite(actor: Actor, input: InvitationInput): Promise<InvitationView> {
      accountPolicy.manageUsers(actor);
      if (await db.selectFrom("app_user").select("id").where("email", "=", input.email).executeTakeFirst()) {
        throw AppError.field("conflict", "email", "An account with this e-mail already exists.");
      }
      const token = newToken();
      const now = clock.now();
      const row = {
        id: hashToken(token),
        kind: "invite" as const,
        user_id: null,
        email: input.email,
        name: input.name,
        role: input.role,
        created_by: actor.id,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + INVITATION_DAYS * 86_400_000).toISOString(),
        used_at: null,
      };
      await db.transaction().execute(async (trx) => {
        await trx.insertInto("account_link").values(row).execute();
        await recordAudit(trx, row.created_at, {
          actor,
          action: "user.invite",
          entity: "user",
          entityId: row.id.slice(0, 16),
          changes: { email: input.email, role: input.role },
        });
      });
      const inviter = await db.selectFrom("app_user").select("language").where("id", "=", actor.id).executeTakeFirst();
      await send(
        input.email,
        inviter?.language ?? "en",
        "{{name}}, you are invited to Conventio",
        "{{inviter}} invites you to Conventio, where partnerships are managed. Open this link within 7 days to choose your password:\n\n{{link}}",
        { name: input.name, inviter: actor.name, link: link("accept-invitation", token) },
      );
      return presentInvitation(row);
    },

    async listInvitations(actor: Actor): Promise<InvitationView[]> {
      accountPolicy.manageUsers(actor);
      const rows = await db
        .selectFrom("account_link")
        .selectAll()
        .where("kind", "=", "invite")
        .orderBy("created_at", "desc")
        .limit(200)
        .execute();
      return rows.map(presentInvitation);
    },

    /** Makes the invited account with the chosen password, once. */
    async acceptInvitation(input: InvitationAcceptance): Promise<UserView> {
      const row = await usableLink(input.token, "invite");
      if (!row) {
        throw AppError.field("validation_failed", "token", "This invitation is not valid any more. Ask for a new one.");
      }
      checkPasswordStrength(input.password, [row.email, row.name ?? ""]);
      const hash = await hashPassword(input.password);
      const now = nowIso(deps);
      return db.transaction().execute(async (trx) => {
        const taken = await trx
          .updateTable("account_link")
          .set({ used_at: now })
          .where("id", "=", row.id)
          .where("used_at", "is", null)
          .executeTakeFirst();
        if (Number(taken.numUpdatedRows) !== 1) {
          throw AppError.field(
            "validation_failed",
            "token",
            "This invitation is not valid any more. Ask for a new one.",
          );
        }
        if (await trx.selectFrom("app_user").select("id").where("email", "=", row.email).executeTakeFirst()) {
          throw AppError.field("conflict", "token", "An account with this e-mail already exists.");
        }
        const user = {
          id: newId(),
          email: row.email,
          name: row.name ?? row.email,
          role: row.role ?? "viewer",
          password_hash: hash,
          disabled: 0,
          language: "en" as const,
          created_at: now,
          updated_at: now,
        };
        await trx.insertInto("app_user").values(user).execute();
        await recordAudit(trx, now, {
          actor: { kind: "public" },
          action: "user.create",
          entity: "user",
          entityId: user.id,
          changes: { email: user.email, role: user.role, invitation: true },
        });
        return presentUser(user);
      });
    },

    async listSessions(actor: Actor, currentToken: string | null): Promise<SessionEntry[]> {
      accountPolicy.ownPreferences(actor);
      const current = currentToken ? hashToken(currentToken) : "";
      const rows = await db
        .selectFrom("user_session")
        .selectAll()
        .where("user_id", "=", actor.id)
        .where("expires_at", ">", nowIso(deps))
        .orderBy("created_at", "desc")
        .execute();
      return rows.map((r) => ({
        id: r.id.slice(0, 16),
        createdAt: r.created_at,
        expiresAt: r.expires_at,
        ip: r.ip,
        userAgent: r.user_agent,
        current: r.id === current,
      }));
    },

    /** Ends one of one's own sessions, named by the start of its id. */
    async revokeSession(actor: Actor, id: string): Promise<void> {
      accountPolicy.ownPreferences(actor);
      if (!/^[0-9a-f]{16}$/.test(id)) throw AppError.notFound("This session");
      const ended = await db
        .deleteFrom("user_session")
        .where("user_id", "=", actor.id)
        .where("id", "like", `${id}%`)
        .executeTakeFirst();
      if (Number(ended.numDeletedRows) === 0) throw AppError.notFound("This session");
    },

    async totpStatus(actor: Actor): Promise<TotpStatus> {
      accountPolicy.ownPreferences(actor);
      return {
        enabled: await hasSecondFactor(db, actor.id),
        required: settings.requireAdminTotp && actor.role === "admin",
      };
    },

    /** A new secret to confirm with a code; until then the account signs in as before. */
    async totpSetup(actor: Actor): Promise<TotpSetup> {
      accountPolicy.ownPreferences(actor);
      if (await hasSecondFactor(db, actor.id)) {
        throw new AppError("conflict", "An authenticator is already set up; remove it first.");
      }
      const user = await db.selectFrom("app_user").select("email").where("id", "=", actor.id).executeTakeFirstOrThrow();
      const setup = newTotpSecret(user.email);
      const row = {
        user_id: actor.id,
        secret: setup.secret,
        enabled_at: null,
        last_step: null,
        created_at: nowIso(deps),
      };
      await db
        .insertInto("user_totp")
        .values(row)
        .onConflict((oc) =>
          oc.column("user_id").doUpdateSet({ secret: row.secret, last_step: null, created_at: row.created_at }),
        )
        .execute();
      return setup;
    },

    async totpEnable(actor: Actor, code: string): Promise<void> {
      accountPolicy.ownPreferences(actor);
      await checkSecondFactor(db, actor.id, code, clock.now(), { confirming: true });
      const now = nowIso(deps);
      await db.updateTable("user_totp").set({ enabled_at: now }).where("user_id", "=", actor.id).execute();
      await recordAudit(db, now, { actor, action: "user.totp_on", entity: "user", entityId: actor.id, changes: {} });
    },

    /** Removes the authenticator, proven by a current code; refused when the account must keep one. */
    async totpDisable(actor: Actor, code: string): Promise<void> {
      accountPolicy.ownPreferences(actor);
      if (settings.requireAdminTotp && actor.role === "admin") {
        throw new AppError("conflict", "Administrators of this installation must keep a second factor.");
      }
      await checkSecondFactor(db, actor.id, code, clock.now());
      const now = nowIso(deps);
      await db.deleteFrom("user_totp").where("user_id", "=", actor.id).execute();
      await recordAudit(db, now, { actor, action: "user.totp_off", entity: "user", entityId: actor.id, changes: {} });
    },

    /** Whether this signed-in person must set up a second factor before anything else. */
    async mustSetUpSecondFactor(actor: Actor): Promise<boolean> {
      if (!settings.requireAdminTotp || actor.kind !== "user" || actor.role !== "admin") return false;
      return !(await hasSecondFactor(db, actor.id));
    },
  };
}
export type AccountSecurityService = ReturnType<typeof createAccountSecurityService>;
