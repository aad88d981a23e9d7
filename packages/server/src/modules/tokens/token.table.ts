import type { TokenScope } from "@conventio/domain";

/** A personal API token; only the SHA-256 of its secret is kept. */
export interface ApiTokenTable {
  id: string;
  user_id: string;
  name: string;
  scope: TokenScope;
  token_hash: string; // sha-256 of the whole token, hex
  prefix: string; // the token's first characters, shown in lists
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** Personal API tokens: the tables, by name. */
export interface TokenTables {
  api_token: ApiTokenTable;
}
