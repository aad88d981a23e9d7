import { OTHER_ID_TYPES } from "@conventio/domain";
import { Autocomplete, Button, Fieldset, Group, Stack, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { RemoveButton } from "../../ui/remove-button";
import { rowKey } from "../agreements/agreement-draft";
import { emptyUrlRow, isBlankUrl, rowErrors, type UrlRow } from "./ewp-draft";
import { isBlankOtherId, type OtherIdRow } from "./institution-draft";

type ErrorOf = (path: string) => string | undefined;

/**
 * The institution's other identifiers (Erasmus code, PIC, charter number…), one row each.
 * Values are sent exactly as typed: "F  LILLE103" keeps its two spaces.
 */
export function OtherIdRows({
  rows,
  onChange,
  error,
}: {
  rows: OtherIdRow[];
  onChange: (rows: OtherIdRow[]) => void;
  error: ErrorOf;
}) {
  const { t } = useTranslation();
  const at = rowErrors(rows, isBlankOtherId, "otherIds", error);
  const patch = (i: number, change: Partial<OtherIdRow>) =>
    onChange(rows.map((row, j) => (j === i ? { ...row, ...change } : row)));
  const typeLabel = (type: string) =>
    (OTHER_ID_TYPES as readonly string[]).includes(type)
      ? t(`ewp.otherIds.types.${type as (typeof OTHER_ID_TYPES)[number]}`)
      : type;
  return (
    <Fieldset legend={t("ewp.otherIds.legend")}>
      <Stack gap="sm">
        {rows.map((row, i) => {
          const label = row.type ? typeLabel(row.type) : t("ewp.otherIds.row", { n: i + 1 });
          return (
            <Group key={row.key} align="flex-start" wrap="nowrap">
              <Autocomplete
                w={200}
                label={t("ewp.otherIds.type", { n: i + 1 })}
                data={[...OTHER_ID_TYPES]}
                value={row.type}
                onChange={(type) => patch(i, { type })}
                error={at(i, "type")}
              />
              <TextInput
                style={{ flex: 1 }}
                label={label}
                description={row.type === "erasmus" ? t("ewp.otherIds.erasmusHint") : undefined}
                value={row.value}
                onChange={(e) => patch(i, { value: e.currentTarget.value })}
                error={at(i, "value")}
              />
              <RemoveButton
                mt={28}
                label={t("common.removeRow", { row: label })}
                onClick={() => onChange(rows.filter((_, j) => j !== i))}
              />
            </Group>
          );
        })}
        <Group>
          <Button
            variant="default"
            size="xs"
            onClick={() => onChange([...rows, { key: rowKey(), type: "", value: "" }])}
          >
            {t("ewp.otherIds.add")}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

/** Web pages, each with its language. */
export function UrlRows({
  legend,
  path,
  rows,
  onChange,
  error,
}: {
  legend: string;
  path: string;
  rows: UrlRow[];
  onChange: (rows: UrlRow[]) => void;
  error: ErrorOf;
}) {
  const { t } = useTranslation();
  const at = rowErrors(rows, isBlankUrl, path, error);
  const patch = (i: number, change: Partial<UrlRow>) =>
    onChange(rows.map((row, j) => (j === i ? { ...row, ...change } : row)));
  return (
    <Fieldset legend={legend}>
      <Stack gap="sm">
        {rows.map((row, i) => (
          <Group key={row.key} align="flex-start" wrap="nowrap">
            <TextInput
              style={{ flex: 1 }}
              type="url"
              label={t("ewp.urls.url", { n: i + 1 })}
              value={row.url}
              onChange={(e) => patch(i, { url: e.currentTarget.value })}
              error={at(i, "url")}
            />
            <TextInput
              w={110}
              label={t("ewp.urls.lang", { n: i + 1 })}
              value={row.lang}
              onChange={(e) => patch(i, { lang: e.currentTarget.value })}
              error={at(i, "lang")}
            />
            <RemoveButton
              mt={28}
              label={t("common.removeRow", { row: t("ewp.urls.url", { n: i + 1 }) })}
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
            />
          </Group>
        ))}
        <Group>
          <Button variant="default" size="xs" onClick={() => onChange([...rows, emptyUrlRow()])}>
            {t("ewp.urls.add")}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
