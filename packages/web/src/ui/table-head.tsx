import { Table } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/**
 * A table's header row: a column header per label, and, when rows carry buttons, a last header
 * that screen readers announce as "Actions".
 */
export function TableHead({ columns, actions = false }: { columns: readonly ReactNode[]; actions?: boolean }) {
  const { t } = useTranslation();
  return (
    <Table.Thead>
      <Table.Tr>
        {columns.map((label, i) => (
          // Headers are fixed for a table's life; their position is their identity.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <Table.Th key={i} scope="col">
            {label}
          </Table.Th>
        ))}
        {actions && (
          <Table.Th scope="col">
            <span className="visually-hidden">{t("common.actions")}</span>
          </Table.Th>
        )}
      </Table.Tr>
    </Table.Thead>
  );
}
