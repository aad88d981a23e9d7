import { Button, Fieldset, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
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

/** The recommended language skills of one mobility: language, CEFR level and, optionally, a subject area. */
export function LanguageSkillRows({
  path,
  specLabel,
  rows,
  onChange,
  error,
}: {
  path: string;
  specLabel: string;
  rows: SkillRow[];
  onChange: (rows: SkillRow[]) => void;
  error: ErrorOf;
}) {
  const { t } = useTranslation();
  const hint = useIscedHint();
  const at = rowErrors(rows, isBlankSkill, path, error);
  const patch = (i: number, change: Partial<SkillRow>) =>
    onChange(rows.map((row, j) => (j === i ? { ...row, ...change } : row)));
  return (
    <Fieldset legend={t("iia.form.skills")} variant="unstyled">
      <Stack gap="sm">
        {error(path) && (
          <Text c="red.8" size="sm" role="alert">
            {error(path)}
          </Text>
        )}
        {rows.map((row, i) => {
          const n = i + 1;
          return (
            <Group key={row.key} align="flex-start" wrap="nowrap">
              <SimpleGrid cols={{ base: 1, sm: 2 }} style={{ flex: 1 }}>
                <TextInput
                  label={t("iia.form.language", { n })}
                  description={t("iia.form.languageHint")}
                  value={row.language}
                  onChange={(e) => patch(i, { language: e.currentTarget.value })}
                  error={at(i, "language")}
                />
                <NativeSelect
                  label={t("iia.form.cefr", { n })}
                  data={[
                    { value: "", label: t("iia.form.cefrNone") },
                    ...CEFR_LEVELS.map((l) => ({ value: l, label: l })),
                  ]}
                  value={row.cefrLevel}
                  onChange={(e) => patch(i, { cefrLevel: e.currentTarget.value })}
                  error={at(i, "cefrLevel")}
                />
                <TextInput
                  label={t("iia.form.skillIsced", { n })}
                  description={hint(row.iscedFCode)}
                  inputMode="numeric"
                  value={row.iscedFCode}
                  onChange={(e) => patch(i, { iscedFCode: e.currentTarget.value })}
                  error={at(i, "subjectArea.iscedFCode")}
                />
                <TextInput
                  label={t("iia.form.skillClarification", { n })}
                  value={row.iscedClarification}
                  onChange={(e) => patch(i, { iscedClarification: e.currentTarget.value })}
                  error={at(i, "subjectArea.iscedClarification")}
                />
              </SimpleGrid>
              <RemoveButton
                mt={28}
                label={t("common.removeRow", { row: t("iia.form.skill", { n, spec: specLabel }) })}
                onClick={() => onChange(rows.filter((_, j) => j !== i))}
              />
            </Group>
          );
        })}
        <Group>
          <Button variant="default" size="xs" onClick={() => onChange([...rows, emptySkillRow()])}>
            {t("iia.form.addSkill")}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

/** The subject areas of one mobility: a four-digit ISCED-F code and its clarification. */
export function SubjectAreaRows({
  path,
  specLabel,
  rows,
  onChange,
  error,
}: {
  path: string;
  specLabel: string;
  rows: AreaRow[];
  onChange: (rows: AreaRow[]) => void;
  error: ErrorOf;
}) {
  const { t } = useTranslation();
  const hint = useIscedHint();
  const at = rowErrors(rows, isBlankArea, path, error);
  const patch = (i: number, change: Partial<AreaRow>) =>
    onChange(rows.map((row, j) => (j === i ? { ...row, ...change } : row)));
  return (
    <Fieldset legend={t("iia.form.areas")} variant="unstyled">
      <Stack gap="sm">
        {rows.map((row, i) => {
          const n = i + 1;
          return (
            <Group key={row.key} align="flex-start" wrap="nowrap">
              <SimpleGrid cols={{ base: 1, sm: 2 }} style={{ flex: 1 }}>
                <TextInput
                  label={t("iia.form.isced", { n })}
                  description={hint(row.iscedFCode)}
                  inputMode="numeric"
                  value={row.iscedFCode}
                  onChange={(e) => patch(i, { iscedFCode: e.currentTarget.value })}
                  error={at(i, "iscedFCode")}
                />
                <TextInput
                  label={t("iia.form.clarification", { n })}
                  value={row.iscedClarification}
                  onChange={(e) => patch(i, { iscedClarification: e.currentTarget.value })}
                  error={at(i, "iscedClarification")}
                />
              </SimpleGrid>
              <RemoveButton
                mt={28}
                label={t("common.removeRow", { row: t("iia.form.area", { n, spec: specLabel }) })}
                onClick={() => onChange(rows.filter((_, j) => j !== i))}
              />
            </Group>
          );
        })}
        <Group>
          <Button variant="default" size="xs" onClick={() => onChange([...rows, emptyAreaRow()])}>
            {t("iia.form.addArea")}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
