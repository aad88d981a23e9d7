import type { ImportError } from "@conventio/domain";
import { Button, Code, Table, Text } from "@mantine/core";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useMessage } from "../../lib/messages";
import { ScrollTable } from "../../ui/scroll-table";
import { TableHead } from "../../ui/table-head";

/** Errors shown at first, and how many more each press of "Show more" adds. */
export const PAGE = 100;

/** Every error of the report: the row and column at fault, the cell as read, and what is wrong. */
export function ReportErrors({ errors }: { errors: readonly ImportError[] }) {
  const { t } = useTranslation();
  const show = useMessage();
  const titleId = useId();
  const [shown, setShown] = useState(PAGE);
  if (errors.length === 0) return null;
  const rest = errors.length - shown;
  return (
    <section aria-labelledby={titleId}>
      <Text component="h3" fw={600} id={titleId} c="red.9">
        {t("imports.report.errorsTitle", { count: errors.length })}
      </Text>
      <Text size="sm" mb="xs">
        {t("imports.report.errorsHelp")}
      </Text>
      <ScrollTable minWidth={640} labelledBy={titleId}>
        <Table striped verticalSpacing="xs" data-testid="import-errors">
          <TableHead
            columns={[
              t("imports.report.row"),
              t("imports.report.column"),
              t("imports.report.value"),
              t("imports.report.message"),
            ]}
          />
          <Table.Tbody>
            {errors.slice(0, shown).map((e, i) => (
              // One row may hold two errors in the same column; the position tells them apart.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <Table.Tr key={`${e.row}:${e.column}:${i}`}>
                <Table.Td>{e.row}</Table.Td>
                <Table.Td>{e.column}</Table.Td>
                <Table.Td>
                  {e.value === null || e.value === "" ? (
                    <Text span size="sm" c="dimmed">
                      {t("imports.report.empty")}
                    </Text>
                  ) : (
                    <Code>{e.value}</Code>
                  )}
                </Table.Td>
                <Table.Td>{show({ text: e.message, key: e.key, params: e.params })}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      {rest > 0 && (
        <Button variant="default" size="xs" mt="xs" onClick={() => setShown((n) => n + PAGE)}>
          {t("imports.report.showMore", { count: Math.min(rest, PAGE) })}
        </Button>
      )}
    </section>
  );
}
