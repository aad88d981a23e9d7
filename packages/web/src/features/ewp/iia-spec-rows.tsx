import { Button, Fieldset, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { RemoveButton } from "../../ui/remove-button";
import { useIscedName } from "../agreements/isced-labels";
import { rowErrors } from "./ewp-draft";
import { type AreaRow, emptyAreaRow, emptySkillRow, isBlankArea, isBlankSkill, type SkillRow } from "./iia-draft";

const CEFR_LEVELS = ["A1", "A2", "B1", "B2", "C1", "C2"] as const;

/**
 * The narrow ISCED-F field a four-digit code belongs to, named in the reader's language: the
 * classification's detailed fields are not named in Conventio, their narrow field is.
 */
function useIscedHint(): (code: string) => string | undefined {
  const { t } = useTranslation();
  const nameOf = useIscedName();
  return (code) => {
    if (!/^\d{4}$/.test(code)) return t("iia.form.iscedHint");
    const narrow = code.slice(0, 3);
    const name = nameOf(narrow);
    return name === narrow ? t("iia.form.iscedHint") : t("iia.form.iscedWithin", { code: narrow, name });
  };
}

type ErrorOf = (path: string) => string | undefined;

/** What a list of one mobility's rows is given: where its errors are, whose rows, and the rows. */
interface SpecRowsProps<R> {
  path: string;
  specLabel: string;
  rows: R[];
  onChange: (rows: R[]) => void;
  error: ErrorOf;
}

/** A list of rows edited in place: each row's fields and a button to remove it, then one to add a row. */
function EditableRows<R extends { key: string }>({
  legend,
  alert,
  rows,
  onChange,
  empty,
  addLabel,
  removeLabel,
  fields,
}: {
  legend: string;
  alert?: string | undefined;
  rows: R[];
  onChange: (rows: R[]) => void;
  empty: () => R;
  addLabel: string;
  removeLabel: (n: number) => string;
  fields: (row: R, i: number, patch: (change: Partial<R>) => void) => ReactNode;
}) {
  const patch = (i: number) => (change: Partial<R>) =>
    onChange(rows.map((row, j) => (j === i ? { ...row, ...change } : row)));
  return (
    <Fieldset legend={legend} variant="unstyled">
      <Stack gap="sm">
        {alert && (
          <Text c="red.8" size="sm" role="alert">
            {alert}
          </Text>
        )}
        {rows.map((row, i) => (
          <Group key={row.key} align="flex-start" wrap="nowrap">
            <SimpleGrid cols={{ base: 1, sm: 2 }} style={{ flex: 1 }}>
              {fields(row, i, patch(i))}
            </SimpleGrid>
            <RemoveButton mt={28} label={removeLabel(i + 1)} onClick={() => onChange(rows.filter((_, j) => j !== i))} />
          </Group>
        ))}
        <Group>
          <Button variant="default" size="xs" onClick={() => onChange([...rows, empty()])}>
            {addLabel}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

/** An ISCED-F code, with the field it belongs to as its hint, and its clarification. */
function IscedInputs({
  labels,
  row,
  patch,
  errors,
}: {
  labels: { code: string; clarification: string };
  row: { iscedFCode: string; iscedClarification: string };
  patch: (change: { iscedFCode?: string; iscedClarification?: string }) => void;
  errors: { code: string | undefined; clarification: string | undefined };
}) {
  const hint = useIscedHint();
  return (
    <>
      <TextInput
        label={labels.code}
        description={hint(row.iscedFCode)}
        inputMode="numeric"
        value={row.iscedFCode}
        onChange={(e) => patch({ iscedFCode: e.currentTarget.value })}
        error={errors.code}
      />
      <TextInput
        label={labels.clarification}
        value={row.iscedClarification}
        onChange={(e) => patch({ iscedClarification: e.currentTarget.value })}
        error={errors.clarification}
      />
    </>
  );
}

/** The recommended language skills of one mobility: language, CEFR level and, optionally, a subject area. */
export function LanguageSkillRows({ path, specLabel, rows, onChange, error }: SpecRowsProps<SkillRow>) {
  const { t } = useTranslation();
  const at = rowErrors(rows, isBlankSkill, path, error);
  return (
    <EditableRows
      legend={t("iia.form.skills")}
      alert={error(path)}
      rows={rows}
      onChange={onChange}
      empty={emptySkillRow}
      addLabel={t("iia.form.addSkill")}
      removeLabel={(n) => t("common.removeRow", { row: t("iia.form.skill", { n, spec: specLabel }) })}
      fields={(row, i, patch) => {
        const n = i + 1;
        return (
          <>
            <TextInput
              label={t("iia.form.language", { n })}
              description={t("iia.form.languageHint")}
              value={row.language}
              onChange={(e) => patch({ language: e.currentTarget.value })}
              error={at(i, "language")}
            />
            <NativeSelect
              label={t("iia.form.cefr", { n })}
              data={[{ value: "", label: t("iia.form.cefrNone") }, ...CEFR_LEVELS.map((l) => ({ value: l, label: l }))]}
              value={row.cefrLevel}
              onChange={(e) => patch({ cefrLevel: e.currentTarget.value })}
              error={at(i, "cefrLevel")}
            />
            <IscedInputs
              labels={{ code: t("iia.form.skillIsced", { n }), clarification: t("iia.form.skillClarification", { n }) }}
              row={row}
              patch={patch}
              errors={{ code: at(i, "subjectArea.iscedFCode"), clarification: at(i, "subjectArea.iscedClarification") }}
            />
          </>
        );
      }}
    />
  );
}

/** The subject areas of one mobility: a four-digit ISCED-F code and its clarification. */
export function SubjectAreaRows({ path, specLabel, rows, onChange, error }: SpecRowsProps<AreaRow>) {
  const { t } = useTranslation();
  const at = rowErrors(rows, isBlankArea, path, error);
  return (
    <EditableRows
      legend={t("iia.form.areas")}
      rows={rows}
      onChange={onChange}
      empty={emptyAreaRow}
      addLabel={t("iia.form.addArea")}
      removeLabel={(n) => t("common.removeRow", { row: t("iia.form.area", { n, spec: specLabel }) })}
      fields={(row, i, patch) => (
        <IscedInputs
          labels={{ code: t("iia.form.isced", { n: i + 1 }), clarification: t("iia.form.clarification", { n: i + 1 }) }}
          row={row}
          patch={patch}
          errors={{ code: at(i, "iscedFCode"), clarification: at(i, "iscedClarification") }}
        />
      )}
    />
  );
}
