import { REGISTRY_IMPORT_TARGETS, type RegistryImportJob, type RegistryImportTarget } from "@conventio/domain";
import { Box, Button, FileInput, Group, Progress, Radio, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../lib/api";
import { registryImports } from "../../lib/api/registry-imports";
import { errorsFromProblem, useFieldMessage } from "../../lib/form-errors";
import { ProblemAlert } from "../../ui/problem-alert";
import { RegistryImportReportView } from "./registry-import-report";

const ACCEPT = ".json,.jsonl,.gz,.csv,application/json,application/gzip,text/csv";

/** A running import's bar: how far through the file, the records handled so far in words beside it. */
function ImportProgress({ job }: { job: RegistryImportJob }) {
  const { t } = useTranslation();
  const percent = Math.round(job.fraction * 100);
  return (
    <Box maw={560}>
      <Progress.Root size="lg" transitionDuration={200}>
        <Progress.Section value={Math.max(percent, 2)} aria-label={t("registryImport.running", { file: job.file })} />
      </Progress.Root>
      <Text size="sm" mt={4} aria-hidden="true">
        {t("registryImport.progress", { percent, count: job.processed })}
      </Text>
    </Box>
  );
}

/**
 * Refreshing the registry (or creating partners) from a ROR dump or the Erasmus charter list, for
 * administrators: the file goes up, the import runs on the server, the page follows it and shows
 * the report.
 */
export function RegistryImportForm() {
  const { t } = useTranslation();
  const show = useFieldMessage();
  const queryClient = useQueryClient();
  const [into, setInto] = useState<RegistryImportTarget>("registry");
  const [file, setFile] = useState<File | null>(null);
  const [crosswalk, setCrosswalk] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const start = useMutation({
    mutationFn: (chosen: { into: RegistryImportTarget; file: File; crosswalk: File | null }) =>
      registryImports.start(chosen.into, chosen.file, chosen.crosswalk),
  });
  const jobId = start.data?.id;
  const job = useQuery({
    queryKey: ["registry-import", jobId],
    queryFn: () => registryImports.job(jobId ?? ""),
    enabled: Boolean(jobId),
    refetchInterval: (query) => (query.state.data?.status === "running" || !query.state.data ? 1000 : false),
  });
  const current = job.data ?? start.data;
  const running = start.isPending || current?.status === "running";
  const finished = job.data?.status === "done";
  useEffect(() => {
    // Searches made before the import may show entries it changed.
    if (finished) void queryClient.invalidateQueries({ queryKey: ["registry"] });
  }, [finished, queryClient]);
  const errors = errorsFromProblem(start.error);
  const named = Boolean(errors.file || errors.crosswalk || errors.into);

  function submit(event: FormEvent) {
    event.preventDefault();
    setMissing(!file);
    if (file) start.mutate({ into, file, crosswalk });
  }

  return (
    <Box component="section" aria-labelledby="registry-import-title" mt="xl" maw={640}>
      <Title order={2} size="h3" id="registry-import-title" mb="xs">
        {t("registryImport.title")}
      </Title>
      <Text size="sm" mb="md">
        {t("registryImport.intro")}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Radio.Group
            label={t("registryImport.into")}
            value={into}
            onChange={(value) => setInto(value as RegistryImportTarget)}
            error={show(errors.into)}
          >
            <Stack gap="xs" mt="xs">
              {REGISTRY_IMPORT_TARGETS.map((target) => (
                <Radio
                  key={target}
                  value={target}
                  label={t(`registryImport.targets.${target}`)}
                  description={t(`registryImport.targetHelp.${target}`)}
                />
              ))}
            </Stack>
          </Radio.Group>
          <FileInput
            label={t("registryImport.file")}
            description={t("registryImport.fileHelp")}
            accept={ACCEPT}
            clearable
            clearButtonProps={{ "aria-label": t("registryImport.clearFile") }}
            withAsterisk
            value={file}
            onChange={(chosen) => {
              setFile(chosen);
              setMissing(false);
              start.reset();
            }}
            error={missing ? t("registryImport.fileRequired") : show(errors.file)}
          />
          <FileInput
            label={t("registryImport.crosswalk")}
            description={t("registryImport.crosswalkHelp")}
            accept=".csv,text/csv"
            clearable
            clearButtonProps={{ "aria-label": t("registryImport.clearCrosswalk") }}
            value={crosswalk}
            onChange={(chosen) => {
              setCrosswalk(chosen);
              start.reset();
            }}
            error={show(errors.crosswalk)}
          />
          {start.isError && !named && <ProblemAlert error={start.error} />}
          <Group>
            <Button type="submit" loading={running}>
              {t("registryImport.start")}
            </Button>
          </Group>
        </Stack>
      </form>
      <Stack gap="md" mt="md">
        <div role="status">
          {current?.status === "running" && (
            <Text size="sm">{t("registryImport.running", { file: current.file })}</Text>
          )}
          {current?.status === "done" && <Text size="sm">{t("registryImport.done", { file: current.file })}</Text>}
        </div>
        {current?.status === "running" && <ImportProgress job={current} />}
        {current?.status === "failed" && current.problem && (
          <ProblemAlert
            error={new ApiError(current.problem)}
            title={t("registryImport.failed", { file: current.file })}
          />
        )}
        {current?.status === "done" && current.report && <RegistryImportReportView report={current.report} />}
      </Stack>
    </Box>
  );
}
