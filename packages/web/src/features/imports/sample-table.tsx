import type { ColumnMapping, ImportPreview } from "@conventio/domain";
import { Code, Table, Text } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { ScrollRegion } from "../../ui/scroll-region";

/**
 * The file's first rows as read, under their headers, each header with the fields it fills, so
 * the person sees what a column holds before matching it. Wide sheets scroll sideways.
 */
export function SampleTable({ preview, mapping }: { preview: ImportPreview; mapping: ColumnMapping }) {
  const { t } = useTranslation();
  const titleId = useId();
  const fieldsOf = (column: string) =>
    Object.entries(mapping)
      .filter(([, c]) => c === column)
      .map(([field]) => field);
  return (
    <div>
      <Text component="h3" fw={600} id={titleId}>
        {t("imports.map.sample", { count: preview.sampleRows.length })}
      </Text>
      <Text size="sm" c="dimmed" mb="xs">
        {t("imports.map.sampleHelp")}
      </Text>
      <ScrollRegion labelledBy={titleId}>
        <Table striped withTableBorder withColumnBorders verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("imports.report.row")}</Table.Th>
              {preview.columns.map((column, i) => (
                // Headers may repeat in a sheet; their position is their identity.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                <Table.Th key={i} scope="col" style={{ whiteSpace: "nowrap" }}>
                  {column}
                  {fieldsOf(column).map((field) => (
                    <Text key={field} size="xs" fw={400}>
                      {t("imports.map.fills")} <Code>{field}</Code>
                    </Text>
                  ))}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.sampleRows.map((cells, r) => (
              // Rows are fixed for the preview's life; their position is their row number.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <Table.Tr key={r}>
                <Table.Th scope="row">{r + 2}</Table.Th>
                {cells.map((cell, c) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells are aligned with the columns
                  <Table.Td key={c} style={{ maxWidth: 280, overflowWrap: "anywhere", whiteSpace: "pre-wrap" }}>
                    {cell ?? ""}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
    </div>
  );
}
