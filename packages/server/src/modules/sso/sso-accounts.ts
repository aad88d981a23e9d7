import { type SsoFailure, USER_ROLES, type UserRole } from "@conventio/domain";
import type { Kysely, Selectable } from "kysely";
import type { DB } from "#db/schema.js";
import { SYSTEM_ACTOR } from "#db/seed/system-actor.js";
import type { UserTable } from "#modules/accounts/account.table.js";
import { recordAudit } from "#modules/audit/audit.service.js";
import { newId } from "#shared/ids.js";
import type { SsoProvider } from "./sso.presenter.js";

/** A sign-in through a provider that ends on the sign-in page with the reason, never as an error page. */
export class SsoRefusal extends Error {
  constructor(readonly reason: SsoFailure) {
    super(`Sign-in through a provider refused: ${reason}`);
    this.name = "SsoRefusal";
  }
}

/** What the provider said about the person, from the ID token and, when offered, UserInfo. */
export type Claims = Record<string, unknown> & { sub: string };

/** The highest role any value of the groups claim maps to; null when none does. */
export function roleFromClaims(p: SsoProvider, claims: Claims): UserRole | null {
  if (!p.groupsClaim) return null;
  const raw = claims[p.groupsClaim];
  const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === "string");
  const roles = values.map((v) => p.roleMapping[v]).filter((r): r is UserRole => r !== undefined);
  return roles.sort((a, b) => USER_ROLES.indexOf(b) - USER_ROLES.indexOf(a))[0] ?? null;
}

function verifiedEmail(claims: Claims): { email: string | null; verified: boolean } {
  const email = typeof claims.email === "string" ? claims.email.trim().toLowerCase() : null;
  // Some providers send the flag as a string.
  const verified = claims.email_verified === true || claims.email_verified === "true";
  return { email: email || null, verified };
}

function displayName(claims: Claims, email: string): string {
  const given = [claims.given_name, claims.family_name].filter((v) => typeof v === "string").join(" ");
  const name = typeof claims.name === "string" && claims.name.trim() ? claims.name : given || email;
  return name.trim().slice(0, 200);
}

/**
 * The account a provider's subject signs in as: the one linked to it; else the one with the same
 * e-mail when the provider vouches for it; else a new one when the provider allows. A group that
 * maps to a role sets the role at every sign-in; without one, the role an account has stays.
 */
export async function accountForClaims(
  trx: Kysely<DB>,
  p: SsoProvider,
  claims: Claims,
  now: string,
): Promise<Selectable<UserTable>> {
  const mapped = roleFromClaims(p, claims);
  const link = await trx
    .selectFrom("sso_link")
    .select("user_id")
    .where("provider", "=", p.slug)
    .where("subject", "=", claims.sub)
    .executeTakeFirst();
  let user = link
    ? await trx.selectFrom("app_user").selectAll().where("id", "=", link.user_id).executeTakeFirst()
    : undefined;
  if (!user) {
    const { email, verified } = verifiedEmail(claims);
    // An e-mail the provider has not checked could be anyone's: it neither links nor creates.
    if (!email || !verified) throw new SsoRefusal("unverified_email");
    user = await trx.selectFrom("app_user").selectAll().where("email", "=", email).executeTakeFirst();
    if (!user) {
      if (!p.allowCreate) throw new SsoRefusal("creation_not_allowed");
      user = {
        id: newId(),
        email,
        name: displayName(claims, email),
        role: mapped ?? p.defaultRole,
        // No password: the account signs in through its provider until someone sets one.
        password_hash: "",
        disabled: 0,
        language: "en",
        created_at: now,
        updated_at: now,
      };
      await trx.insertInto("app_user").values(user).execute();
      await recordAudit(trx, now, {
        actor: { kind: "public" },
        action: "user.create",
        entity: "user",
        entityId: user.id,
        changes: { email, name: user.name, role: user.role, provider: p.slug },
      });
    }
    await trx
      .insertInto("sso_link")
      .values({ provider: p.slug, subject: claims.sub, user_id: user.id, created_at: now, last_sign_in_at: now })
      .execute();
    await recordAudit(trx, now, {
      actor: SYSTEM_ACTOR,
      action: "user.sso.link",
      entity: "user",
      entityId: user.id,
      changes: { provider: p.slug, subject: claims.sub },
    });
  } else {
    await trx
      .updateTable("sso_link")
      .set({ last_sign_in_at: now })
      .where("provider", "=", p.slug)
      .where("subject", "=", claims.sub)
      .execute();
  }
  if (user.disabled) throw new SsoRefusal("disabled");
  if (mapped && mapped !== user.role) {
    await trx.updateTable("app_user").set({ role: mapped, updated_at: now }).where("id", "=", user.id).execute();
    await recordAudit(trx, now, {
      actor: SYSTEM_ACTOR,
      action: "user.sso.role",
      entity: "user",
      entityId: user.id,
      changes: { role: mapped, provider: p.slug },
    });
    user = { ...user, role: mapped, updated_at: now };
  }
  return user;
}
