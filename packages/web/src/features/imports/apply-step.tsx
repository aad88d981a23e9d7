import type { ImportKind } from "@conventio/domain";
import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../lib/api";
import { refusedReport } from "../../lib/api/imports";
import { ProblemAlert } from "../../ui/problem-alert";
import { ImportReportView } from "./import-report";
import { ListLink } from "./import-links";
import { useReportSummary } from "./report-counts";
import { RunProgress, usePhaseText } from "./run-progress";
import type { ImportRun } from "./use-import-run";

/** A refusal's problem without its per-cell errors: the report below lists them with their rows. */
function withoutCellErrors(error: unknown): unknown {
  return error instanceof ApiError ? new ApiError({ ...error.problem, errors: [] }) : error;
}

/**
 * Step 4: the import itself, in one transaction. Its progress, then what was written with links
 * to the records and their list; or, when the server refused, why, with nothing written.
 */
export function ApplyStep({
  kind,
  run,
  onAgain,
  onCorrectFile,
  onBackToCheck,
}: {
  kind: ImportKind;
  run: ImportRun;
  onAgain: () => void;
  onCorrectFile: () => void;
  onBackToCheck: () => void;
}) {
  const { t } = useTranslation();
  const phaseText = usePhaseText("apply");
  const summary = useReportSummary();
  const { mutation } = run;
  const refused = refusedReport(mutation.error);
  const report = mutation.data ?? refused;
  return (
    <Stack gap="lg">
      <Text role="status" fw={600}>
        {mutation.isPending
          ? phaseText(run.progress)
          : mutation.data
            ? summary(mutation.data)
            : refused
              ? t("imports.apply.refused")
              : ""}
      </Text>
      {mutation.isPending && <RunProgress action="apply" progress={run.progress} label={t("imports.apply.progress")} />}
      {mutation.isError && <ProblemAlert error={refused ? withoutCellErrors(mutation.error) : mutation.error} />}
      {mutation.data && (
        <Alert color="teal" variant="outline" title={t("imports.apply.doneTitle")}>
          {t("imports.apply.doneHelp")}
        </Alert>
      )}
      {report && <ImportReportView report={report} />}
      {!mutation.isPending && (
        <Group gap="sm">
          {mutation.data && <ListLink kind={kind} />}
          {mutation.data && (
            <Button variant="default" onClick={onAgain}>
              {t("imports.apply.again")}
            </Button>
          )}
          {mutation.isError && (
            <>
              <Button onClick={onCorrectFile}>{t("imports.check.correctFile")}</Button>
              <Button variant="default" onClick={onBackToCheck}>
                {t("imports.apply.backToCheck")}
              </Button>
            </>
          )}
        </Group>
      )}
    </Stack>
  );
}
