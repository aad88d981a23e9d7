import { SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PartialDateInput } from "../../ui/partial-date-input";
import { OrganisationPicker } from "../organisations/organisation-picker";
import { PersonPicker } from "../people/person-picker";
import { rowKey, type SignatoryRow } from "./agreement-draft";
import { LocalisedRows, RowGroup } from "./form-rows";

/** Who signed, with their title or function in several languages, for whom, when and where. */
export function SignatoriesFields({
  rows,
  onChange,
  error,
}: {
  rows: SignatoryRow[];
  onChange: (rows: SignatoryRow[]) => void;
  error: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const setRow = (index: number, patch: Partial<SignatoryRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <RowGroup
      legend={t("agreements.fields.signatories")}
      error={error("signatories")}
      rows={rows}
      rowLabel={(n) => t("agreements.form.signatory", { n })}
      onRemove={(index) => onChange(rows.filter((_, i) => i !== index))}
      addLabel={t("agreements.form.addSignatory")}
      onAdd={() =>
        onChange([
          ...rows,
          {
            key: rowKey(),
            name: "",
            title: "",
            titles: [],
            person: null,
            organisation: null,
            signedOn: "",
            place: "",
          },
        ])
      }
    >
      {(row, i) => (
        <Stack gap="xs">
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <TextInput
              label={t("agreements.form.signatoryName", { n: i + 1 })}
              required
              value={row.name}
              onChange={(e) => setRow(i, { name: e.currentTarget.value })}
              error={error(`signatories.${i}.name`)}
            />
            <TextInput
              label={t("agreements.form.signatoryTitle", { n: i + 1 })}
              description={t("agreements.form.signatoryTitleHint")}
              value={row.title}
              onChange={(e) => setRow(i, { title: e.currentTarget.value })}
              error={error(`signatories.${i}.title`)}
            />
            <PersonPicker
              label={t("agreements.form.signatoryPerson", { n: i + 1 })}
              value={row.person}
              onChange={(person) => setRow(i, { person, ...(person && !row.name ? { name: person.name } : {}) })}
              error={error(`signatories.${i}.personId`)}
            />
            <OrganisationPicker
              label={t("agreements.form.signatoryOrganisation", { n: i + 1 })}
              value={row.organisation}
              onChange={(organisation) => setRow(i, { organisation })}
            />
            <PartialDateInput
              label={t("agreements.form.signatoryDate", { n: i + 1 })}
              value={row.signedOn}
              onChange={(signedOn) => setRow(i, { signedOn })}
              error={error(`signatories.${i}.signedOn`)}
            />
            <TextInput
              label={t("agreements.form.signatoryPlace", { n: i + 1 })}
              value={row.place}
              onChange={(e) => setRow(i, { place: e.currentTarget.value })}
              error={error(`signatories.${i}.place`)}
            />
          </SimpleGrid>
          <LocalisedRows
            list={`signatories.${i}.titles`}
            rows={row.titles}
            onChange={(titles) => setRow(i, { titles })}
            error={error}
            langLabel={(n) => t("agreements.form.signatoryTitleLang", { n, signatory: i + 1 })}
            valueLabel={(n) => t("agreements.form.signatoryTitleOther", { n, signatory: i + 1 })}
            addLabel={t("agreements.form.addSignatoryTitle")}
          />
        </Stack>
      )}
    </RowGroup>
  );
}
