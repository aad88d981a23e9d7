import { CreateOrganisationInput, type OrganisationView, type Visibility } from "@conventio/domain";
import {
  Alert,
  Button,
  Fieldset,
  Group,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, isApiError } from "../../lib/api";
import { FormProblem, useSchemaForm } from "../../lib/use-schema-form";
import { CountrySelect } from "../../ui/country-select";
import { CandidateList, DuplicateHint } from "./duplicate-hint";
import { IdentifiersField } from "./identifiers-field";
import { KindSelect } from "./kind-select";
import { NamesField } from "./names-field";
import { draftOf, inputOf, type OrganisationDraft } from "./organisation-draft";
import { OrganisationPicker } from "./organisation-picker";
import { OrganisationPublicStatement } from "./organisation-public-statement";
import { organisationKeys } from "./organisation-queries";

interface Props {
  /** The organisation being edited; absent when creating one. */
  initial?: OrganisationView;
  onSaved: (saved: OrganisationView) => void;
  onCancel: () => void;
}

/** Creates or edits an organisation; the domain schema checks it here, the server checks it again. */
export function OrganisationForm({ initial, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<OrganisationDraft>(() => draftOf(initial));
  const set = <K extends keyof OrganisationDraft>(key: K, value: OrganisationDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  // Editing checks the whole organisation as creating does, then sends it as an update.
  const form = useSchemaForm({
    schema: CreateOrganisationInput,
    read: () => ({ ...inputOf(draft), confirmDuplicate: false }),
    send: ({ confirmDuplicate, ...input }): Promise<OrganisationView> =>
      initial ? api.organisations.update(initial.id, input) : api.organisations.create({ ...input, confirmDuplicate }),
    onSaved: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: organisationKeys.all });
      onSaved(saved);
    },
  });
  const save = form.mutation;
  const createAnyway = () => save.variables && save.mutate({ ...save.variables, confirmDuplicate: true });

  const duplicate = isApiError(save.error, "duplicate_suspected") ? save.error : null;
  const errorOf = (key: keyof OrganisationDraft) => ({ error: form.error(key) });

  return (
    <form ref={form.ref} onSubmit={form.submit} noValidate>
      <Stack gap="lg">
        {!duplicate && <FormProblem form={form} />}
        {duplicate && (
          <Alert color="orange" variant="light" role="alert" title={t("organisations.form.duplicateTitle")}>
            <Stack gap="sm">
              <span>{t("organisations.form.duplicateBody")}</span>
              <CandidateList candidates={duplicate.candidates} />
              <Group>
                <Button color="orange" onClick={createAnyway} loading={save.isPending}>
                  {t("organisations.form.createAnyway")}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}

        <Fieldset legend={t("organisations.form.identity")}>
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <KindSelect
                label={t("organisations.fields.kind")}
                required
                value={draft.kind}
                onChange={(kind) => kind && set("kind", kind)}
                {...errorOf("kind")}
              />
              <TextInput
                label={t("organisations.fields.acronym")}
                value={draft.acronym}
                onChange={(e) => set("acronym", e.currentTarget.value)}
                {...errorOf("acronym")}
              />
            </SimpleGrid>
            <TextInput
              label={t("organisations.fields.name")}
              description={t("organisations.form.nameHint")}
              required
              value={draft.name}
              onChange={(e) => set("name", e.currentTarget.value)}
              {...errorOf("name")}
            />
            <NamesField rows={draft.names} onChange={(rows) => set("names", rows)} error={form.error} />
          </Stack>
        </Fieldset>

        <Fieldset legend={t("organisations.form.place")}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <CountrySelect
              label={t("organisations.fields.country")}
              value={draft.countryCode}
              onChange={(code) => set("countryCode", code)}
              error={form.error("countryCode")}
            />
            <TextInput
              label={t("organisations.fields.city")}
              value={draft.city}
              onChange={(e) => set("city", e.currentTarget.value)}
              {...errorOf("city")}
            />
            <NumberInput
              label={t("organisations.fields.lat")}
              description={t("organisations.form.latHint")}
              value={draft.lat}
              onChange={(v) => set("lat", v)}
              decimalScale={6}
              clampBehavior="none"
              {...errorOf("lat")}
            />
            <NumberInput
              label={t("organisations.fields.lng")}
              description={t("organisations.form.lngHint")}
              value={draft.lng}
              onChange={(v) => set("lng", v)}
              decimalScale={6}
              clampBehavior="none"
              {...errorOf("lng")}
            />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t("organisations.form.links")}>
          <Stack>
            <TextInput
              label={t("organisations.fields.website")}
              placeholder="https://www.univ-lille.fr"
              type="url"
              value={draft.website}
              onChange={(e) => set("website", e.currentTarget.value)}
              {...errorOf("website")}
            />
            <IdentifiersField
              rows={draft.identifiers}
              onChange={(rows) => set("identifiers", rows)}
              error={form.error}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend={t("organisations.form.relations")}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <OrganisationPicker
              label={t("organisations.fields.parent")}
              description={t("organisations.form.parentHint")}
              value={draft.parent}
              onChange={(ref) => set("parent", ref)}
              exclude={initial ? [initial.id] : []}
              error={form.error("parentId")}
              required={draft.kind === "unit"}
            />
            <OrganisationPicker
              label={t("organisations.fields.successor")}
              description={t("organisations.form.successorHint")}
              value={draft.successor}
              onChange={(ref) => set("successor", ref)}
              exclude={initial ? [initial.id] : []}
              error={form.error("successorId")}
            />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t("organisations.form.publication")}>
          <Stack>
            <Radio.Group
              label={t("organisations.fields.visibility")}
              value={draft.visibility}
              onChange={(v) => set("visibility", v as Visibility)}
              {...errorOf("visibility")}
            >
              <Group mt="xs">
                <Radio value="internal" label={t("visibility.internalLong")} />
                <Radio value="public" label={t("visibility.publicLong")} />
              </Group>
            </Radio.Group>
            <OrganisationPublicStatement visibility={draft.visibility} />
            <Textarea
              label={t("organisations.fields.description")}
              autosize
              minRows={3}
              maxRows={12}
              value={draft.description}
              onChange={(e) => set("description", e.currentTarget.value)}
              {...errorOf("description")}
            />
          </Stack>
        </Fieldset>

        <DuplicateHint
          draft={{ name: draft.name, website: draft.website, countryCode: draft.countryCode, city: draft.city }}
          self={initial?.id}
        />

        <Group>
          <Button type="submit" loading={save.isPending && !duplicate}>
            {initial ? t("common.save") : t("organisations.form.create")}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
