import { Button, FileInput, Group, Progress, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorsFromProblem, useFieldMessage } from "../../lib/form-errors";
import { ProblemAlert } from "../../ui/problem-alert";
import { type PictureOwner, pictureApi, picturesKey } from "./picture-api";

const ACCEPT = "image/jpeg,image/png,image/webp";

/** Choose a picture, send it, and follow its progress; the server makes the page sizes once it has it all. */
export function PictureUpload({ owner }: { owner: PictureOwner }) {
  const { t } = useTranslation();
  const show = useFieldMessage();
  const queryClient = useQueryClient();
  const titleId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const [sent, setSent] = useState(0);
  const upload = useMutation({
    mutationFn: (chosen: File) => pictureApi.upload(owner, chosen, setSent),
    onSuccess: () => {
      setFile(null);
      void queryClient.invalidateQueries({ queryKey: picturesKey(owner) });
    },
  });
  const errors = errorsFromProblem(upload.error);
  const percent = Math.round(sent * 100);
  function submit(event: FormEvent) {
    event.preventDefault();
    setMissing(!file);
    if (!file) return;
    setSent(0);
    upload.mutate(file);
  }
  return (
    <form onSubmit={submit} noValidate aria-labelledby={titleId}>
      <Text fw={600} id={titleId} mb="xs">
        {t("pictures.upload")}
      </Text>
      {upload.isError && !errors.file && <ProblemAlert error={upload.error} />}
      <Group align="flex-start" wrap="wrap">
        <FileInput
          label={t("pictures.file")}
          description={t("pictures.fileHelp")}
          accept={ACCEPT}
          clearable
          value={file}
          onChange={(chosen) => {
            setFile(chosen);
            setMissing(false);
            upload.reset();
          }}
          error={missing ? t("pictures.fileRequired") : show(errors.file)}
          w={320}
        />
        <Button type="submit" mt={46} loading={upload.isPending}>
          {t("pictures.send")}
        </Button>
      </Group>
      <div aria-live="polite">
        {upload.isPending && (
          <>
            <Progress.Root size="lg" mt="sm" maw={420}>
              <Progress.Section value={percent} aria-label={t("pictures.progress")} />
            </Progress.Root>
            <Text size="sm" mt={4}>
              {sent < 1 ? t("pictures.uploading", { percent }) : t("pictures.processing")}
            </Text>
          </>
        )}
        {upload.isSuccess && (
          <Text size="sm" mt="xs">
            {t("pictures.uploaded")}
          </Text>
        )}
      </div>
    </form>
  );
}
