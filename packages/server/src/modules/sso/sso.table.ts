import type { UserRole } from "@conventio/domain";

/** A provider an administrator added; those from OIDC_PROVIDERS live in the configuration only. */
export interface SsoProviderTable {
  id: string;
  slug: string; // unique, part of the redirect URI; links refer to it
  name: string;
  issuer: string;
  client_id: string;
  client_secret: string;
  scopes: string;
  groups_claim: string;
  role_mapping: string; // JSON: claim value → role
  default_role: UserRole;
  allow_create: number;
  enabled: number;
  created_at: string;
  updated_at: string;
}

/** Which Conventio account a provider's subject signs in as. */
export interface SsoLinkTable {
  provider: string; // the provider's slug
  subject: string; // the ID token's sub
  user_id: string;
  created_at: string;
  last_sign_in_at: string;
}

/** A sign-in sent to a provider and not yet back: PKCE verifier and nonce stay on the server. */
export interface SsoAttemptTable {
  id: string; // sha-256 of the state
  provider: string;
  code_verifier: string;
  nonce: string;
  return_to: string | null;
  created_at: string;
}

/** A Conventio session opened through a provider, for signing out there too. */
export interface SsoSessionTable {
  session_id: string; // user_session.id
  provider: string;
  id_token: string;
  created_at: string;
}

/** Single sign-on through OpenID Connect: the tables, by name. */
export interface SsoTables {
  sso_provider: SsoProviderTable;
  sso_link: SsoLinkTable;
  sso_attempt: SsoAttemptTable;
  sso_session: SsoSessionTable;
}
