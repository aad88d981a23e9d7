import type { ImportReport } from "@conventio/domain";
import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { ProblemAlert } from "../../ui/problem-alert";
import { ImportReportView } from "./import-report";
import { useReportSummary } from "./report-counts";
import { RunProgress, usePhaseText } from "./run-progress";
import type { ImportRun } from "./use-import-run";

/**
 * Step 3: the dry run. Its progress while it runs, then what the import would do; importing is
 * offered only when no row has an error and the report is for the mapping chosen now.
 */
export function CheckStep({
  run,
  stale,
  onRunAgain,
  onApply,
  onChangeMapping,
  onCorrectFile,
}: {
  run: ImportRun;
  /** True when the mapping changed since this report was made. */
  stale: boolean;
  onRunAgain: () => void;
  onApply: () => void;
  onChangeMapping: () => void;
  onCorrectFile: () => void;
}) {
  const { t } = useTranslation();
  const phaseText = usePhaseText("dryRun");
  const summary = useReportSummary();
  const blockedId = useId();
  const { mutation } = run;
  const report: ImportReport | undefined = mutation.data;
  const blocked = !report || stale || report.counts.errors > 0;
  return (
    <Stack gap="lg">
      <Text role="status" fw={report ? 600 : 400}>
        {mutation.isPending ? phaseText(run.progress) : report && !stale ? summary(report) : ""}
      </Text>
      {mutation.isPending && (
        <RunProgress action="dryRun" progress={run.progress} label={t("imports.check.progress")} />
      )}
      {mutation.isError && <ProblemAlert error={mutation.error} />}
      {report && stale && (
        <Alert color="yellow" variant="light">
          {t("imports.check.stale")}
        </Alert>
      )}
      {report && !stale && <ImportReportView report={report} />}
      {!mutation.isPending && (
        <Stack gap="xs">
          {report && !stale && (
            <Text id={blockedId} size="sm">
              {report.counts.errors > 0 ? t("imports.check.blocked") : t("imports.check.ready")}
            </Text>
          )}
          <Group gap="sm">
            {(stale || mutation.isError) && <Button onClick={onRunAgain}>{t("imports.check.again")}</Button>}
            <Button onClick={onApply} disabled={blocked} aria-describedby={report && !stale ? blockedId : undefined}>
              {t("imports.check.apply", { count: report?.rowCount ?? 0 })}
            </Button>
            <Button variant="default" onClick={onCorrectFile}>
              {t("imports.check.correctFile")}
            </Button>
            <Button variant="subtle" onClick={onChangeMapping}>
              {t("imports.check.changeMapping")}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
