import { EwpInstitution } from "@conventio/domain";
import { Button, Fieldset, Group, JsonInput, List, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ewp } from "../../lib/api/ewp";
import { FormProblem, useSchemaForm } from "../../lib/use-schema-form";
import { LocalisedRows } from "../agreements/form-rows";
import { AddressFields } from "./address-fields";
import { ContactRows } from "./contact-rows";
import { ewpKeys } from "./ewp-queries";
import { FactsheetFields } from "./factsheet-fields";
import {
  FACTSHEET_REST_FIELDS,
  type InstitutionDraft,
  institutionDraftOf,
  institutionInputOf,
  parseRest,
  REST_FIELDS,
} from "./institution-draft";
import { OtherIdRows, UrlRows } from "./institution-rows";

/** Whether a field's message belongs to what is edited as JSON. */
function inRest(path: string): boolean {
  const [first, second] = path.split(".");
  if ((REST_FIELDS as readonly string[]).includes(first ?? "")) return true;
  return first === "factsheet" && (FACTSHEET_REST_FIELDS as readonly string[]).includes(second ?? "");
}

/** Describes one of the installation's institutions as the EWP Institutions, OUnits and Factsheet APIs serve it. */
export function InstitutionForm({
  initial,
  onSaved,
}: {
  /** The institution as described, or null for a new one. */
  initial: EwpInstitution | null;
  onSaved: (saved: EwpInstitution) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<InstitutionDraft>(() => institutionDraftOf(initial));
  const [restRefused, setRestRefused] = useState(false);
  const set = <K extends keyof InstitutionDraft>(key: K, value: InstitutionDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  const form = useSchemaForm({
    schema: EwpInstitution,
    read: () => institutionInputOf(draft),
    send: (input: EwpInstitution) => ewp.saveInstitution(input),
    onSaved: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ewpKeys.institutions });
      onSaved(saved);
    },
  });
  const restErrors = Object.keys(form.errors)
    .filter(inRest)
    .map((path) => [path, form.error(path)] as const);

  function submit(event: FormEvent) {
    if (parseRest(draft.rest) === null) {
      event.preventDefault();
      setRestRefused(true);
      requestAnimationFrame(() => form.ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setRestRefused(false);
    form.submit(event);
  }

  return (
    <form ref={form.ref} onSubmit={submit} noValidate aria-label={t("ewp.institution.formLabel")}>
      <Stack gap="lg">
        <FormProblem form={form} />
        <Fieldset legend={t("ewp.institution.identity")}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t("ewp.institution.heiId")}
                description={initial ? t("ewp.institution.heiIdFixed") : t("ewp.institution.heiIdHint")}
                required
                readOnly={initial !== null}
                value={draft.heiId}
                onChange={(e) => set("heiId", e.currentTarget.value)}
                error={form.error("heiId")}
              />
              <TextInput
                label={t("ewp.institution.abbreviation")}
                value={draft.abbreviation}
                onChange={(e) => set("abbreviation", e.currentTarget.value)}
                error={form.error("abbreviation")}
              />
            </SimpleGrid>
            {form.error("names") && (
              <Text c="red.8" size="sm" role="alert">
                {form.error("names")}
              </Text>
            )}
            <LocalisedRows
              list="names"
              rows={draft.names}
              onChange={(rows) => set("names", rows)}
              error={form.error}
              langLabel={(n) => t("ewp.institution.nameLang", { n })}
              valueLabel={(n) => t("ewp.institution.name", { n })}
              addLabel={t("ewp.institution.addName")}
            />
            <TextInput
              type="url"
              label={t("ewp.institution.logoUrl")}
              value={draft.logoUrl}
              onChange={(e) => set("logoUrl", e.currentTarget.value)}
              error={form.error("logoUrl")}
            />
          </Stack>
        </Fieldset>
        <OtherIdRows rows={draft.otherIds} onChange={(rows) => set("otherIds", rows)} error={form.error} />
        <AddressFields
          legend={t("ewp.address.street")}
          path="streetAddress"
          address={draft.streetAddress}
          onChange={(patch) => set("streetAddress", { ...draft.streetAddress, ...patch })}
          error={form.error}
        />
        <AddressFields
          legend={t("ewp.address.mailing")}
          path="mailingAddress"
          address={draft.mailingAddress}
          onChange={(patch) => set("mailingAddress", { ...draft.mailingAddress, ...patch })}
          error={form.error}
        />
        <UrlRows
          legend={t("ewp.institution.websites")}
          path="websiteUrls"
          rows={draft.websites}
          onChange={(rows) => set("websites", rows)}
          error={form.error}
        />
        <ContactRows
          legend={t("ewp.institution.contacts")}
          path="contacts"
          rows={draft.contacts}
          onChange={(rows) => set("contacts", rows)}
          error={form.error}
        />
        <FactsheetFields
          factsheet={draft.factsheet}
          onChange={(patch) => set("factsheet", { ...draft.factsheet, ...patch })}
          error={form.error}
        />
        <Fieldset legend={t("ewp.institution.restLegend")}>
          <Stack gap="xs">
            <JsonInput
              label={t("ewp.institution.rest")}
              description={t("ewp.institution.restHint")}
              autosize
              minRows={6}
              maxRows={24}
              formatOnBlur
              value={draft.rest}
              onChange={(rest) => {
                set("rest", rest);
                setRestRefused(false);
              }}
              error={restRefused ? t("ewp.institution.restInvalid") : undefined}
              styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
            />
            {restErrors.length > 0 && (
              <List size="sm" c="red.8" role="alert">
                {restErrors.map(([path, message]) => (
                  <List.Item key={path}>{t("ewp.institution.restError", { path, message })}</List.Item>
                ))}
              </List>
            )}
          </Stack>
        </Fieldset>
        <Group>
          <Button type="submit" loading={form.mutation.isPending}>
            {t("ewp.institution.save")}
          </Button>
          <div role="status">
            {form.mutation.isSuccess && !form.mutation.isPending && <Text size="sm">{t("ewp.institution.saved")}</Text>}
          </div>
        </Group>
      </Stack>
    </form>
  );
}
