import {
  type AgreementView,
  AXIS_KINDS,
  COMMITMENT_KINDS,
  CreateAgreementInput,
  PARTY_ROLES,
  RecordPastAgreementInput,
} from "@conventio/domain";
import {
  Button,
  Fieldset,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { FormProblem, useSchemaForm } from "../../lib/use-schema-form";
import { PartialDateInput } from "../../ui/partial-date-input";
import { OrganisationPicker } from "../organisations/organisation-picker";
import { PeoplePicker } from "../people/person-picker";
import { type AgreementDraft, draftOf, inputOf, pastInputOf, rowKey } from "./agreement-draft";
import { AgreementKindSelect } from "./agreement-labels";
import { PastAgreementFields } from "./agreement-past-fields";
import { PublicationFields } from "./agreement-publication-fields";
import { agreementKeys } from "./agreement-queries";
import { SignatoriesFields } from "./agreement-signatories-fields";
import { LocalisedRows, RowGroup } from "./form-rows";
import { useIscedOptions } from "./isced-labels";

interface Props {
  initial?: AgreementView;
  /** Enter a past agreement as it stands, outside the lifecycle rules. */
  past?: boolean;
  onSaved: (saved: AgreementView) => void;
  onCancel: () => void;
}

function useFrameworks() {
  return useQuery({
    queryKey: ["agreements", "frameworks"],
    queryFn: async () => (await api.agreements.list({ kind: "framework_agreement" })).items,
    staleTime: 60_000,
  });
}

/** Creates or edits an agreement with its parties, signatories, axes and commitments. */
export function AgreementForm({ initial, past = false, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<AgreementDraft>(() => draftOf(initial));
  const frameworks = useFrameworks();
  const iscedOptions = useIscedOptions();
  const themes = useQuery({ queryKey: ["themes"], queryFn: api.themes.list, staleTime: 60_000 });
  // The managed vocabulary first, then the free tags already in use; chosen ones are not offered again.
  const themeSuggestions = [...new Set((themes.data?.items ?? []).map((x) => x.label))].filter(
    (label) => !draft.themes.includes(label),
  );
  const set = <K extends keyof AgreementDraft>(key: K, value: AgreementDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  function setRow<K extends "parties" | "axes" | "commitments">(
    list: K,
    index: number,
    patch: Partial<AgreementDraft[K][number]>,
  ) {
    setDraft((d) => ({ ...d, [list]: d[list].map((row, i) => (i === index ? { ...row, ...patch } : row)) }));
  }
  function removeRow(list: "parties" | "signatories" | "axes" | "commitments", index: number) {
    setDraft((d) => ({ ...d, [list]: d[list].filter((_, i) => i !== index) }));
  }

  // Editing checks the whole agreement as creating does, dates included, then sends it as an update.
  const form = useSchemaForm({
    schema: past ? RecordPastAgreementInput : CreateAgreementInput,
    read: () => (past ? pastInputOf(draft) : inputOf(draft)),
    send: (input: CreateAgreementInput | RecordPastAgreementInput): Promise<AgreementView> =>
      "status" in input
        ? api.agreements.recordPast(input)
        : initial
          ? api.agreements.update(initial.id, { ...input, reference: input.reference ?? undefined })
          : api.agreements.create(input),
    onSaved: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: agreementKeys.all });
      onSaved(saved);
    },
  });
  const save = form.mutation;

  const partyOptions = draft.parties.flatMap((p) =>
    p.organisation ? [{ value: p.organisation.id, label: p.organisation.name }] : [],
  );

  return (
    <form ref={form.ref} onSubmit={form.submit} noValidate>
      <Stack gap="lg">
        <FormProblem form={form} />
        {past && <PastAgreementFields past={draft.past} onChange={(v) => set("past", v)} error={form.error} />}

        <Fieldset legend={t("agreements.form.identity")}>
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <AgreementKindSelect
                label={t("agreements.fields.kind")}
                required
                value={draft.kind}
                onChange={(kind) => set("kind", kind)}
                error={form.error("kind")}
              />
              <TextInput
                label={t("agreements.fields.reference")}
                description={t("agreements.form.referenceHint")}
                value={draft.reference}
                onChange={(e) => set("reference", e.currentTarget.value)}
                error={form.error("reference")}
              />
            </SimpleGrid>
            <TextInput
              label={t("agreements.fields.title")}
              required
              value={draft.title}
              onChange={(e) => set("title", e.currentTarget.value)}
              error={form.error("title")}
            />
            <TextInput
              w={220}
              label={t("agreements.fields.language")}
              description={t("agreements.form.languageHint")}
              value={draft.language}
              onChange={(e) => set("language", e.currentTarget.value)}
              error={form.error("language")}
            />
            <LocalisedRows
              list="titles"
              rows={draft.titles}
              onChange={(rows) => set("titles", rows)}
              error={form.error}
              langLabel={(n) => t("agreements.form.titleLang", { n })}
              valueLabel={(n) => t("agreements.form.titleOther", { n })}
              addLabel={t("agreements.form.addTitle")}
            />
            <Textarea
              label={t("agreements.fields.summary")}
              autosize
              minRows={2}
              value={draft.summary}
              onChange={(e) => set("summary", e.currentTarget.value)}
              error={form.error("summary")}
            />
            <LocalisedRows
              list="summaries"
              multiline
              rows={draft.summaries}
              onChange={(rows) => set("summaries", rows)}
              error={form.error}
              langLabel={(n) => t("agreements.form.summaryLang", { n })}
              valueLabel={(n) => t("agreements.form.summaryOther", { n })}
              addLabel={t("agreements.form.addSummary")}
            />
            <Select
              label={t("agreements.fields.framework")}
              description={t("agreements.form.frameworkHint")}
              clearable
              searchable
              data={(frameworks.data ?? [])
                .filter((f) => f.id !== initial?.id)
                .map((f) => ({ value: f.id, label: `${f.reference} · ${f.title}` }))}
              value={draft.frameworkId}
              onChange={(v) => set("frameworkId", v)}
              error={form.error("frameworkId")}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend={t("agreements.form.dates")}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <PartialDateInput
              label={t("agreements.fields.signedOn")}
              value={draft.signedOn}
              onChange={(v) => set("signedOn", v)}
              error={form.error("signedOn")}
            />
            <PartialDateInput
              label={t("agreements.fields.startsOn")}
              value={draft.startsOn}
              onChange={(v) => set("startsOn", v)}
              error={form.error("startsOn")}
            />
            <PartialDateInput
              label={t("agreements.fields.endsOn")}
              description={t("agreements.form.endsOnHint")}
              value={draft.endsOn}
              onChange={(v) => set("endsOn", v)}
              error={form.error("endsOn")}
            />
            <NumberInput
              label={t("agreements.fields.noticeMonths")}
              min={0}
              max={120}
              allowDecimal={false}
              value={draft.noticeMonths}
              onChange={(v) => set("noticeMonths", v)}
              error={form.error("noticeMonths")}
            />
            <Switch
              mt={30}
              label={t("agreements.fields.tacitRenewal")}
              checked={draft.tacitRenewal}
              onChange={(e) => set("tacitRenewal", e.currentTarget.checked)}
            />
          </SimpleGrid>
        </Fieldset>

        <RowGroup
          legend={t("agreements.fields.parties")}
          error={form.error("parties")}
          rows={draft.parties}
          rowLabel={(n) => t("agreements.form.party", { n })}
          onRemove={(i) => removeRow("parties", i)}
          addLabel={t("agreements.form.addParty")}
          onAdd={() =>
            set("parties", [...draft.parties, { key: rowKey(), organisation: null, role: "partner", unit: null }])
          }
        >
          {(row, i) => (
            <SimpleGrid cols={{ base: 1, md: 3 }}>
              <OrganisationPicker
                label={t("agreements.form.partyOrganisation", { n: i + 1 })}
                required
                value={row.organisation}
                onChange={(organisation) => setRow("parties", i, { organisation })}
                error={form.error(`parties.${i}.organisationId`)}
              />
              <Select
                label={t("agreements.form.partyRole", { n: i + 1 })}
                allowDeselect={false}
                data={PARTY_ROLES.map((r) => ({ value: r, label: t(`partyRoles.${r}`) }))}
                value={row.role}
                onChange={(v) => v && setRow("parties", i, { role: v as typeof row.role })}
              />
              <OrganisationPicker
                label={t("agreements.form.partyUnit", { n: i + 1 })}
                kinds={["unit"]}
                value={row.unit}
                onChange={(unit) => setRow("parties", i, { unit })}
                error={form.error(`parties.${i}.responsibleUnitId`)}
              />
            </SimpleGrid>
          )}
        </RowGroup>

        <SignatoriesFields rows={draft.signatories} onChange={(rows) => set("signatories", rows)} error={form.error} />

        <Fieldset legend={t("agreements.form.content")}>
          <Stack>
            <TagsInput
              label={t("agreements.fields.themes")}
              description={t("agreements.form.themesHint")}
              data={themeSuggestions}
              value={draft.themes}
              onChange={(v) => set("themes", v)}
              error={form.error("themes")}
            />
            <MultiSelect
              label={t("agreements.fields.fields")}
              searchable
              data={iscedOptions}
              value={draft.fields}
              onChange={(v) => set("fields", v)}
              error={form.error("fields")}
            />
            <Textarea
              label={t("agreements.fields.objectives")}
              description={t("agreements.form.onePerLine")}
              autosize
              minRows={3}
              value={draft.objectives}
              onChange={(e) => set("objectives", e.currentTarget.value)}
              error={form.error("objectives")}
            />
          </Stack>
        </Fieldset>

        <RowGroup
          legend={t("agreements.fields.axes")}
          rows={draft.axes}
          rowLabel={(n) => t("agreements.form.axis", { n })}
          onRemove={(i) => removeRow("axes", i)}
          addLabel={t("agreements.form.addAxis")}
          onAdd={() =>
            set("axes", [
              ...draft.axes,
              {
                key: rowKey(),
                kind: "operational",
                title: "",
                description: "",
                coordinators: [],
                objectives: "",
              },
            ])
          }
        >
          {(row, i) => (
            <Stack gap="xs">
              <SimpleGrid cols={{ base: 1, md: 2 }}>
                <TextInput
                  label={t("agreements.form.axisTitle", { n: i + 1 })}
                  required
                  value={row.title}
                  onChange={(e) => setRow("axes", i, { title: e.currentTarget.value })}
                  error={form.error(`axes.${i}.title`)}
                />
                <Select
                  label={t("agreements.form.axisKind", { n: i + 1 })}
                  allowDeselect={false}
                  data={AXIS_KINDS.map((k) => ({ value: k, label: t(`axisKinds.${k}`) }))}
                  value={row.kind}
                  onChange={(v) => v && setRow("axes", i, { kind: v as typeof row.kind })}
                />
              </SimpleGrid>
              <PeoplePicker
                label={t("agreements.form.axisCoordinators", { n: i + 1 })}
                value={row.coordinators}
                onChange={(coordinators) => setRow("axes", i, { coordinators })}
                error={form.error(`axes.${i}.coordinatorIds`)}
              />
              <Textarea
                label={t("agreements.form.axisDescription", { n: i + 1 })}
                autosize
                value={row.description}
                onChange={(e) => setRow("axes", i, { description: e.currentTarget.value })}
              />
              <Textarea
                label={t("agreements.form.axisObjectives", { n: i + 1 })}
                description={t("agreements.form.onePerLine")}
                autosize
                value={row.objectives}
                onChange={(e) => setRow("axes", i, { objectives: e.currentTarget.value })}
              />
            </Stack>
          )}
        </RowGroup>

        <RowGroup
          legend={t("agreements.fields.commitments")}
          rows={draft.commitments}
          rowLabel={(n) => t("agreements.form.commitment", { n })}
          onRemove={(i) => removeRow("commitments", i)}
          addLabel={t("agreements.form.addCommitment")}
          onAdd={() =>
            set("commitments", [
              ...draft.commitments,
              { key: rowKey(), organisationId: null, kind: "student_exchange", description: "", levels: [] },
            ])
          }
        >
          {(row, i) => (
            <>
              <SimpleGrid cols={{ base: 1, md: 3 }}>
                <Select
                  label={t("agreements.form.commitmentKind", { n: i + 1 })}
                  allowDeselect={false}
                  data={COMMITMENT_KINDS.map((k) => ({ value: k, label: t(`commitmentKinds.${k}`) }))}
                  value={row.kind}
                  onChange={(v) => v && setRow("commitments", i, { kind: v as typeof row.kind })}
                />
                <Select
                  label={t("agreements.form.commitmentParty", { n: i + 1 })}
                  placeholder={t("agreements.form.allParties")}
                  clearable
                  data={partyOptions}
                  value={row.organisationId}
                  onChange={(v) => setRow("commitments", i, { organisationId: v })}
                />
                <MultiSelect
                  label={t("agreements.form.commitmentLevels", { n: i + 1 })}
                  data={(["bachelor", "master", "doctorate", "postdoc", "staff"] as const).map((l) => ({
                    value: l,
                    label: t(`levels.${l}`),
                  }))}
                  value={row.levels}
                  onChange={(v) => setRow("commitments", i, { levels: v as typeof row.levels })}
                />
              </SimpleGrid>
              <Textarea
                mt="xs"
                label={t("agreements.form.commitmentDescription", { n: i + 1 })}
                required
                autosize
                value={row.description}
                onChange={(e) => setRow("commitments", i, { description: e.currentTarget.value })}
                error={form.error(`commitments.${i}.description`)}
              />
            </>
          )}
        </RowGroup>

        <PublicationFields
          visibility={draft.visibility}
          internalFields={draft.internalFields}
          onVisibility={(v) => set("visibility", v)}
          onInternalFields={(v) => set("internalFields", v)}
          error={form.error}
        />

        <Group>
          <Button type="submit" loading={save.isPending}>
            {initial ? t("common.save") : past ? t("agreements.past.record") : t("agreements.form.create")}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
