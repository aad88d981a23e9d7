import { type AgreementStatus, addDays, type StoredStatus } from "@conventio/domain";
import type { Expression, ExpressionBuilder, SqlBool } from "kysely";
import type { DB } from "#db/schema.js";

/** A query over agreements under the alias `a`, as the lists and the partner map write it. */
type AgreementScope = ExpressionBuilder<DB & { a: DB["agreement"] }, "a">;

/**
 * The condition on a stored agreement for a status people see: "active" is stored once and split
 * by the clock into active, expiring (ending within the window) and expired.
 */
export function statusCondition(
  eb: AgreementScope,
  status: AgreementStatus,
  today: string,
  windowDays: number,
): Expression<SqlBool> {
  const horizon = addDays(today, windowDays);
  const active = eb("a.status", "=", "active");
  switch (status) {
    case "expired":
      return eb.and([active, eb("a.ends_on", "<", today)]);
    case "expiring":
      return eb.and([active, eb("a.ends_on", ">=", today), eb("a.ends_on", "<=", horizon)]);
    case "active":
      return eb.and([active, eb.or([eb("a.ends_on", "is", null), eb("a.ends_on", ">", horizon)])]);
    default:
      return eb("a.status", "=", status satisfies StoredStatus);
  }
}
