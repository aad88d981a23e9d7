import type { TokenView } from "@conventio/domain";
import type { Selectable } from "kysely";
import type { ApiTokenTable } from "./token.table.js";

/** A token as listed: everything but its hash. */
export function presentToken(row: Selectable<ApiTokenTable>): TokenView {
  return {
    id: row.id,
    name: row.name,
    scope: row.scope,
    prefix: row.prefix,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}
