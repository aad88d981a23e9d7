import { Alert, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/**
 * The banner above a staff preview of a public page: whether the record is published, what the
 * preview leaves out or adds, and the way back to the record.
 */
export function PreviewBanner({
  published,
  statement,
  notes = [],
  back,
}: {
  published: boolean;
  statement: string;
  notes?: string[];
  back: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Alert color={published ? "blue" : "gray"} title={t("portal.previewTitle")} data-testid="preview-banner">
      <Text size="sm">{statement}</Text>
      {notes.map((note) => (
        <Text size="sm" key={note}>
          {note}
        </Text>
      ))}
      {back}
    </Alert>
  );
}
