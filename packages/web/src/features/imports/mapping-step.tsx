import type { ColumnMapping, ImportPreview } from "@conventio/domain";
import { Alert, Button, Group, NativeSelect, SimpleGrid, Stack, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { errorsFromProblem, type FieldErrors, useFieldMessage } from "../../lib/form-errors";
import { ProblemAlert } from "../../ui/problem-alert";
import { useFieldDescription } from "./field-description";
import { SampleTable } from "./sample-table";

/** The fields a required column is missing for, as field errors keyed like the server's (mapping.name). */
export function missingRequired(preview: ImportPreview, mapping: ColumnMapping): string[] {
  return preview.fields.filter((f) => f.required && !mapping[f.name]).map((f) => f.name);
}

/** The first value the file holds in a column, to show beside the field it fills. */
function firstValue(preview: ImportPreview, column: string | null | undefined): string | null {
  const i = column ? preview.columns.indexOf(column) : -1;
  if (i < 0) return null;
  return preview.sampleRows.map((r) => r[i]).find((v) => v !== null && v !== undefined && v.trim() !== "") ?? null;
}

/**
 * Step 2: which column fills which field. One select per field, pre-filled with the saved or
 * guessed mapping; required fields are marked and checked here before the dry run is asked.
 */
export function MappingStep({
  preview,
  mapping,
  kept,
  serverErrors,
  onChange,
  onSaved,
  onDryRun,
  onBack,
}: {
  preview: ImportPreview;
  mapping: ColumnMapping;
  /** True when the mapping chosen for the previous file of the same layout was kept. */
  kept: boolean;
  /** Field errors from a refused dry run (mapping.<field>). */
  serverErrors: FieldErrors;
  onChange: (mapping: ColumnMapping) => void;
  onSaved: (preview: ImportPreview) => void;
  onDryRun: () => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const show = useFieldMessage();
  const describe = useFieldDescription(preview.kind);
  const formRef = useRef<HTMLFormElement>(null);
  const titleId = useId();
  const [missing, setMissing] = useState<string[]>([]);
  const save = useMutation({
    mutationFn: () => api.imports.saveMapping(preview.uploadId, mapping),
    onSuccess: onSaved,
  });
  const saveErrors = errorsFromProblem(save.error);
  const columns = preview.columns.filter((c) => c.trim() !== "");
  const unused = columns.filter((c) => !Object.values(mapping).includes(c));

  const errorOf = (field: string) =>
    missing.includes(field)
      ? t("imports.map.requiredMissing", { field })
      : show(saveErrors[`mapping.${field}`] ?? serverErrors[`mapping.${field}`]);

  /** Required fields first: nothing is sent while one has no column. */
  function check(): boolean {
    const absent = missingRequired(preview, mapping);
    setMissing(absent);
    if (absent.length > 0) {
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    }
    return absent.length === 0;
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (check()) onDryRun();
  }

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Text>
          {t("imports.map.summary", { file: preview.fileName, count: preview.rowCount, columns: columns.length })}
        </Text>
        {preview.format === "csv" && preview.encoding && (
          <Text size="sm" c="dimmed">
            {t("imports.map.readAs", { encoding: preview.encoding, delimiter: preview.delimiter ?? "," })}
          </Text>
        )}
      </Stack>
      <Alert variant="light" color={preview.mappingSource === "saved" || kept ? "teal" : "blue"}>
        {kept
          ? t("imports.map.kept")
          : preview.mappingSource === "saved"
            ? t("imports.map.saved")
            : t("imports.map.guessed")}
      </Alert>
      <SampleTable preview={preview} mapping={mapping} />
      <form ref={formRef} onSubmit={submit} noValidate aria-labelledby={titleId}>
        <Stack gap="md">
          <div>
            <Text component="h3" fw={600} id={titleId}>
              {t("imports.map.fieldsTitle")}
            </Text>
            <Text size="sm" c="dimmed">
              {t("imports.map.fieldsHelp")}
            </Text>
          </div>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" verticalSpacing="sm">
            {preview.fields.map((f) => {
              const value = firstValue(preview, mapping[f.name]);
              return (
                <NativeSelect
                  key={f.name}
                  label={f.name}
                  required={f.required}
                  description={
                    <>
                      {describe(f)}
                      {f.example && (
                        <span style={{ whiteSpace: "pre-wrap" }}> · {t("common.example", { value: f.example })}</span>
                      )}
                      {value !== null && (
                        <>
                          <br />
                          {t("imports.map.inFile", { value })}
                        </>
                      )}
                    </>
                  }
                  data={[{ value: "", label: t("imports.map.none") }, ...columns.map((c) => ({ value: c, label: c }))]}
                  value={mapping[f.name] ?? ""}
                  onChange={(event) => {
                    const column = event.currentTarget.value;
                    onChange({ ...mapping, [f.name]: column === "" ? null : column });
                    setMissing((m) => m.filter((name) => name !== f.name));
                    save.reset();
                  }}
                  error={errorOf(f.name)}
                />
              );
            })}
          </SimpleGrid>
          <Text size="sm" c="dimmed">
            {unused.length > 0 ? t("imports.map.unused", { columns: unused.join(", ") }) : t("imports.map.allUsed")}
          </Text>
          {save.isError && Object.keys(saveErrors).length === 0 && <ProblemAlert error={save.error} />}
          <Group gap="sm">
            <Button type="submit">{t("imports.map.dryRun")}</Button>
            <Button variant="default" loading={save.isPending} onClick={() => check() && save.mutate()}>
              {t("imports.map.remember")}
            </Button>
            <Button variant="subtle" onClick={onBack}>
              {t("imports.map.back")}
            </Button>
          </Group>
          <Text size="sm" role="status">
            {save.isSuccess ? t("imports.map.remembered") : ""}
          </Text>
        </Stack>
      </form>
    </Stack>
  );
}
