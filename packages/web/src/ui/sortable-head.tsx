import type { SortOrder } from "@conventio/domain";
import { Table, UnstyledButton } from "@mantine/core";
import type { ReactNode } from "react";

/** A column of a sortable table: its label, and the sort it applies when it has one. */
export interface SortableColumn<S extends string> {
  /** Stable among the table's columns. */
  id: string;
  label: ReactNode;
  sort?: S;
}

/**
 * A table's header row whose sortable headers are buttons: pressing one sorts by it, pressing the
 * current one turns the order round. The current column carries `aria-sort`, so screen readers
 * announce how the rows are ordered. `before` is an optional first header (e.g. select all).
 */
export function SortableTableHead<S extends string>({
  columns,
  sort,
  order,
  onSort,
  before,
}: {
  columns: readonly SortableColumn<S>[];
  sort: S;
  order: SortOrder;
  onSort: (sort: S, order: SortOrder) => void;
  before?: ReactNode;
}) {
  return (
    <Table.Thead>
      <Table.Tr>
        {before}
        {columns.map((c) => {
          const current = c.sort !== undefined && c.sort === sort;
          return (
            <Table.Th
              key={c.id}
              scope="col"
              aria-sort={current ? (order === "desc" ? "descending" : "ascending") : undefined}
            >
              {c.sort === undefined ? (
                c.label
              ) : (
                <UnstyledButton
                  fw={700}
                  fz="sm"
                  onClick={() => c.sort && onSort(c.sort, current && order === "asc" ? "desc" : "asc")}
                >
                  {c.label}
                  <span aria-hidden="true">{current ? (order === "desc" ? " ▼" : " ▲") : " ↕"}</span>
                </UnstyledButton>
              )}
            </Table.Th>
          );
        })}
      </Table.Tr>
    </Table.Thead>
  );
}
