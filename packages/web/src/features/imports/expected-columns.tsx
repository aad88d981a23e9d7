import { exportUrl, IMPORT_FIELDS, type ImportKind, LIST_SEPARATOR } from "@conventio/domain";
import { Anchor, Box, Code, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ScrollTable } from "../../ui/scroll-table";
import { TableHead } from "../../ui/table-head";
import { useFieldDescription } from "./field-description";

/**
 * The columns Conventio reads for a kind, behind a disclosure: each field's name (also the
 * header an export writes), whether a row needs it, an example value and what it holds.
 */
export function ExpectedColumns({ kind }: { kind: ImportKind }) {
  const { t } = useTranslation();
  const describe = useFieldDescription(kind);
  const fields = IMPORT_FIELDS[kind];
  return (
    <Box component="details" className="import-columns">
      <Text component="summary" fw={600} style={{ cursor: "pointer" }}>
        {t("imports.columns.summary", { kind: t(`imports.kinds.${kind}`), total: fields.length })}
      </Text>
      <Text size="sm" my="xs" maw={760}>
        {t("imports.columns.help", { separator: LIST_SEPARATOR })}{" "}
        <Anchor href={exportUrl(kind, "csv")} download>
          {t("imports.columns.template", { kind: t(`imports.kinds.${kind}`) })}
        </Anchor>
      </Text>
      <ScrollTable minWidth={640}>
        <Table striped verticalSpacing="xs">
          <Table.Caption>{t("imports.columns.caption", { kind: t(`imports.kinds.${kind}`) })}</Table.Caption>
          <TableHead
            columns={[
              t("imports.columns.field"),
              t("imports.columns.required"),
              t("imports.columns.example"),
              t("imports.columns.description"),
            ]}
          />
          <Table.Tbody>
            {fields.map((f) => (
              <Table.Tr key={f.name}>
                <Table.Th scope="row" fw={500}>
                  <Code>{f.name}</Code>
                </Table.Th>
                <Table.Td>
                  {f.required ? (
                    <Text span size="sm" fw={700} c="red.9">
                      {t("imports.columns.requiredYes")}
                    </Text>
                  ) : (
                    <Text span size="sm" c="dimmed">
                      {t("imports.columns.requiredNo")}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {/* Spaces count in some identifiers (Erasmus codes): shown as written. */}
                  {f.example ? <Code style={{ whiteSpace: "pre" }}>{f.example}</Code> : null}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{describe(f)}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Box>
  );
}
