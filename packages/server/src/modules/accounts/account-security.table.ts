/** A single-use link sent by e-mail: a password reset, or an invitation to make an account. */
export interface AccountLinkTable {
  id: string; // sha-256 of the token in the link
  kind: "reset" | "invite";
  user_id: string | null; // the account a reset is for
  email: string;
  name: string | null; // an invitation's name and role
  role: "viewer" | "editor" | "admin" | null;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** An account's authenticator (TOTP): the secret, once confirmed, and the last time step used. */
export interface UserTotpTable {
  user_id: string;
  secret: string; // base32
  enabled_at: string | null;
  last_step: number | null; // a code is accepted once
  created_at: string;
}

/** Password resets, invitations, second factors and sign-in throttling: the tables, by name. */
export interface AccountSecurityTables {
  account_link: AccountLinkTable;
  user_totp: UserTotpTable;
}
