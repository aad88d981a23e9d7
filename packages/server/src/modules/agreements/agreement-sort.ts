import type { AgreementSort, SortOrder } from "@conventio/domain";
import { type Expression, type RawBuilder, type SqlBool, sql } from "kysely";
import type { Keyset } from "#http/pagination.js";
import type { AgreementRow } from "./agreement.repository.js";

/**
 * Each sort of the agreement list as the SQL key it orders by and the same key read from a row
 * for the cursor. Missing dates take a fixed text (no start first, no end last) so the key is
 * never null and one row-value comparison pages correctly; migration 033 indexes these exact
 * expressions.
 */
const SORTS: Record<AgreementSort, { sql: (alias: string) => RawBuilder<string>; of: (r: AgreementRow) => string }> = {
  title: { sql: (a) => sql<string>`${sql.ref(`${a}.sort_key`)}`, of: (r) => r.sort_key },
  reference: { sql: (a) => sql<string>`${sql.ref(`${a}.reference`)}`, of: (r) => r.reference },
  status: { sql: (a) => sql<string>`${sql.ref(`${a}.status`)}`, of: (r) => r.status },
  startsOn: { sql: (a) => sql<string>`coalesce(${sql.ref(`${a}.starts_on`)}, '')`, of: (r) => r.starts_on ?? "" },
  endsOn: {
    sql: (a) => sql<string>`coalesce(${sql.ref(`${a}.ends_on`)}, '9999-12-31')`,
    of: (r) => r.ends_on ?? "9999-12-31",
  },
};

/** The key an agreement list orders by, as SQL over the table alias `alias`. */
export function sortKeySql(sort: AgreementSort | undefined, alias = "a"): RawBuilder<string> {
  return SORTS[sort ?? "title"].sql(alias);
}

/** The cursor position after this row in this sort. */
export function keysetOf(sort: AgreementSort | undefined, row: AgreementRow): Keyset {
  return { key: SORTS[sort ?? "title"].of(row), id: row.id };
}

/** "Rows after this position" in the sort and order asked for, one row-value comparison. */
export function afterSortKey(
  sort: AgreementSort | undefined,
  order: SortOrder | undefined,
  after: Keyset,
  alias = "a",
): Expression<SqlBool> {
  const key = sortKeySql(sort, alias);
  const id = sql.ref(`${alias}.id`);
  return order === "desc"
    ? sql<SqlBool>`(${key}, ${id}) < (${after.key}, ${after.id})`
    : sql<SqlBool>`(${key}, ${id}) > (${after.key}, ${after.id})`;
}
