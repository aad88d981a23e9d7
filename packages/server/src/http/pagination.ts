import type { Page } from "@conventio/domain";
import { type Expression, type SqlBool, sql } from "kysely";
import { AppError } from "#shared/app-error.js";

/** A keyset position: the sort key and id of the last row of the previous page. */
export interface Keyset {
  key: string;
  id: string;
}

export function encodeCursor(k: Keyset): string {
  return Buffer.from(JSON.stringify([k.key, k.id]), "utf8").toString("base64url");
}

function hasControl(text: string): boolean {
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 32 || code === 127) return true;
  }
  return false;
}

export function decodeCursor(cursor: string | undefined): Keyset | null {
  if (!cursor) return null;
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    // Keys and ids Conventio writes never hold control characters; PostgreSQL refuses a NUL outright.
    if (
      Array.isArray(v) &&
      v.length === 2 &&
      typeof v[0] === "string" &&
      typeof v[1] === "string" &&
      !hasControl(v[0]) &&
      !hasControl(v[1])
    ) {
      return { key: v[0], id: v[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw AppError.field("bad_request", "cursor", "This cursor is not one Conventio gave out.");
}

/** Builds a page from limit + 1 fetched rows: the extra row only says another page exists. */
export function toPage<R, T>(rows: R[], limit: number, keyOf: (r: R) => Keyset, present: (r: R) => T): Page<T> {
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  const last = shown.at(-1);
  return { items: shown.map(present), nextCursor: more && last ? encodeCursor(keyOf(last)) : null };
}

/**
 * "Rows after this position" as one row-value comparison, `(key, id) > (?, ?)`, which both
 * SQLite and PostgreSQL serve from the (key, id) index. Descending lists compare with `<`.
 */
export function afterKeyset(
  keyColumn: string,
  idColumn: string,
  after: Keyset,
  direction: "asc" | "desc" = "asc",
): Expression<SqlBool> {
  const key = sql.ref(keyColumn);
  const id = sql.ref(idColumn);
  return direction === "asc"
    ? sql<SqlBool>`(${key}, ${id}) > (${after.key}, ${after.id})`
    : sql<SqlBool>`(${key}, ${id}) < (${after.key}, ${after.id})`;
}

/**
 * A list sorted by one of its stored key columns, each indexed with the id: the column to order
 * by (qualified by the table's alias) and the cursor position after a row, for each sort.
 */
export function storedKeySort<S extends string, A extends string, C extends string>(
  alias: A,
  columns: Readonly<Record<S, C>>,
  fallback: NoInfer<S>,
) {
  const columnOf = (sort: S | undefined): C => columns[sort ?? fallback];
  return {
    column: (sort: S | undefined): `${A}.${C}` => `${alias}.${columnOf(sort)}`,
    keyset: (sort: S | undefined, row: Readonly<Record<C, string>> & { id: string }): Keyset => ({
      key: row[columnOf(sort)],
      id: row.id,
    }),
  };
}
