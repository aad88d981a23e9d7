import { Button, Fieldset, Group, Paper, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { type ReactNode, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { RemoveButton } from "../../ui/remove-button";
import { rowKey } from "./agreement-draft";

export type LocalisedRow = { key: string; lang: string; value: string };

const FIELDS = "input:not([type=hidden]):not([disabled]), textarea:not([disabled])";

/**
 * After "Add …", moves the focus to the first field of the row just added, so a keyboard or
 * screen-reader user goes on typing where the new row is rather than staying on the button.
 */
function useFocusAddedRow(count: number, lastRow: () => Element | null | undefined) {
  const added = useRef(false);
  const previous = useRef(count);
  useEffect(() => {
    if (added.current && count > previous.current) lastRow()?.querySelector<HTMLElement>(FIELDS)?.focus();
    added.current = false;
    previous.current = count;
  }, [count, lastRow]);
  return () => {
    added.current = true;
  };
}

/** A text in other languages, one row per language, each with its remove button. */
export function LocalisedRows({
  list,
  rows,
  onChange,
  error,
  langLabel,
  valueLabel,
  addLabel,
  multiline = false,
}: {
  list: string;
  rows: LocalisedRow[];
  onChange: (rows: LocalisedRow[]) => void;
  error: (path: string) => string | undefined;
  langLabel: (n: number) => string;
  valueLabel: (n: number) => string;
  addLabel: string;
  multiline?: boolean;
}) {
  const { t } = useTranslation();
  const rowList = useRef<HTMLDivElement>(null);
  const markAdded = useFocusAddedRow(rows.length, lastChild(rowList));
  const patch = (i: number, change: Partial<LocalisedRow>) =>
    onChange(rows.map((row, j) => (j === i ? { ...row, ...change } : row)));
  return (
    <>
      <div ref={rowList} style={{ display: "contents" }}>
        {rows.map((row, i) => {
          const valueProps = {
            style: { flex: 1 },
            label: valueLabel(i + 1),
            lang: row.lang || undefined,
            value: row.value,
            error: error(`${list}.${i}.value`),
          };
          return (
            <Group key={row.key} align="flex-end" wrap="nowrap">
              <TextInput
                w={110}
                label={langLabel(i + 1)}
                value={row.lang}
                onChange={(e) => patch(i, { lang: e.currentTarget.value })}
                error={error(`${list}.${i}.lang`)}
              />
              {multiline ? (
                <Textarea
                  autosize
                  minRows={2}
                  {...valueProps}
                  onChange={(e) => patch(i, { value: e.currentTarget.value })}
                />
              ) : (
                <TextInput {...valueProps} onChange={(e) => patch(i, { value: e.currentTarget.value })} />
              )}
              <RemoveButton
                label={t("common.removeRow", { row: valueLabel(i + 1) })}
                mb={6}
                onClick={() => onChange(rows.filter((_, j) => j !== i))}
              />
            </Group>
          );
        })}
      </div>
      <Group>
        <Button
          variant="default"
          size="xs"
          onClick={() => {
            markAdded();
            onChange([...rows, { key: rowKey(), lang: "", value: "" }]);
          }}
        >
          {addLabel}
        </Button>
      </Group>
    </>
  );
}

/** One row of a repeated group, with its remove button. */
function Row({ label, onRemove, children }: { label: string; onRemove: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" component="fieldset" className="row-fieldset">
      <Group justify="space-between" mb="xs">
        <Text component="legend" fw={600} size="sm">
          {label}
        </Text>
        <RemoveButton label={t("common.removeRow", { row: label })} onClick={onRemove} />
      </Group>
      {children}
    </Paper>
  );
}

/**
 * A repeated group of the form (parties, signatories, axes, commitments): its message, one bordered
 * row per item with a remove button, and a button that adds an empty row.
 */
export function RowGroup<T extends { key: string }>({
  legend,
  error,
  rows,
  rowLabel,
  onRemove,
  addLabel,
  onAdd,
  children,
}: {
  legend: string;
  error?: string | undefined;
  rows: readonly T[];
  rowLabel: (n: number) => string;
  onRemove: (index: number) => void;
  addLabel: string;
  onAdd: () => void;
  children: (row: T, index: number) => ReactNode;
}) {
  const list = useRef<HTMLDivElement>(null);
  const markAdded = useFocusAddedRow(rows.length, lastRow(list));
  return (
    <Fieldset legend={legend}>
      <Stack ref={list}>
        {error && (
          <Text c="red.8" size="sm" role="alert">
            {error}
          </Text>
        )}
        {rows.map((row, i) => (
          <Row key={row.key} label={rowLabel(i + 1)} onRemove={() => onRemove(i)}>
            {children(row, i)}
          </Row>
        ))}
        <Group>
          <Button
            variant="default"
            size="xs"
            onClick={() => {
              markAdded();
              onAdd();
            }}
          >
            {addLabel}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

/** The last repeated row inside a group (each row is a fieldset of its own). */
const lastRow = (list: { current: HTMLElement | null }) => () => {
  const rows = list.current?.querySelectorAll(":scope > .row-fieldset");
  return rows?.[rows.length - 1];
};

const lastChild = (list: { current: HTMLElement | null }) => () => list.current?.lastElementChild;
