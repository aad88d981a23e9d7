import { Button, Fieldset, Group, Stack, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { RemoveButton } from "../../ui/remove-button";
import { newKey, type Row } from "./organisation-draft";

type NameRow = Row<{ lang: string; value: string }>;

interface Props {
  rows: NameRow[];
  onChange: (rows: NameRow[]) => void;
  /** The message for a field, by its dotted path. */
  error: (path: string) => string | undefined;
}

/** Names in other languages: one row each, language code and name. */
export function NamesField({ rows, onChange, error }: Props) {
  const { t } = useTranslation();
  const update = (key: number, patch: Partial<NameRow>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <Fieldset legend={t("organisations.fields.names")} variant="unstyled">
      <Stack gap="xs">
        {rows.length === 0 && (
          <Text size="sm" c="dimmed">
            {t("organisations.form.noNames")}
          </Text>
        )}
        {rows.map((row, i) => (
          <Group key={row.key} align="flex-start" wrap="nowrap">
            <TextInput
              label={t("organisations.form.nameLang", { n: i + 1 })}
              placeholder={t("common.example", { value: t("organisations.form.langHint") })}
              value={row.lang}
              onChange={(e) => update(row.key, { lang: e.currentTarget.value })}
              error={error(`names.${i}.lang`)}
              w={140}
            />
            <TextInput
              label={t("organisations.form.nameValue", { n: i + 1 })}
              value={row.value}
              onChange={(e) => update(row.key, { value: e.currentTarget.value })}
              error={error(`names.${i}.value`)}
              style={{ flex: 1 }}
            />
            <RemoveButton
              mt={28}
              label={t("organisations.form.removeName", { n: i + 1 })}
              onClick={() => onChange(rows.filter((r) => r.key !== row.key))}
            />
          </Group>
        ))}
        {error("names") && (
          <Text size="sm" c="red.8">
            {error("names")}
          </Text>
        )}
        <Group>
          <Button
            variant="default"
            size="xs"
            onClick={() => onChange([...rows, { key: newKey(), lang: "", value: "" }])}
          >
            {t("organisations.form.addName")}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
