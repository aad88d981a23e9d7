import { z } from "zod";
import { UserRole } from "./auth.js";

/** The name of a sign-in provider in addresses: /api/auth/oidc/<slug>/start. */
export const SsoSlug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, { message: "Lower-case letters, digits and hyphens, at most 40" });

/** Plain http is only for a provider on the same machine (development and tests). */
const isLoopbackOrHttps = (value: string) => {
  const url = new URL(value);
  return url.protocol === "https:" || ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
};

export const SsoIssuer = z
  .url({ protocol: /^https?$/ })
  .max(500)
  .refine(isLoopbackOrHttps, { message: "The issuer must be an https address" })
  .describe("The provider's issuer; its discovery document is read from /.well-known/openid-configuration");

export const SsoRoleMapping = z
  .record(z.string().trim().min(1).max(200), UserRole)
  .describe("A value of the groups claim and the role it gives; the highest matching role wins");

const SsoProviderFields = {
  name: z.string().trim().min(1).max(100).describe("Shown on the sign-in button: Sign in with <name>"),
  issuer: SsoIssuer,
  clientId: z.string().trim().min(1).max(300),
  scopes: z
    .string()
    .trim()
    .max(300)
    .refine((s) => s.split(/\s+/).includes("openid"), { message: "The scopes must include openid" })
    .describe("Space-separated scopes asked for, openid among them"),
  groupsClaim: z
    .string()
    .trim()
    .max(100)
    .describe("The claim listing groups or entitlements (e.g. groups, eduPersonEntitlement); empty for none"),
  roleMapping: SsoRoleMapping,
  defaultRole: UserRole.describe("The role of an account created at first sign-in when no group maps to a role"),
  allowCreate: z.boolean().describe("Create an account at first sign-in for a person not yet known"),
  enabled: z.boolean(),
};

/** A provider as an administrator adds it, or as OIDC_PROVIDERS lists it. */
export const CreateSsoProviderInput = z.strictObject({
  slug: SsoSlug,
  ...SsoProviderFields,
  clientSecret: z.string().min(1).max(500).describe("Kept on the server, never shown again"),
  scopes: SsoProviderFields.scopes.default("openid email profile"),
  groupsClaim: SsoProviderFields.groupsClaim.default("groups"),
  roleMapping: SsoRoleMapping.default({}),
  defaultRole: SsoProviderFields.defaultRole.default("viewer"),
  allowCreate: SsoProviderFields.allowCreate.default(true),
  enabled: SsoProviderFields.enabled.default(true),
});
export type CreateSsoProviderInput = z.input<typeof CreateSsoProviderInput>;

/** A change to a provider; a client secret left out keeps the stored one. The slug stays: links hang on it. */
export const UpdateSsoProviderInput = z
  .strictObject(SsoProviderFields)
  .partial()
  .extend({ clientSecret: z.string().min(1).max(500).optional() });
export type UpdateSsoProviderInput = z.infer<typeof UpdateSsoProviderInput>;

/** A provider as administrators see it: never its client secret. */
export const SsoProviderView = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  issuer: z.string(),
  clientId: z.string(),
  hasClientSecret: z.boolean(),
  scopes: z.string(),
  groupsClaim: z.string(),
  roleMapping: z.record(z.string(), UserRole),
  defaultRole: UserRole,
  allowCreate: z.boolean(),
  enabled: z.boolean(),
  source: z.enum(["database", "environment"]).describe("Providers from OIDC_PROVIDERS cannot be changed in the app"),
  redirectUri: z.string().describe("The address to register at the provider as redirect URI"),
  postLogoutRedirectUri: z
    .string()
    .describe("The address to register at the provider for the return after signing out"),
});
export type SsoProviderView = z.infer<typeof SsoProviderView>;

/** What the sign-in page needs: a button per enabled provider. */
export const SsoProviderButton = z.object({ slug: z.string(), name: z.string(), startUrl: z.string() });
export type SsoProviderButton = z.infer<typeof SsoProviderButton>;

/** Why a sign-in through a provider ended on the sign-in page; each has its sentence in the web app. */
export const SSO_FAILURES = [
  "state",
  "provider",
  "unverified_email",
  "creation_not_allowed",
  "disabled",
  "unknown_provider",
  "failed",
] as const;
export const SsoFailure = z.enum(SSO_FAILURES);
export type SsoFailure = z.infer<typeof SsoFailure>;

export const SsoSignOutView = z.object({
  redirectTo: z.string().nullable().describe("The provider's end-session address when the session came from one"),
});
export type SsoSignOutView = z.infer<typeof SsoSignOutView>;
