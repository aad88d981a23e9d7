import type { SortOrder } from "@conventio/domain";
import { Group, Table, UnstyledButton } from "@mantine/core";
import type { ReactNode } from "react";

/** One way a column sorts the table, with the words on its button. */
export interface ColumnSort<S extends string> {
  sort: S;
  label: ReactNode;
}

/**
 * A column of a sortable table: its label, and the sort it applies when it has one. A column that
 * sorts in several ways (a period by its start or its end) lists them in `sorts`, a button each.
 */
export interface SortableColumn<S extends string> {
  /** Stable among the table's columns. */
  id: string;
  label: ReactNode;
  sort?: S;
  sorts?: readonly ColumnSort<S>[];
}

function SortButton<S extends string>({
  sort,
  label,
  current,
  order,
  onSort,
}: ColumnSort<S> & { current: S; order: SortOrder; onSort: (sort: S, order: SortOrder) => void }) {
  const active = sort === current;
  return (
    <UnstyledButton fw={700} fz="sm" onClick={() => onSort(sort, active && order === "asc" ? "desc" : "asc")}>
      {label}
      <span aria-hidden="true">{active ? (order === "desc" ? " ▼" : " ▲") : " ↕"}</span>
    </UnstyledButton>
  );
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
          const current = c.sort === sort || (c.sorts?.some((s) => s.sort === sort) ?? false);
          return (
            <Table.Th
              key={c.id}
              scope="col"
              aria-sort={current ? (order === "desc" ? "descending" : "ascending") : undefined}
            >
              {c.sorts ? (
                <>
                  <span>{c.label}</span>
                  <Group gap="xs" wrap="nowrap">
                    {c.sorts.map((s) => (
                      <SortButton key={s.sort} {...s} current={sort} order={order} onSort={onSort} />
                    ))}
                  </Group>
                </>
              ) : c.sort === undefined ? (
                c.label
              ) : (
                <SortButton sort={c.sort} label={c.label} current={sort} order={order} onSort={onSort} />
              )}
            </Table.Th>
          );
        })}
      </Table.Tr>
    </Table.Thead>
  );
}
