import type { UserView } from "@conventio/domain";
import type { Selectable } from "kysely";
import type { UserTable } from "./account.table.js";

export function presentUser(row: Selectable<UserTable>): UserView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    disabled: row.disabled === 1,
    language: row.language,
    createdAt: row.created_at,
  };
}
