import { IMPORT_KINDS, type ImportKind, type ImportPreview } from "@conventio/domain";
import { Button, FileInput, Group, Progress, Radio, Stack, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { errorsFromProblem, useFieldMessage } from "../../lib/form-errors";
import { ProblemAlert } from "../../ui/problem-alert";
import { ExpectedColumns } from "./expected-columns";

const ACCEPT = ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Step 1: what the sheet holds and the file itself; the server reads it and answers a preview. */
export function ChooseFileStep({
  kind,
  onKindChange,
  onRead,
}: {
  kind: ImportKind;
  onKindChange: (kind: ImportKind) => void;
  onRead: (preview: ImportPreview) => void;
}) {
  const { t } = useTranslation();
  const show = useFieldMessage();
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const read = useMutation({
    mutationFn: (chosen: { kind: ImportKind; file: File }) => api.imports.upload(chosen.kind, chosen.file),
    onSuccess: onRead,
  });
  const errors = errorsFromProblem(read.error);
  const named = Boolean(errors.file || errors.kind);

  function submit(event: FormEvent) {
    event.preventDefault();
    setMissing(!file);
    if (file) read.mutate({ kind, file });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <Radio.Group
          label={t("imports.choose.kind")}
          value={kind}
          onChange={(value) => {
            onKindChange(value as ImportKind);
            read.reset();
          }}
          error={show(errors.kind)}
        >
          <Stack gap="xs" mt="xs">
            {IMPORT_KINDS.map((k) => (
              <Radio key={k} value={k} label={t(`imports.kinds.${k}`)} description={t(`imports.kindHelp.${k}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <ExpectedColumns kind={kind} />
        <FileInput
          label={t("imports.choose.file")}
          description={t("imports.choose.fileHelp")}
          accept={ACCEPT}
          clearable
          withAsterisk
          value={file}
          onChange={(chosen) => {
            setFile(chosen);
            setMissing(false);
            read.reset();
          }}
          error={missing ? t("imports.choose.fileRequired") : show(errors.file)}
          maw={480}
        />
        {read.isError && !named && <ProblemAlert error={read.error} />}
        <Group>
          <Button type="submit" loading={read.isPending}>
            {t("imports.choose.read")}
          </Button>
        </Group>
        <div role="status">
          {read.isPending && (
            <>
              <Progress.Root size="lg" maw={480}>
                <Progress.Section
                  value={100}
                  striped
                  animated
                  withAria={false}
                  role="progressbar"
                  aria-label={t("imports.choose.reading")}
                />
              </Progress.Root>
              <Text size="sm" mt={4}>
                {t("imports.choose.reading")}
              </Text>
            </>
          )}
        </div>
      </Stack>
    </form>
  );
}
