import { IDENTIFIER_SCHEMES, type IdentifierScheme } from "@conventio/domain";
import { Button, Fieldset, Group, Select, Stack, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { RemoveButton } from "../../ui/remove-button";
import { newKey, type Row } from "./organisation-draft";

type IdentifierRow = Row<{ scheme: IdentifierScheme; value: string }>;

interface Props {
  rows: IdentifierRow[];
  onChange: (rows: IdentifierRow[]) => void;
  /** The message for a field, by its dotted path. */
  error: (path: string) => string | undefined;
}

const isScheme = (value: string | null): value is IdentifierScheme => IDENTIFIER_SCHEMES.some((s) => s === value);

/** ROR, Erasmus code, PIC and the rest: one row each; the schema brings each value to canonical form. */
export function IdentifiersField({ rows, onChange, error }: Props) {
  const { t } = useTranslation();
  const update = (key: number, patch: Partial<IdentifierRow>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <Fieldset legend={t("organisations.fields.identifiers")} variant="unstyled">
      <Stack gap="xs">
        {rows.length === 0 && (
          <Text size="sm" c="dimmed">
            {t("organisations.form.noIdentifiers")}
          </Text>
        )}
        {rows.map((row, i) => (
          <Group key={row.key} align="flex-start" wrap="nowrap">
            <Select
              label={t("organisations.form.identifierScheme", { n: i + 1 })}
              data={IDENTIFIER_SCHEMES.map((s) => ({ value: s, label: t(`schemes.${s}`) }))}
              value={row.scheme}
              onChange={(v) => isScheme(v) && update(row.key, { scheme: v })}
              allowDeselect={false}
              error={error(`identifiers.${i}.scheme`)}
              w={170}
            />
            <TextInput
              label={t("organisations.form.identifierValue", { n: i + 1 })}
              placeholder={
                row.scheme === "other"
                  ? undefined
                  : t("common.example", { value: t(`identifiers.examples.${row.scheme}`) })
              }
              value={row.value}
              onChange={(e) => update(row.key, { value: e.currentTarget.value })}
              error={error(`identifiers.${i}.value`) ?? error(`identifiers.${i}`)}
              style={{ flex: 1 }}
            />
            <RemoveButton
              mt={28}
              label={t("organisations.form.removeIdentifier", { n: i + 1 })}
              onClick={() => onChange(rows.filter((r) => r.key !== row.key))}
            />
          </Group>
        ))}
        {error("identifiers") && (
          <Text size="sm" c="red.8">
            {error("identifiers")}
          </Text>
        )}
        <Group>
          <Button
            variant="default"
            size="xs"
            onClick={() => onChange([...rows, { key: newKey(), scheme: "ror", value: "" }])}
          >
            {t("organisations.form.addIdentifier")}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
