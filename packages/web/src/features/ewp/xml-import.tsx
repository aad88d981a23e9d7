import type { IiaApprovalsReport, IiaImportReport } from "@conventio/domain";
import { Button, FileInput, Group, Stack, Table, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../lib/api";
import { ewp } from "../../lib/api/ewp";
import { useMessage } from "../../lib/messages";
import { ProblemAlert } from "../../ui/problem-alert";
import { ScrollTable } from "../../ui/scroll-table";
import { TableHead } from "../../ui/table-head";
import { agreementKeys } from "../agreements/agreement-queries";
import { ewpKeys } from "./ewp-queries";
import { ApprovalsReport, IiasReport } from "./xml-import-report";

export type XmlImportKind = "iias" | "approvals";

type Outcome = { kind: "iias"; report: IiaImportReport } | { kind: "approvals"; report: IiaApprovalsReport };

/** The problems of a refused document, by line; `file` when no line could be named. */
function LineErrors({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const show = useMessage();
  const titleId = useId();
  if (!(error instanceof ApiError)) return null;
  const lines = error.fieldErrors.filter((e) => /^line\.\d+$/.test(e.field));
  if (lines.length === 0) return null;
  return (
    <section aria-labelledby={titleId} role="alert">
      <Text component="h4" fw={600} id={titleId} c="red.9" size="sm">
        {t("ewp.import.refused", { count: lines.length })}
      </Text>
      <ScrollTable minWidth={360}>
        <Table verticalSpacing={4} aria-labelledby={titleId} data-testid="xml-import-errors">
          <TableHead columns={[t("ewp.import.line"), t("ewp.import.problem")]} />
          <Table.Tbody>
            {lines.map((e, i) => (
              // The same line may hold several problems; the position tells them apart.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <Table.Tr key={`${e.field}:${i}`}>
                <Table.Td>{e.field.slice("line.".length)}</Table.Td>
                <Table.Td>{show({ text: e.message, key: e.key, params: e.params })}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </section>
  );
}

/**
 * Sends a partner's EWP document (its IIAs or its approvals) as the file's own text, with an
 * XML content type; the server checks it against the official schema and imports all or nothing.
 */
export function XmlImport({ kind }: { kind: XmlImportKind }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const show = useMessage();
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const send = useMutation({
    mutationFn: async (chosen: File): Promise<Outcome> => {
      const xml = await chosen.text();
      return kind === "iias"
        ? { kind, report: await ewp.importIias(xml) }
        : { kind, report: await ewp.importApprovals(xml) };
    },
    // An import may map, change or create agreements and their IIAs: what is on screen is read again.
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ewpKeys.all });
      await queryClient.invalidateQueries({ queryKey: agreementKeys.all });
    },
  });
  const error = send.error instanceof ApiError ? send.error : null;
  const fileError = error?.fieldErrors.find((e) => e.field === "file");
  const byLine = error?.fieldErrors.some((e) => /^line\.\d+$/.test(e.field)) ?? false;

  function submit(event: FormEvent) {
    event.preventDefault();
    setMissing(!file);
    if (file) send.mutate(file);
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t(`ewp.import.${kind}.title`)}>
      <Stack gap="sm">
        <FileInput
          label={t(`ewp.import.${kind}.file`)}
          description={t(`ewp.import.${kind}.help`)}
          accept=".xml,application/xml,text/xml"
          clearable
          withAsterisk
          value={file}
          onChange={(chosen) => {
            setFile(chosen);
            setMissing(false);
            send.reset();
          }}
          error={
            missing
              ? t("ewp.import.fileRequired")
              : fileError && show({ text: fileError.message, key: fileError.key, params: fileError.params })
          }
          maw={480}
        />
        <Group>
          <Button type="submit" variant="default" loading={send.isPending}>
            {t(`ewp.import.${kind}.send`)}
          </Button>
        </Group>
        {send.isError && !fileError && !byLine && <ProblemAlert error={send.error} />}
        <LineErrors error={send.error} />
        <div role="status">
          {send.data?.kind === "iias" && <IiasReport report={send.data.report} />}
          {send.data?.kind === "approvals" && <ApprovalsReport report={send.data.report} />}
        </div>
      </Stack>
    </form>
  );
}
