import type { ImportCounts, ImportReport } from "@conventio/domain";
import { Group, Paper, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

const COUNTS = [
  "created",
  "updated",
  "unchanged",
  "skipped",
  "errors",
] as const satisfies readonly (keyof ImportCounts)[];

/** The report's counts as figures: created, updated, unchanged, skipped and rows with errors. */
export function ReportCounts({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const tense = report.applied ? "done" : "planned";
  return (
    <Group component="ul" className="plain-list" gap="sm" aria-label={t("imports.report.countsLabel")}>
      {COUNTS.map((name) => (
        <Paper
          key={name}
          component="li"
          withBorder
          px="md"
          py="xs"
          miw={120}
          data-testid={`import-count-${name}`}
          style={name === "errors" && report.counts.errors > 0 ? { borderColor: "var(--mantine-color-red-7)" } : {}}
        >
          <Text fz={24} fw={700} lh={1.2}>
            {report.counts[name]}
          </Text>
          <Text size="sm">{t(`imports.report.counts.${tense}.${name}`)}</Text>
        </Paper>
      ))}
    </Group>
  );
}

/** The counts in one sentence, for the status region that announces the result. */
export function useReportSummary(): (report: ImportReport) => string {
  const { t } = useTranslation();
  return (report) =>
    t(report.applied ? "imports.report.summaryApplied" : "imports.report.summaryDryRun", report.counts);
}
