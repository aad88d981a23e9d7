import type { ImportProgress } from "@conventio/domain";
import { Box, Progress, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** The phases in which the server counts rows; before and after them the bar just moves. */
const COUNTING = new Set<ImportProgress["phase"]>(["checking", "writing"]);

type RunAction = "dryRun" | "apply";

/**
 * What the server is doing, in words. A dry run also goes through the writes (and rolls them
 * back), so for the reader all of it is checking; an apply checks, then writes.
 */
function stageOf(action: RunAction, progress: ImportProgress | undefined): "reading" | "checking" | "writing" {
  const phase = progress?.phase;
  if (phase === "writing") return action === "apply" ? "writing" : "checking";
  return phase === "checking" ? "checking" : "reading";
}

/**
 * The bar of a running dry run or apply: how many rows of how many, once the server counts them.
 * The numbers are for the eye and the progressbar's value; the step's status region says the
 * stage in words (usePhaseText), so a screen reader is not read every tick.
 */
export function RunProgress({
  action,
  progress,
  label,
}: {
  action: RunAction;
  progress: ImportProgress | undefined;
  label: string;
}) {
  const { t } = useTranslation();
  const counting = progress && COUNTING.has(progress.phase) && progress.total > 0 ? progress : null;
  const percent = counting ? Math.min(100, Math.round((counting.done * 100) / counting.total)) : null;
  const stage = stageOf(action, progress);
  return (
    <Box maw={560}>
      <Progress.Root size="lg" transitionDuration={200}>
        {percent === null ? (
          <Progress.Section value={100} striped animated withAria={false} role="progressbar" aria-label={label} />
        ) : (
          <Progress.Section value={percent} aria-label={label} />
        )}
      </Progress.Root>
      <Text size="sm" mt={4} aria-hidden="true" data-testid="import-progress-text">
        {counting && stage !== "reading"
          ? t(`imports.run.count.${stage}`, { done: counting.done, total: counting.total })
          : t("imports.run.stage.reading")}
      </Text>
    </Box>
  );
}

/** The stage in words, for the status region while a run is pending. */
export function usePhaseText(action: RunAction): (progress: ImportProgress | undefined) => string {
  const { t } = useTranslation();
  return (progress) => t(`imports.run.stage.${stageOf(action, progress)}`);
}
