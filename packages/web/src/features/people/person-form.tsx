import { CreatePersonInput, type OrganisationRef, type PersonView } from "@conventio/domain";
import { Button, Checkbox, Group, MultiSelect, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { useLanguageName } from "../../lib/countries";
import { useFieldMessage } from "../../lib/form-errors";
import { FormProblem, useSchemaForm } from "../../lib/use-schema-form";
import { OrganisationPicker } from "../organisations/organisation-picker";
import { PersonPublicStatement } from "./person-public-statement";
import { personKeys } from "./person-queries";

/** Languages offered first; any other ISO 639 code the person already has stays selectable. */
const COMMON_LANGUAGES = [
  "ar",
  "ca",
  "cs",
  "da",
  "de",
  "el",
  "en",
  "es",
  "et",
  "eu",
  "fi",
  "fr",
  "ga",
  "hr",
  "hu",
  "is",
  "it",
  "ja",
  "ko",
  "lt",
  "lv",
  "mt",
  "nb",
  "nl",
  "nn",
  "pl",
  "pt",
  "ro",
  "ru",
  "sk",
  "sl",
  "sv",
  "tr",
  "uk",
  "vi",
  "zh",
];

interface Draft {
  givenName: string;
  familyName: string;
  title: string;
  organisation: OrganisationRef | null;
  email: string;
  phone: string;
  languages: string[];
  namedInPublic: boolean;
  publicContact: boolean;
}

function draftOf(person?: PersonView, organisation?: OrganisationRef | null): Draft {
  return {
    givenName: person?.givenName ?? "",
    familyName: person?.familyName ?? "",
    title: person?.title ?? "",
    organisation: person?.organisation ?? organisation ?? null,
    email: person?.email ?? "",
    phone: person?.phone ?? "",
    languages: person?.languages ?? [],
    namedInPublic: person?.namedInPublic ?? false,
    publicContact: person?.publicContact ?? false,
  };
}

const blank = (value: string) => (value.trim() === "" ? null : value);

function inputOf(d: Draft) {
  return {
    givenName: d.givenName,
    familyName: d.familyName,
    title: blank(d.title),
    organisationId: d.organisation?.id ?? null,
    email: blank(d.email),
    phone: blank(d.phone),
    languages: d.languages,
    namedInPublic: d.namedInPublic,
    publicContact: d.publicContact,
  };
}

interface Props {
  initial?: PersonView;
  /** Pre-selected organisation, when adding a person from an organisation's page. */
  organisation?: OrganisationRef | null;
  onSaved: (person: PersonView) => void;
  onCancel: () => void;
}

export function PersonForm({ initial, organisation, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const show = useFieldMessage();
  const languageName = useLanguageName();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => draftOf(initial, organisation));
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const languageOptions = useMemo(
    () =>
      [...new Set([...COMMON_LANGUAGES, ...draft.languages])]
        .map((code) => ({ value: code, label: `${languageName(code)} (${code})` }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [draft.languages, languageName],
  );

  // Editing checks the whole person as creating does, then sends it as an update.
  const form = useSchemaForm({
    schema: CreatePersonInput,
    read: () => inputOf(draft),
    send: (input): Promise<PersonView> => (initial ? api.people.update(initial.id, input) : api.people.create(input)),
    onSaved: async (person) => {
      await queryClient.invalidateQueries({ queryKey: personKeys.all });
      await queryClient.invalidateQueries({ queryKey: ["organisations"] });
      onSaved(person);
    },
  });
  const save = form.mutation;
  const { errors } = form;

  const text = (key: "givenName" | "familyName" | "title" | "email" | "phone") => ({
    value: draft[key],
    onChange: (e: { currentTarget: HTMLInputElement }) => set(key, e.currentTarget.value),
    error: show(errors[key]),
  });

  return (
    <form ref={form.ref} onSubmit={form.submit} noValidate>
      <Stack gap="md" maw={760}>
        <FormProblem form={form} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t("people.fields.givenName")} required autoComplete="off" {...text("givenName")} />
          <TextInput label={t("people.fields.familyName")} required autoComplete="off" {...text("familyName")} />
        </SimpleGrid>
        <TextInput label={t("people.fields.title")} description={t("people.form.titleHint")} {...text("title")} />
        <OrganisationPicker
          label={t("people.fields.organisation")}
          value={draft.organisation}
          onChange={(ref) => set("organisation", ref)}
          error={show(errors.organisationId)}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t("people.fields.email")} type="email" autoComplete="off" {...text("email")} />
          <TextInput label={t("people.fields.phone")} type="tel" autoComplete="off" {...text("phone")} />
        </SimpleGrid>
        <MultiSelect
          label={t("people.fields.languages")}
          data={languageOptions}
          value={draft.languages}
          onChange={(codes) => set("languages", codes)}
          searchable
          clearable
          error={show(errors.languages ?? Object.entries(errors).find(([k]) => k.startsWith("languages."))?.[1])}
          nothingFoundMessage={t("common.nothingFound")}
        />
        {/* Two consents: being named, and on top of it showing e-mail and phone, which implies being named. */}
        <Checkbox
          label={t("people.fields.namedInPublic")}
          description={t("people.form.namedInPublicHint")}
          checked={draft.namedInPublic}
          onChange={(e) => {
            const named = e.currentTarget.checked;
            setDraft((d) => ({ ...d, namedInPublic: named, publicContact: named && d.publicContact }));
          }}
          error={show(errors.namedInPublic)}
        />
        <Checkbox
          label={t("people.fields.publicContact")}
          description={t("people.form.publicContactHint")}
          checked={draft.publicContact}
          onChange={(e) => {
            const contact = e.currentTarget.checked;
            setDraft((d) => ({ ...d, publicContact: contact, namedInPublic: contact || d.namedInPublic }));
          }}
          error={show(errors.publicContact)}
        />
        <PersonPublicStatement namedInPublic={draft.namedInPublic} publicContact={draft.publicContact} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {initial ? t("common.save") : t("people.form.create")}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
