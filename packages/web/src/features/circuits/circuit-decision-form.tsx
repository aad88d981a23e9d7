import { type CircuitDecision, CircuitDecisionInput, type CircuitRunStepView } from "@conventio/domain";
import { Button, Checkbox, Group, Stack, Textarea } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { circuitKeys, circuits } from "../../lib/api/circuits";
import { FormProblem, useSchemaForm } from "../../lib/use-schema-form";
import { agreementKeys } from "../agreements/agreement-queries";

/** The approver's turn: tick the checklist, then approve, or send back saying why. */
export function CircuitDecisionForm({ agreementId, step }: { agreementId: string; step: CircuitRunStepView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [ticked, setTicked] = useState<string[]>([]);
  const [comment, setComment] = useState("");
  // Which button sent the form: read when the form is checked, after the click.
  const decision = useRef<CircuitDecision>("approve");
  const form = useSchemaForm({
    schema: CircuitDecisionInput,
    read: () => ({ decision: decision.current, comment: comment.trim() || null, checklist: ticked }),
    send: (input) => circuits.decide(agreementId, step.id, input),
    onSaved: (saved) => {
      queryClient.setQueryData(circuitKeys.agreement(agreementId), saved);
      setTicked([]);
      setComment("");
      void queryClient.invalidateQueries({ queryKey: agreementKeys.detail(agreementId) });
      void queryClient.invalidateQueries({ queryKey: circuitKeys.mine });
    },
  });
  const headingId = `decide-${step.id}`;
  return (
    <form ref={form.ref} onSubmit={form.submit} noValidate aria-labelledby={headingId}>
      <Stack gap="sm">
        <strong id={headingId}>{t("circuits.decideTitle", { step: step.name })}</strong>
        <FormProblem form={form} quiet />
        {step.checklist.length > 0 && (
          <Checkbox.Group
            label={t("circuits.checklist")}
            value={ticked}
            onChange={setTicked}
            error={form.error("checklist")}
          >
            <Stack gap={6} mt={6}>
              {step.checklist.map((item) => (
                <Checkbox key={item} value={item} label={item} />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
        <Textarea
          label={t("circuits.comment")}
          description={t("circuits.commentHint")}
          autosize
          minRows={2}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          error={form.error("comment")}
        />
        <Group gap="xs">
          <Button
            type="submit"
            onClick={() => {
              decision.current = "approve";
            }}
            loading={form.mutation.isPending && form.mutation.variables?.decision === "approve"}
          >
            {t("circuits.approve")}
          </Button>
          <Button
            type="submit"
            variant="default"
            onClick={() => {
              decision.current = "send_back";
            }}
            loading={form.mutation.isPending && form.mutation.variables?.decision === "send_back"}
          >
            {t("circuits.sendBack")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
