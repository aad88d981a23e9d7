import type { RegistryImportReport, RegistrySkip, RegistrySkipReason } from "@conventio/domain";
import { List, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** Skipped records shown by reason with their first lines; the full list is in the CLI's --json report. */
const SHOWN = 10;

/** The report's counts, in the order shown. */
const COUNTS = [
  "rows",
  "imported",
  "merged",
  "skipped",
  "created",
  "updated",
  "unchanged",
  "withdrawn",
  "inactive",
  "parentsLinked",
  "successorsLinked",
] as const;

/** What a registry import did with the file: every record accounted for, skipped ones by reason. */
export function RegistryImportReportView({ report }: { report: RegistryImportReport }) {
  const { t } = useTranslation();

  const byReason = new Map<RegistrySkipReason, RegistrySkip[]>();
  for (const s of report.skips) byReason.set(s.reason, [...(byReason.get(s.reason) ?? []), s]);
  return (
    <Stack gap="md">
      <Table maw={480} withTableBorder>
        <Table.Caption>{t("registryImport.report.caption", { seconds: report.seconds.toFixed(1) })}</Table.Caption>
        <Table.Tbody>
          {COUNTS.map((key) => (
            <Table.Tr key={key}>
              <Table.Th scope="row" fw={500}>
                {t(`registryImport.report.${key}`)}
              </Table.Th>
              <Table.Td ta="right">{report[key]}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {[...byReason].map(([reason, skips]) => (
        <div key={reason}>
          <Text size="sm" fw={600}>
            {t(`registryImport.reasons.${reason}`)} ({skips.length})
          </Text>
          <List size="sm">
            {skips.slice(0, SHOWN).map((s) => (
              <List.Item key={s.line}>
                {t("registryImport.report.line", { line: s.line })}
                {s.key && (
                  <Text span ff="monospace" size="sm" style={{ whiteSpace: "pre" }}>
                    {" "}
                    {s.key}
                  </Text>
                )}
              </List.Item>
            ))}
            {skips.length > SHOWN && (
              <List.Item>{t("registryImport.report.more", { count: skips.length - SHOWN })}</List.Item>
            )}
          </List>
        </div>
      ))}
    </Stack>
  );
}
