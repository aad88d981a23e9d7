import { Group, Stack, Text, Title } from "@mantine/core";
import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";

/** The page's one h1, its actions, and the browser tab's title. */
export function PageHeader({
  title,
  titleLang,
  subtitle,
  actions,
}: {
  title: string;
  /** The title's language when it is not the page's, e.g. a French original on an English page. */
  titleLang?: string | null | undefined;
  subtitle?: ReactNode;
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · ${t("app.name")}`;
  }, [title, t]);
  return (
    <Group justify="space-between" align="flex-start" mb="lg" wrap="wrap" gap="sm">
      <Stack gap={4}>
        <Title order={1} lang={titleLang ?? undefined}>
          {title}
        </Title>
        {typeof subtitle === "string" ? <Text c="dimmed">{subtitle}</Text> : subtitle}
      </Stack>
      {actions && <Group gap="sm">{actions}</Group>}
    </Group>
  );
}
