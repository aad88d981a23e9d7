import { z } from "zod";
import { Email, Password, UserRole } from "./auth.js";

/** Changing one's own password: the current one proves it is the owner. */
export const ChangePasswordInput = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: Password,
});
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;

export const PasswordResetRequest = z.strictObject({ email: Email });
export type PasswordResetRequest = z.infer<typeof PasswordResetRequest>;

/** The single-use link's token and the new password. */
export const PasswordResetCompletion = z.strictObject({
  token: z.string().min(1).max(200),
  password: Password,
});
export type PasswordResetCompletion = z.infer<typeof PasswordResetCompletion>;

export const InvitationInput = z.strictObject({
  email: Email,
  name: z.string().trim().min(1).max(200),
  role: UserRole,
});
export type InvitationInput = z.infer<typeof InvitationInput>;

export const InvitationView = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: UserRole,
  createdAt: z.string(),
  expiresAt: z.string(),
  acceptedAt: z.string().nullable(),
});
export type InvitationView = z.infer<typeof InvitationView>;

/** Accepting an invitation: the link's token, and the password the new account will have. */
export const InvitationAcceptance = z.strictObject({
  token: z.string().min(1).max(200),
  password: Password,
});
export type InvitationAcceptance = z.infer<typeof InvitationAcceptance>;

/** One of the signed-in person's sessions. */
export const SessionEntry = z.object({
  id: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean().describe("The session this request was made with"),
});
export type SessionEntry = z.infer<typeof SessionEntry>;

/** A six-digit code from an authenticator app (TOTP, RFC 6238). */
export const TotpCode = z.string().regex(/^\d{6}$/, "Six digits");
export const TotpCodeInput = z.strictObject({ code: TotpCode });
export type TotpCodeInput = z.infer<typeof TotpCodeInput>;

export const TotpStatus = z.object({
  enabled: z.boolean(),
  required: z
    .boolean()
    .describe("This account must use a second factor (administrators, when the installation says so)"),
});
export type TotpStatus = z.infer<typeof TotpStatus>;

/** A new secret to enter in an authenticator app; it counts once a code from it is confirmed. */
export const TotpSetup = z.object({
  secret: z.string().describe("Base32, for typing into the app"),
  uri: z.string().describe("otpauth:// address, for a QR code"),
});
export type TotpSetup = z.infer<typeof TotpSetup>;
