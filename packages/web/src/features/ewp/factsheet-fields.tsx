import {
  Button,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Switch,
  TextInput,
} from "@mantine/core";
import { useTranslation } from "react-i18next";
import { RemoveButton } from "../../ui/remove-button";
import { rowErrors } from "./ewp-draft";
import {
  emptyRequirementRow,
  type FactsheetDraft,
  INFO_TOPICS,
  type InfoDraft,
  type InfoTopic,
  isBlankRequirement,
  type LanguageRequirementRow,
} from "./institution-draft";

type ErrorOf = (path: string) => string | undefined;

const CEFR_LEVELS = ["A1", "A2", "B1", "B2", "C1", "C2"] as const;
const DEADLINES = [
  ["nominationsAutumn", "studentNominations.autumnTerm"],
  ["nominationsSpring", "studentNominations.springTerm"],
  ["applicationsAutumn", "studentApplications.autumnTerm"],
  ["applicationsSpring", "studentApplications.springTerm"],
] as const;

/** Where incoming students ask about one topic: an e-mail, a phone number and a web page. */
function InfoFields({
  topic,
  info,
  onChange,
  error,
}: {
  topic: InfoTopic;
  info: InfoDraft;
  onChange: (patch: Partial<InfoDraft>) => void;
  error: ErrorOf;
}) {
  const { t } = useTranslation();
  const at = (field: string) => error(`factsheet.${topic}.${field}`);
  return (
    <Fieldset legend={t(`ewp.factsheet.topics.${topic}`)}>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          type="email"
          label={t("ewp.factsheet.email")}
          required
          value={info.email}
          onChange={(e) => onChange({ email: e.currentTarget.value })}
          error={at("email")}
        />
        <TextInput
          type="tel"
          label={t("ewp.factsheet.phone")}
          description={t("ewp.factsheet.phoneHint")}
          required
          value={info.phone}
          onChange={(e) => onChange({ phone: e.currentTarget.value })}
          error={at("phone.e164") ?? at("phone.otherFormat") ?? at("phone")}
        />
        <TextInput
          type="url"
          label={t("ewp.factsheet.website")}
          required
          value={info.website}
          onChange={(e) => onChange({ website: e.currentTarget.value })}
          error={at("websiteUrls") ?? at("websiteUrls.0.url")}
        />
      </SimpleGrid>
    </Fieldset>
  );
}

/** The language levels incoming students are expected to have. */
function RequirementRows({
  rows,
  onChange,
  error,
}: {
  rows: LanguageRequirementRow[];
  onChange: (rows: LanguageRequirementRow[]) => void;
  error: ErrorOf;
}) {
  const { t } = useTranslation();
  const at = rowErrors(rows, isBlankRequirement, "factsheet.languageRequirements", error);
  const patch = (i: number, change: Partial<LanguageRequirementRow>) =>
    onChange(rows.map((row, j) => (j === i ? { ...row, ...change } : row)));
  return (
    <Fieldset legend={t("ewp.factsheet.languageRequirements")}>
      <Stack gap="sm">
        {rows.map((row, i) => {
          const n = i + 1;
          return (
            <Group key={row.key} align="flex-start" wrap="nowrap">
              <SimpleGrid cols={{ base: 1, sm: 4 }} style={{ flex: 1 }}>
                <TextInput
                  label={t("ewp.factsheet.language", { n })}
                  value={row.language}
                  onChange={(e) => patch(i, { language: e.currentTarget.value })}
                  error={at(i, "language")}
                />
                <NativeSelect
                  label={t("ewp.factsheet.cefr", { n })}
                  data={[
                    { value: "", label: t("iia.form.cefrNone") },
                    ...CEFR_LEVELS.map((l) => ({ value: l, label: l })),
                  ]}
                  value={row.cefrLevel}
                  onChange={(e) => patch(i, { cefrLevel: e.currentTarget.value })}
                  error={at(i, "cefrLevel")}
                />
                <TextInput
                  label={t("ewp.factsheet.isced", { n })}
                  inputMode="numeric"
                  value={row.iscedFCode}
                  onChange={(e) => patch(i, { iscedFCode: e.currentTarget.value })}
                  error={at(i, "iscedFCode")}
                />
                <TextInput
                  label={t("ewp.factsheet.details", { n })}
                  value={row.details}
                  onChange={(e) => patch(i, { details: e.currentTarget.value })}
                  error={at(i, "details")}
                />
              </SimpleGrid>
              <RemoveButton
                mt={28}
                label={t("common.removeRow", { row: t("ewp.factsheet.requirement", { n }) })}
                onClick={() => onChange(rows.filter((_, j) => j !== i))}
              />
            </Group>
          );
        })}
        <Group>
          <Button variant="default" size="xs" onClick={() => onChange([...rows, emptyRequirementRow()])}>
            {t("ewp.factsheet.addRequirement")}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

/** The Mobility Factsheet's main fields: deadlines, decision and transcript delays, where to ask, languages. */
export function FactsheetFields({
  factsheet,
  onChange,
  error,
}: {
  factsheet: FactsheetDraft;
  onChange: (patch: Partial<FactsheetDraft>) => void;
  error: ErrorOf;
}) {
  const { t } = useTranslation();
  const at = (field: string) => error(`factsheet.${field}`);
  return (
    <Fieldset legend={t("ewp.factsheet.legend")}>
      <Stack gap="md">
        <Switch
          label={t("ewp.factsheet.published")}
          description={t("ewp.factsheet.publishedHint")}
          checked={factsheet.published}
          onChange={(e) => {
            const published = e.currentTarget.checked;
            onChange({ published });
          }}
        />
        {factsheet.published && (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
              {DEADLINES.map(([field, path]) => (
                <TextInput
                  key={field}
                  label={t(`ewp.factsheet.${field}`)}
                  description={t("ewp.factsheet.deadlineHint")}
                  required
                  value={factsheet[field]}
                  onChange={(e) => onChange({ [field]: e.currentTarget.value })}
                  error={at(`calendar.${path}`)}
                />
              ))}
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NumberInput
                label={t("ewp.factsheet.decisionWeeks")}
                required
                min={0}
                allowDecimal={false}
                allowNegative={false}
                value={factsheet.decisionWeeks}
                onChange={(decisionWeeks) => onChange({ decisionWeeks })}
                error={at("decisionWeeksLimit")}
              />
              <NumberInput
                label={t("ewp.factsheet.torWeeks")}
                required
                min={0}
                allowDecimal={false}
                allowNegative={false}
                value={factsheet.torWeeks}
                onChange={(torWeeks) => onChange({ torWeeks })}
                error={at("torWeeksLimit")}
              />
            </SimpleGrid>
            {INFO_TOPICS.map((topic) => (
              <InfoFields
                key={topic}
                topic={topic}
                info={factsheet.info[topic]}
                onChange={(patch) =>
                  onChange({ info: { ...factsheet.info, [topic]: { ...factsheet.info[topic], ...patch } } })
                }
                error={error}
              />
            ))}
            <RequirementRows
              rows={factsheet.languageRequirements}
              onChange={(languageRequirements) => onChange({ languageRequirements })}
              error={error}
            />
          </>
        )}
      </Stack>
    </Fieldset>
  );
}
