import { AGREEMENT_KINDS, CircuitInput, type CircuitView, USER_ROLES, type UserRole } from "@conventio/domain";
import { Button, Fieldset, Group, Radio, Select, Stack, TagsInput, TextInput } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { circuitKeys, circuits } from "../../lib/api/circuits";
import { FormProblem, useSchemaForm } from "../../lib/use-schema-form";
import { useAssignable } from "../accounts/use-assignable";

type StepDraft = {
  key: number;
  name: string;
  approverKind: "user" | "role";
  approverUserId: string | null;
  approverRole: UserRole | null;
  checklist: string[];
};

let nextKey = 1;
const blankStep = (): StepDraft => ({
  key: nextKey++,
  name: "",
  approverKind: "user",
  approverUserId: null,
  approverRole: null,
  checklist: [],
});

function draftOf(circuit: CircuitView | null) {
  if (!circuit) return { kind: null, name: "", steps: [blankStep()] };
  return {
    kind: circuit.kind,
    name: circuit.name,
    steps: circuit.steps.map(
      (s): StepDraft => ({
        key: nextKey++,
        name: s.name,
        approverKind: s.approverUser ? "user" : "role",
        approverUserId: s.approverUser?.id ?? null,
        approverRole: s.approverRole,
        checklist: s.checklist,
      }),
    ),
  };
}

function StepFields({
  index,
  step,
  error,
  onChange,
  onRemove,
}: {
  index: number;
  step: StepDraft;
  error: (path: string) => string | undefined;
  onChange: (patch: Partial<StepDraft>) => void;
  onRemove: (() => void) | null;
}) {
  const { t } = useTranslation();
  const accounts = useAssignable(null);
  const at = (field: string) => error(`steps.${index}.${field}`);
  return (
    <Fieldset legend={t("circuits.form.stepN", { n: index + 1 })}>
      <Stack gap="sm">
        <TextInput
          label={t("circuits.form.stepName")}
          description={t("circuits.form.stepNameHint")}
          required
          value={step.name}
          onChange={(e) => onChange({ name: e.currentTarget.value })}
          error={at("name")}
        />
        <Radio.Group
          label={t("circuits.form.approvedBy")}
          value={step.approverKind}
          onChange={(v) => onChange({ approverKind: v === "role" ? "role" : "user" })}
        >
          <Group mt={4}>
            <Radio value="user" label={t("circuits.form.anAccount")} />
            <Radio value="role" label={t("circuits.form.aRole")} />
          </Group>
        </Radio.Group>
        {step.approverKind === "user" ? (
          <Select
            label={t("circuits.form.account")}
            data={accounts}
            searchable
            value={step.approverUserId}
            onChange={(v) => onChange({ approverUserId: v })}
            error={at("approverUserId")}
          />
        ) : (
          <Select
            label={t("circuits.form.role")}
            data={USER_ROLES.map((r) => ({ value: r, label: t(`userRoles.${r}`) }))}
            value={step.approverRole}
            onChange={(v) => onChange({ approverRole: (v as UserRole | null) ?? null })}
            error={at("approverRole") ?? at("approverUserId")}
          />
        )}
        <TagsInput
          label={t("circuits.checklist")}
          description={t("common.enterEach")}
          value={step.checklist}
          onChange={(v) => onChange({ checklist: v })}
          error={at("checklist")}
        />
        {onRemove && (
          <Group>
            <Button variant="subtle" color="red" onClick={onRemove}>
              {t("circuits.form.removeStep", { n: index + 1 })}
            </Button>
          </Group>
        )}
      </Stack>
    </Fieldset>
  );
}

/** Defines or replaces the circuit of a kind of agreement: its name and its ordered steps. */
export function CircuitForm({ circuit, onDone }: { circuit: CircuitView | null; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(() => draftOf(circuit));
  const setStep = (key: number, patch: Partial<StepDraft>) =>
    setDraft((d) => ({ ...d, steps: d.steps.map((s) => (s.key === key ? { ...s, ...patch } : s)) }));
  const form = useSchemaForm({
    schema: CircuitInput,
    read: () => ({
      kind: draft.kind ?? undefined,
      name: draft.name,
      steps: draft.steps.map((s) => ({
        name: s.name,
        approverUserId: s.approverKind === "user" ? s.approverUserId : null,
        approverRole: s.approverKind === "role" ? s.approverRole : null,
        checklist: s.checklist,
      })),
    }),
    send: (input) => (circuit ? circuits.update(circuit.id, input) : circuits.create(input)),
    onSaved: () => {
      void queryClient.invalidateQueries({ queryKey: circuitKeys.all });
      onDone();
    },
  });
  return (
    <form ref={form.ref} onSubmit={form.submit} noValidate aria-label={t("circuits.form.label")}>
      <Stack>
        <FormProblem form={form} quiet />
        <Group grow align="flex-start">
          <Select
            label={t("circuits.form.kind")}
            required
            data={AGREEMENT_KINDS.map((k) => ({ value: k, label: t(`agreementKinds.${k}`) }))}
            value={draft.kind}
            onChange={(v) => setDraft((d) => ({ ...d, kind: v as typeof d.kind }))}
            error={form.error("kind")}
          />
          <TextInput
            label={t("circuits.form.name")}
            required
            value={draft.name}
            onChange={(e) => {
              const name = e.currentTarget.value;
              setDraft((d) => ({ ...d, name }));
            }}
            error={form.error("name")}
          />
        </Group>
        {draft.steps.map((step, i) => (
          <StepFields
            key={step.key}
            index={i}
            step={step}
            error={form.error}
            onChange={(patch) => setStep(step.key, patch)}
            onRemove={
              draft.steps.length > 1
                ? () => setDraft((d) => ({ ...d, steps: d.steps.filter((s) => s.key !== step.key) }))
                : null
            }
          />
        ))}
        {form.error("steps") && (
          <div role="alert" className="field-error">
            {form.error("steps")}
          </div>
        )}
        <Group>
          <Button variant="default" onClick={() => setDraft((d) => ({ ...d, steps: [...d.steps, blankStep()] }))}>
            {t("circuits.form.addStep")}
          </Button>
          <Button type="submit" loading={form.mutation.isPending}>
            {t("circuits.form.save")}
          </Button>
          <Button variant="subtle" onClick={onDone}>
            {t("common.cancel")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
