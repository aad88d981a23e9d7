import { type AgreementView, CreateAgreementInput, RecordPastAgreementInput } from "@conventio/domain";
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
import { AxesFields, CommitmentsFields } from "./agreement-axes-fields";
import { type AgreementDraft, draftOf, inputOf, pastInputOf } from "./agreement-draft";
import { AgreementKindSelect } from "./agreement-labels";
import { PartiesFields } from "./agreement-parties-fields";
import { PastAgreementFields } from "./agreement-past-fields";
import { PublicationFields } from "./agreement-publication-fields";
import { agreementKeys } from "./agreement-queries";
import { SignatoriesFields } from "./agreement-signatories-fields";
import { LocalisedRows } from "./form-rows";
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

        <PartiesFields rows={draft.parties} onChange={(rows) => set("parties", rows)} error={form.error} />

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

        <AxesFields rows={draft.axes} onChange={(rows) => set("axes", rows)} error={form.error} />

        <CommitmentsFields
          rows={draft.commitments}
          onChange={(rows) => set("commitments", rows)}
          partyOptions={partyOptions}
          error={form.error}
        />

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
