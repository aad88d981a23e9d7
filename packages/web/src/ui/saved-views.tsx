import type { SavedViewList } from "@conventio/domain";
import { Button, CloseButton, Group, Text, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSavedViews } from "../lib/saved-views";
import { ProblemAlert } from "./problem-alert";

/**
 * The views saved for a list, above it: open one, delete one, or save the current filters and
 * sort under a name.
 */
export function SavedViews({
  list,
  current,
  onOpen,
}: {
  list: SavedViewList;
  current: Record<string, unknown>;
  onOpen: (search: Record<string, unknown>) => void;
}) {
  const { t } = useTranslation();
  const { views, query, save, remove } = useSavedViews(list);
  const [name, setName] = useState("");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    save.mutate({ name: name.trim(), search: current }, { onSuccess: () => setName("") });
  };
  const error = query.error ?? save.error ?? remove.error;
  return (
    <section aria-label={t("savedViews.label")}>
      <Group gap="xs" mb="sm" align="center">
        <Text size="sm" fw={500}>
          {t("savedViews.label")}
        </Text>
        {query.isSuccess && views.length === 0 && (
          <Text size="sm" c="dimmed">
            {t("savedViews.none")}
          </Text>
        )}
        {views.map((v) => (
          <Group key={v.id} gap={0} wrap="nowrap">
            <Button size="compact-sm" variant="light" onClick={() => onOpen(v.search)}>
              {v.name}
            </Button>
            <CloseButton
              size="sm"
              aria-label={t("savedViews.delete", { name: v.name })}
              disabled={remove.isPending}
              onClick={() => remove.mutate(v)}
            />
          </Group>
        ))}
      </Group>
      {error && <ProblemAlert error={error} />}
      <form onSubmit={submit}>
        <Group gap="xs" mb="md" align="flex-end">
          <TextInput
            size="xs"
            label={t("savedViews.name")}
            value={name}
            maxLength={80}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <Button size="xs" type="submit" variant="default" disabled={!name.trim()} loading={save.isPending}>
            {t("savedViews.save")}
          </Button>
        </Group>
      </form>
    </section>
  );
}
