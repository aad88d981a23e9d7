import type { OrganisationSort, SortOrder } from "@conventio/domain";
import { type Expression, type RawBuilder, type SqlBool, sql } from "kysely";
import type { Keyset } from "#http/pagination.js";

interface Sortable {
  id: string;
  sort_name: string;
  country_code: string | null;
}

/**
 * Each sort of the organisation list as the SQL key it orders by and the same key read from a
 * row for the cursor. By country, the key is the two-letter code (or "~~" for none, last) then
 * the folded name, so one key orders by country then name; migration 034 indexes it.
 */
const SORTS: Record<OrganisationSort, { sql: (alias: string) => RawBuilder<string>; of: (r: Sortable) => string }> = {
  name: { sql: (a) => sql<string>`${sql.ref(`${a}.sort_name`)}`, of: (r) => r.sort_name },
  country: {
    sql: (a) => sql<string>`(coalesce(${sql.ref(`${a}.country_code`)}, '~~') || ${sql.ref(`${a}.sort_name`)})`,
    of: (r) => `${r.country_code ?? "~~"}${r.sort_name}`,
  },
};

/** The key an organisation list orders by, as SQL over the table alias `alias`. */
export function organisationSortSql(sort: OrganisationSort | undefined, alias = "o"): RawBuilder<string> {
  return SORTS[sort ?? "name"].sql(alias);
}

/** The cursor position after this row in this sort. */
export function organisationKeyset(sort: OrganisationSort | undefined, row: Sortable): Keyset {
  return { key: SORTS[sort ?? "name"].of(row), id: row.id };
}

/** "Rows after this position" in the sort and order asked for, one row-value comparison. */
export function afterOrganisationKey(
  sort: OrganisationSort | undefined,
  order: SortOrder | undefined,
  after: Keyset,
  alias = "o",
): Expression<SqlBool> {
  const key = organisationSortSql(sort, alias);
  const id = sql.ref(`${alias}.id`);
  return order === "desc"
    ? sql<SqlBool>`(${key}, ${id}) < (${after.key}, ${after.id})`
    : sql<SqlBool>`(${key}, ${id}) > (${after.key}, ${after.id})`;
}
