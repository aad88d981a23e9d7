import { IIA_MOBILITY_KINDS, type IiaMobilityKind } from "@conventio/domain";
import {
  Alert,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type IiaFormDraft, isStudentKind, type SpecDraft } from "./iia-draft";
import { LanguageSkillRows, SubjectAreaRows } from "./iia-spec-rows";

const EQF_LEVELS = ["5", "6", "7", "8"] as const;

/** Whether the mobility still holds values carried over from IIAs v6, which block approval. */
function carriesOverV6(spec: SpecDraft): boolean {
  const base = spec.base;
  if (!base) return false;
  return (
    base.mobilitiesPerYearNotYetDefined ||
    base.recommendedLanguageSkills.some((s) => s.notYetDefined || s.subjectArea?.v6Value) ||
    base.subjectAreas.some((a) => a.v6Value !== undefined)
  );
}

/** The two partners' SCHAC codes as options, with the value held when it is neither. */
function heiOptions(draft: IiaFormDraft, value: string, none: string) {
  const codes = [...new Set([...draft.partners.map((p) => p.heiId), value])].filter((c) => c !== "");
  return [...(value === "" ? [{ value: "", label: none }] : []), ...codes.map((c) => ({ value: c, label: c }))];
}

/** One mobility specification: who sends whom, for which years, how many, in which fields and languages. */
export function IiaSpecFields({
  index,
  spec,
  draft,
  onChange,
  error,
}: {
  index: number;
  spec: SpecDraft;
  draft: IiaFormDraft;
  onChange: (patch: Partial<SpecDraft>) => void;
  error: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const path = `mobilitySpecs.${index}`;
  const at = (field: string) => error(`${path}.${field}`);
  const n = index + 1;
  const student = isStudentKind(spec.kind);
  const other = (hei: string) => draft.partners.map((p) => p.heiId).find((h) => h !== hei && h !== "") ?? "";
  const none = t("iia.form.choose");
  return (
    <Stack gap="sm">
      {carriesOverV6(spec) && (
        <Alert color="yellow" variant="light">
          {t("iia.form.carriedOver")}
        </Alert>
      )}
      <NativeSelect
        label={t("iia.form.kind")}
        data={IIA_MOBILITY_KINDS.map((k) => ({ value: k, label: t(`iia.kinds.${k}`) }))}
        value={spec.kind}
        onChange={(e) => onChange({ kind: e.currentTarget.value as IiaMobilityKind })}
        error={at("kind")}
        maw={420}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={t("iia.form.sendingHei")}
          data={heiOptions(draft, spec.sendingHeiId, none)}
          value={spec.sendingHeiId}
          onChange={(e) => {
            const sending = e.currentTarget.value;
            onChange({
              sendingHeiId: sending,
              ...(sending === spec.receivingHeiId ? { receivingHeiId: other(sending) } : {}),
            });
          }}
          error={at("sendingHeiId")}
        />
        <TextInput
          label={t("iia.form.sendingOunit")}
          value={spec.sendingOunitId}
          onChange={(e) => onChange({ sendingOunitId: e.currentTarget.value })}
          error={at("sendingOunitId")}
        />
        <NativeSelect
          label={t("iia.form.receivingHei")}
          data={heiOptions(draft, spec.receivingHeiId, none)}
          value={spec.receivingHeiId}
          onChange={(e) => {
            const receiving = e.currentTarget.value;
            onChange({
              receivingHeiId: receiving,
              ...(receiving === spec.sendingHeiId ? { sendingHeiId: other(receiving) } : {}),
            });
          }}
          error={at("receivingHeiId")}
        />
        <TextInput
          label={t("iia.form.receivingOunit")}
          value={spec.receivingOunitId}
          onChange={(e) => onChange({ receivingOunitId: e.currentTarget.value })}
          error={at("receivingOunitId")}
        />
        <TextInput
          label={t("iia.form.firstYear")}
          description={t("iia.form.yearHint")}
          required
          value={spec.firstYear}
          onChange={(e) => onChange({ firstYear: e.currentTarget.value })}
          error={at("receivingFirstAcademicYearId")}
        />
        <TextInput
          label={t("iia.form.lastYear")}
          description={t("iia.form.yearHint")}
          required
          value={spec.lastYear}
          onChange={(e) => onChange({ lastYear: e.currentTarget.value })}
          error={at("receivingLastAcademicYearId")}
        />
        <NumberInput
          label={t("iia.form.mobilities")}
          description={t("iia.form.mobilitiesHint")}
          required
          min={1}
          allowDecimal={false}
          allowNegative={false}
          value={spec.mobilitiesPerYear}
          onChange={(v) => onChange({ mobilitiesPerYear: v })}
          error={at("mobilitiesPerYear")}
        />
        <NumberInput
          label={student ? t("iia.form.months") : t("iia.form.days")}
          description={t("iia.form.totalHint")}
          min={0}
          decimalScale={2}
          allowNegative={false}
          value={spec.total}
          onChange={(v) => onChange({ total: v })}
          error={at(student ? "totalMonthsPerYear" : "totalDaysPerYear")}
        />
      </SimpleGrid>
      {student && (
        <Group align="flex-start" gap="xl">
          <Checkbox
            mt="md"
            label={t("iia.form.blended")}
            checked={spec.blended}
            onChange={(e) => onChange({ blended: e.currentTarget.checked })}
          />
          <Checkbox.Group
            label={t("iia.form.eqf")}
            value={spec.eqfLevels}
            onChange={(eqfLevels) => onChange({ eqfLevels })}
            error={at("eqfLevels") ?? at("eqfLevels.0")}
          >
            <Group mt={4}>
              {EQF_LEVELS.map((level) => (
                <Checkbox key={level} value={level} label={t(`iia.eqf.${level}`)} />
              ))}
            </Group>
          </Checkbox.Group>
        </Group>
      )}
      <LanguageSkillRows
        path={`${path}.recommendedLanguageSkills`}
        specLabel={t("iia.form.spec", { n })}
        rows={spec.skills}
        onChange={(skills) => onChange({ skills })}
        error={error}
      />
      <SubjectAreaRows
        path={`${path}.subjectAreas`}
        specLabel={t("iia.form.spec", { n })}
        rows={spec.areas}
        onChange={(areas) => onChange({ areas })}
        error={error}
      />
      <Textarea
        label={t("iia.form.otherInfo")}
        autosize
        minRows={2}
        value={spec.otherInfoTerms}
        onChange={(e) => onChange({ otherInfoTerms: e.currentTarget.value })}
        error={at("otherInfoTerms")}
      />
    </Stack>
  );
}
