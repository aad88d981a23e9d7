import { Button, Group, Paper, Text, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { ExportMenu } from "../../ui/export-menu";
import { ProblemAlert } from "../../ui/problem-alert";
import { agreementKeys } from "./agreement-queries";

/**
 * What an editor does with the agreements picked in the list: add one theme to all of them (the
 * server adds it to all or to none; the list then shows it and the selection is cleared), or
 * export just them.
 */
export function AgreementBulkActions({ selected, onDone }: { selected: ReadonlySet<string>; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [theme, setTheme] = useState("");
  const [added, setAdded] = useState<number | null>(null);
  const addTheme = useMutation({
    mutationFn: () => api.themes.addToAgreements({ ids: [...selected], theme: theme.trim() }),
    onSuccess: async (result) => {
      setAdded(result.updated);
      setTheme("");
      onDone();
      await queryClient.invalidateQueries({ queryKey: agreementKeys.all });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (theme.trim()) addTheme.mutate();
  };
  return (
    <section aria-label={t("agreements.bulk.label")}>
      <Text size="sm" aria-live="polite" mb="xs">
        {selected.size > 0
          ? t("agreements.bulk.selected", { count: selected.size })
          : added !== null
            ? t("agreements.bulk.added", { count: added })
            : ""}
      </Text>
      {selected.size > 0 && (
        <Paper withBorder p="sm" mb="md">
          <form onSubmit={submit}>
            <Group gap="xs" align="flex-end">
              <TextInput
                size="xs"
                label={t("agreements.bulk.theme")}
                value={theme}
                maxLength={80}
                onChange={(e) => setTheme(e.currentTarget.value)}
              />
              <Button size="xs" type="submit" loading={addTheme.isPending} disabled={!theme.trim()}>
                {t("agreements.bulk.addTheme")}
              </Button>
              <ExportMenu
                kind="agreements"
                filters={{ ids: [...selected].join(",") }}
                label={t("agreements.bulk.export")}
              />
            </Group>
          </form>
          {addTheme.isError && <ProblemAlert error={addTheme.error} />}
        </Paper>
      )}
    </section>
  );
}
