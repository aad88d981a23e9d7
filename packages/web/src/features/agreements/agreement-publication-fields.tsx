import { GUARDED_FIELDS, type GuardedField, type Visibility } from "@conventio/domain";
import { Alert, Checkbox, Fieldset, Group, Radio, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

/**
 * Whether the agreement is published, which of its parts stay internal, and a plain statement
 * of what the public will read, so nobody has to guess from the checkboxes.
 */
export function PublicationFields({
  visibility,
  internalFields,
  onVisibility,
  onInternalFields,
  error,
}: {
  visibility: Visibility;
  internalFields: GuardedField[];
  onVisibility: (v: Visibility) => void;
  onInternalFields: (v: GuardedField[]) => void;
  error: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const shown = GUARDED_FIELDS.filter((f) => !internalFields.includes(f)).map((f) => t(`guardedFields.${f}`));
  const kept = internalFields.map((f) => t(`guardedFields.${f}`));
  return (
    <Fieldset legend={t("agreements.form.publication")}>
      <Stack>
        <Radio.Group
          label={t("agreements.fields.visibility")}
          value={visibility}
          onChange={(v) => onVisibility(v as Visibility)}
          error={error("visibility")}
        >
          <Group mt="xs">
            <Radio value="internal" label={t("visibility.internalLong")} />
            <Radio value="public" label={t("visibility.publicLong")} />
          </Group>
        </Radio.Group>
        <Checkbox.Group
          label={t("agreements.fields.internalFields")}
          description={t("agreements.form.internalFieldsHint")}
          value={internalFields}
          onChange={(v) => onInternalFields(v as GuardedField[])}
        >
          <Group mt="xs">
            {GUARDED_FIELDS.map((f) => (
              <Checkbox key={f} value={f} label={t(`guardedFields.${f}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Alert color={visibility === "public" ? "blue" : "gray"} aria-live="polite" data-testid="public-statement">
          {visibility === "public" ? (
            <>
              <Text size="sm">{t("agreements.form.statementPublic", { fields: shown.join(", ") })}</Text>
              {kept.length > 0 && (
                <Text size="sm">{t("agreements.form.statementKept", { fields: kept.join(", ") })}</Text>
              )}
              <Text size="sm">{t("agreements.form.statementPeople")}</Text>
            </>
          ) : (
            <Text size="sm">{t("agreements.form.statementInternal")}</Text>
          )}
        </Alert>
      </Stack>
    </Fieldset>
  );
}
