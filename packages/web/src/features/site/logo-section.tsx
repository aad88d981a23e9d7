import type { SiteSettings } from "@conventio/domain";
import { Button, FileInput, Group, Image, Paper, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { siteSettings, siteSettingsKey } from "../../lib/api/site-settings";
import { errorsFromProblem, useFieldMessage } from "../../lib/form-errors";
import { ConfirmDialog } from "../../ui/confirm-dialog";
import { ProblemAlert } from "../../ui/problem-alert";

const ACCEPT = "image/png,image/jpeg,image/webp";

/** A preview of the file chosen, before it is sent; released when another is chosen. */
function usePreview(file: File | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!file) {
      setUrl(null);
      return;
    }
    const made = URL.createObjectURL(file);
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [file]);
  return url;
}

/** The logo of the public pages: the current one, a new one previewed before it is sent, and its removal. */
export function LogoSection({ settings }: { settings: SiteSettings }) {
  const { t } = useTranslation();
  const show = useFieldMessage();
  const queryClient = useQueryClient();
  const titleId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const preview = usePreview(file);
  const upload = useMutation({
    mutationFn: siteSettings.uploadLogo,
    onSuccess: (saved) => {
      setFile(null);
      queryClient.setQueryData(siteSettingsKey, saved);
    },
  });
  const removal = useMutation({
    mutationFn: siteSettings.removeLogo,
    onSuccess: () => {
      setConfirming(false);
      queryClient.setQueryData<SiteSettings>(siteSettingsKey, (s) => (s ? { ...s, logoUrl: null } : s));
    },
  });
  const errors = errorsFromProblem(upload.error);
  function submit(event: FormEvent) {
    event.preventDefault();
    setMissing(!file);
    if (file) upload.mutate(file);
  }
  return (
    <Stack>
      <Group align="flex-start" gap="xl" wrap="wrap">
        <Stack gap={4}>
          <Text fw={600} size="sm">
            {t("siteSettings.logo.current")}
          </Text>
          <Paper withBorder p="sm" miw={160}>
            {settings.logoUrl ? (
              <Image
                src={settings.logoUrl}
                alt={t("siteSettings.logo.alt", { name: settings.institutionName })}
                h={64}
                w="auto"
                fit="contain"
              />
            ) : (
              <Text size="sm" c="dimmed">
                {t("siteSettings.logo.none")}
              </Text>
            )}
          </Paper>
          {settings.logoUrl && (
            <Button variant="outline" color="red" size="xs" onClick={() => setConfirming(true)}>
              {t("siteSettings.logo.remove")}
            </Button>
          )}
        </Stack>
        {preview && (
          <Stack gap={4}>
            <Text fw={600} size="sm">
              {t("siteSettings.logo.preview")}
            </Text>
            <Paper withBorder p="sm" miw={160}>
              <Image src={preview} alt={t("siteSettings.logo.previewAlt")} h={64} w="auto" fit="contain" />
            </Paper>
          </Stack>
        )}
      </Group>
      <form onSubmit={submit} noValidate aria-labelledby={titleId}>
        <Text fw={600} id={titleId} mb="xs">
          {t("siteSettings.logo.upload")}
        </Text>
        {upload.isError && !errors.file && <ProblemAlert error={upload.error} />}
        <Group align="flex-start" wrap="wrap">
          <FileInput
            label={t("siteSettings.logo.file")}
            description={t("siteSettings.logo.fileHint")}
            accept={ACCEPT}
            clearable
            value={file}
            onChange={(chosen) => {
              setFile(chosen);
              setMissing(false);
              upload.reset();
            }}
            error={missing ? t("siteSettings.logo.fileRequired") : show(errors.file)}
            w={320}
          />
          <Button type="submit" mt={46} loading={upload.isPending}>
            {t("siteSettings.logo.send")}
          </Button>
        </Group>
        <Text size="sm" mt="xs" role="status">
          {upload.isSuccess && t("siteSettings.logo.uploaded")}
        </Text>
      </form>
      <ConfirmDialog
        opened={confirming}
        title={t("siteSettings.logo.removeTitle")}
        body={t("siteSettings.logo.removeBody")}
        confirmLabel={t("siteSettings.logo.remove")}
        busy={removal.isPending}
        error={removal.isError ? <ProblemAlert error={removal.error} /> : null}
        onConfirm={() => removal.mutate()}
        onClose={() => setConfirming(false)}
      />
    </Stack>
  );
}
