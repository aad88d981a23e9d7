import { z } from "zod";

/** The languages of the web app, and of the e-mails Conventio sends. */
export const UI_LANGUAGES = ["en", "fr", "sv"] as const;
export const UiLanguage = z.enum(UI_LANGUAGES);
export type UiLanguage = z.infer<typeof UiLanguage>;

export const USER_ROLES = ["viewer", "editor", "admin"] as const;
export const UserRole = z.enum(USER_ROLES);
export type UserRole = z.infer<typeof UserRole>;

/**
 * Who is asking: a signed-in user or the anonymous public. `units`, when present, limits the user
 * to the agreements and activities those units are responsible for: the ids of the account's units
 * and of every unit under them. Absent: not limited (administrators never are).
 */
export type Actor =
  | { kind: "user"; id: string; role: UserRole; name: string; units?: readonly string[] }
  | { kind: "public" };

const ROLE_RANK: Record<UserRole, number> = { viewer: 1, editor: 2, admin: 3 };

/** True when the actor holds at least the given role. */
export function hasRole(actor: Actor, role: UserRole): boolean {
  return actor.kind === "user" && ROLE_RANK[actor.role] >= ROLE_RANK[role];
}

export const PASSWORD_MIN = 12;
export const Email = z.string().trim().toLowerCase().max(254).pipe(z.email());
export const Password = z.string().min(PASSWORD_MIN, `At least ${PASSWORD_MIN} characters`).max(200);

export const SignInInput = z.strictObject({
  email: Email,
  password: z.string().min(1).max(200),
  code: z
    .string()
    .regex(/^\d{6}$/, "Six digits")
    .optional()
    .describe("The six-digit code of the account's authenticator app, when it has one"),
});
export type SignInInput = z.infer<typeof SignInInput>;

export const CreateUserInput = z.strictObject({
  email: Email,
  name: z.string().trim().min(1).max(200),
  role: UserRole,
  password: Password,
});
export type CreateUserInput = z.infer<typeof CreateUserInput>;

export const SetupInput = CreateUserInput.omit({ role: true }).extend({
  token: z.string().min(1).max(200).describe("The one-time setup token printed in the server log"),
});
export type SetupInput = z.infer<typeof SetupInput>;

export const UpdateUserInput = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  role: UserRole.optional(),
  disabled: z.boolean().optional(),
  units: z
    .array(z.string().trim().min(1).max(100))
    .max(50)
    .optional()
    .describe("Ids of the units (organisations of kind unit) the account is limited to; empty: not limited"),
});

export type UpdateUserInput = z.infer<typeof UpdateUserInput>;

/** What signed-in people set for themselves. */
export const PreferencesInput = z.strictObject({ language: UiLanguage });
export type PreferencesInput = z.infer<typeof PreferencesInput>;

/** A unit an account is limited to, with everything under it. */
export const UserUnit = z.object({ id: z.string(), name: z.string() });
export type UserUnit = z.infer<typeof UserUnit>;

export const UserView = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: UserRole,
  disabled: z.boolean(),
  language: UiLanguage.describe("The language the account reads Conventio in; its e-mails are written in it"),
  createdAt: z.string(),
  units: z
    .array(UserUnit)
    .optional()
    .describe(
      "The units the account is limited to, with everything under them; empty: not limited. Given in the list of accounts, after a change and in the session",
    ),
});
export type UserView = z.infer<typeof UserView>;

/** An account work can be given to, as a picker lists it. */
export const AssignableUser = z.object({ id: z.string(), name: z.string() });
export type AssignableUser = z.infer<typeof AssignableUser>;

export const SessionView = z.object({
  user: UserView.nullable(),
  csrfToken: z.string().nullable().describe("Send back as the x-csrf-token header on every write"),
  setupRequired: z.boolean().describe("True until the first administrator exists"),
});
export type SessionView = z.infer<typeof SessionView>;

export const AuditEventView = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  changes: z.record(z.string(), z.unknown()),
});
export type AuditEventView = z.infer<typeof AuditEventView>;
