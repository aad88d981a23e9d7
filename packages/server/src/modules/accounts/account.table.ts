import type { UiLanguage } from "@conventio/domain";
import type { Generated } from "kysely";

/** Columns of the accounts module's tables; indexes are declared in the migrations. */
export interface UserTable {
  id: string;
  email: string;
  name: string;
  role: "viewer" | "editor" | "admin";
  password_hash: string;
  disabled: number;
  language: Generated<UiLanguage>; // the account's language, for its e-mails
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  id: string; // sha-256 of the cookie token
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  ip: string | null; // where the sign-in came from, for the person's list of sessions
  user_agent: string | null;
}

export interface LoginThrottleTable {
  key: string; // "email:…" or "ip:…"
  failures: number;
  first_failure_at: string;
  locked_until: string | null;
}

export interface SetupTokenTable {
  id: string; // sha-256 of the token
  created_at: string;
}
