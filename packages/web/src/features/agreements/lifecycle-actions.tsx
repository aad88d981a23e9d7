import type { AgreementStatus, AgreementView, TransitionAction } from "@conventio/domain";
import { Button, Group, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../lib/api";
import { errorsFromProblem, useFieldMessage } from "../../lib/form-errors";
import { ConfirmDialog } from "../../ui/confirm-dialog";
import { Dialog } from "../../ui/dialog";
import { ProblemAlert } from "../../ui/problem-alert";
import { agreementKeys } from "./agreement-queries";

function TerminateDialog({ agreement, onClose }: { agreement: AgreementView; onClose: () => void }) {
  const { t } = useTranslation();
  const show = useFieldMessage();
  const queryClient = useQueryClient();
  const [on, setOn] = useState("");
  const [reason, setReason] = useState("");
  const terminate = useMutation({
    mutationFn: () =>
      api.agreements.transition(agreement.id, {
        action: "terminate",
        on: on || null,
        reason: reason.trim() || null,
        note: null,
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(agreementKeys.detail(agreement.id), saved);
      void queryClient.invalidateQueries({ queryKey: agreementKeys.all });
      onClose();
    },
  });
  const errors = errorsFromProblem(terminate.error);
  function submit(event: FormEvent) {
    event.preventDefault();
    terminate.mutate();
  }
  return (
    <Dialog opened onClose={onClose} title={t("lifecycle.terminateTitle")} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          {terminate.error instanceof ApiError && Object.keys(errors).length === 0 && (
            <ProblemAlert error={terminate.error} />
          )}
          <TextInput
            type="date"
            label={t("lifecycle.terminateOn")}
            required
            value={on}
            onChange={(e) => setOn(e.currentTarget.value)}
            error={show(errors.on)}
            data-autofocus
          />
          <Textarea
            label={t("lifecycle.terminateReason")}
            required
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={show(errors.reason)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" color="red" loading={terminate.isPending}>
              {t("lifecycle.terminate")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}

/** Deletes a draft; anything signed is terminated instead, and keeps its history. */
export function DeleteDraftButton({ agreement }: { agreement: AgreementView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const remove = useMutation({
    mutationFn: () => api.agreements.delete(agreement.id),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: agreementKeys.detail(agreement.id) });
      await queryClient.invalidateQueries({ queryKey: agreementKeys.all });
      await navigate({ to: "/agreements" });
    },
  });
  if (agreement.status !== "draft") return null;
  return (
    <>
      <Button variant="outline" color="red" onClick={() => setOpen(true)}>
        {t("common.delete")}
      </Button>
      <ConfirmDialog
        opened={open}
        title={t("lifecycle.deleteTitle", { title: agreement.title })}
        body={t("lifecycle.deleteBody")}
        confirmLabel={t("common.delete")}
        busy={remove.isPending}
        error={remove.isError ? <ProblemAlert error={remove.error} /> : null}
        onConfirm={() => remove.mutate()}
        onClose={() => setOpen(false)}
      />
    </>
  );
}

/** The lifecycle actions the server says are open now, as buttons; refusals show what to fix. */
export function LifecycleActions({ agreement, canEdit }: { agreement: AgreementView; canEdit: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [terminating, setTerminating] = useState(false);
  // After an action, the focus lands on the new status, which is also announced: the buttons
  // just used may have gone, and the reader must not be left on nothing.
  const [done, setDone] = useState<AgreementStatus | null>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);
  const transition = useMutation({
    mutationFn: (action: TransitionAction) =>
      api.agreements.transition(agreement.id, { action, on: null, reason: null, note: null }),
    onSuccess: (saved) => {
      queryClient.setQueryData(agreementKeys.detail(agreement.id), saved);
      void queryClient.invalidateQueries({ queryKey: agreementKeys.all });
      setDone(saved.status);
    },
  });
  const renew = useMutation({
    mutationFn: () => api.agreements.renew(agreement.id),
    onSuccess: async (successor) => {
      await queryClient.invalidateQueries({ queryKey: agreementKeys.all });
      await navigate({ to: "/agreements/$agreementId", params: { agreementId: successor.id } });
    },
  });
  if (!canEdit) return null;
  const statusNow = done && (
    <Text ref={doneRef} tabIndex={-1} role="status" size="sm" fw={600} className="lifecycle-done">
      {t("lifecycle.nowStatus", { status: t(`agreementStatus.${done}`) })}
    </Text>
  );
  if (agreement.allowedActions.length === 0) return statusNow || null;
  return (
    <Stack gap="xs">
      {statusNow}
      <Group gap="xs" role="group" aria-label={t("lifecycle.label")}>
        {agreement.allowedActions.map((action) => {
          if (action === "renew") {
            return (
              <Button key={action} variant="default" onClick={() => renew.mutate()} loading={renew.isPending}>
                {t("lifecycle.renew")}
              </Button>
            );
          }
          if (action === "terminate") {
            return (
              <Button key={action} variant="outline" color="red" onClick={() => setTerminating(true)}>
                {t("lifecycle.terminate")}
              </Button>
            );
          }
          return (
            <Button
              key={action}
              variant={action === "activate" ? "filled" : "default"}
              onClick={() => transition.mutate(action)}
              loading={transition.isPending && transition.variables === action}
            >
              {t(`lifecycle.${action}`)}
            </Button>
          );
        })}
      </Group>
      {transition.isError && <ProblemAlert error={transition.error} title={t("lifecycle.refused")} />}
      {renew.isError && <ProblemAlert error={renew.error} title={t("lifecycle.refused")} />}
      {terminating && <TerminateDialog agreement={agreement} onClose={() => setTerminating(false)} />}
    </Stack>
  );
}
