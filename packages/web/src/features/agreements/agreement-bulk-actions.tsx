import { Button, Group, NativeSelect, Paper, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { errorsFromProblem, useFieldMessage } from "../../lib/form-errors";
import { ExportMenu } from "../../ui/export-menu";
import { ProblemAlert } from "../../ui/problem-alert";
import { agreementKeys } from "./agreement-queries";

/** The moves offered for a selection; a termination asks for its date and reason, the same for all. */
const MOVES = ["start_negotiation", "request_signature", "activate", "terminate", "reopen"] as const;

/**
 * What an editor does with the agreements picked in the list: make the same move in the life of
 * all of them, add one theme to all of them (the server does either to all or to none; the list
 * then shows it and the selection is cleared), or export just them.
 */
export function AgreementBulkActions({ selected, onDone }: { selected: ReadonlySet<string>; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [theme, setTheme] = useState("");
  const [added, setAdded] = useState<number | null>(null);
  const addTheme = useMutation({
    mutationFn: () => api.themes.addToAgreements({ ids: [...selected], theme: theme.trim() }),
    onSuccess: async (result) => {
      setMoved(null);
      setAdded(result.updated);
      setTheme("");
      onDone();
      await queryClient.invalidateQueries({ queryKey: agreementKeys.all });
    },
  });
  const [action, setAction] = useState<(typeof MOVES)[number]>("start_negotiation");
  const [on, setOn] = useState("");
  const [reason, setReason] = useState("");
  const [moved, setMoved] = useState<number | null>(null);
  const terminating = action === "terminate";
  const moveAll = useMutation({
    mutationFn: () =>
      api.agreements.transitionMany({
        ids: [...selected],
        action,
        ...(terminating ? { on: on || null, reason: reason.trim() || null } : {}),
      }),
    onSuccess: async (result) => {
      setAdded(null);
      setMoved(result.updated);
      setOn("");
      setReason("");
      onDone();
      await queryClient.invalidateQueries({ queryKey: agreementKeys.all });
    },
  });
  const show = useFieldMessage();
  const moveErrors = errorsFromProblem(moveAll.error);
  // Messages on the date or reason show under those fields; anything else (the agreement that
  // refused, by its reference) shows above them.
  const errorFields = Object.keys(moveErrors);
  const fieldAtFault = terminating && errorFields.length > 0 && errorFields.every((f) => f === "on" || f === "reason");
  const submitMove = (e: FormEvent) => {
    e.preventDefault();
    moveAll.mutate();
  };
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
            : moved !== null
              ? t("agreements.bulk.moved", { count: moved })
              : ""}
      </Text>
      {selected.size > 0 && (
        <Paper withBorder p="sm" mb="md">
          <Stack gap="sm">
            <form onSubmit={submitMove} noValidate>
              <Stack gap="xs">
                <Group gap="xs" align="flex-end">
                  <NativeSelect
                    size="xs"
                    label={t("agreements.bulk.move")}
                    value={action}
                    onChange={(e) => setAction(e.currentTarget.value as (typeof MOVES)[number])}
                    data={MOVES.map((m) => ({ value: m, label: t(`lifecycle.${m}`) }))}
                  />
                  {terminating && (
                    <TextInput
                      size="xs"
                      type="date"
                      label={t("lifecycle.terminateOn")}
                      required
                      value={on}
                      onChange={(e) => setOn(e.currentTarget.value)}
                      error={show(moveErrors.on)}
                    />
                  )}
                  {!terminating && (
                    <Button size="xs" type="submit" loading={moveAll.isPending}>
                      {t("agreements.bulk.applyMove")}
                    </Button>
                  )}
                </Group>
                {terminating && (
                  <>
                    <Textarea
                      size="xs"
                      label={t("lifecycle.terminateReason")}
                      required
                      autosize
                      minRows={2}
                      maw={560}
                      value={reason}
                      onChange={(e) => setReason(e.currentTarget.value)}
                      error={show(moveErrors.reason)}
                    />
                    <Group>
                      <Button size="xs" type="submit" color="red" loading={moveAll.isPending}>
                        {t("agreements.bulk.terminateAll", { count: selected.size })}
                      </Button>
                    </Group>
                  </>
                )}
              </Stack>
            </form>
            {moveAll.isError && !fieldAtFault && <ProblemAlert error={moveAll.error} />}
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
          </Stack>
        </Paper>
      )}
    </section>
  );
}
