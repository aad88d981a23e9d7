import type { DocumentView } from "@conventio/domain";
import { Anchor, Button, FileInput, Group, Select, Table, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type DocumentRecord } from "../../lib/api";
import { errorsFromProblem, useFieldMessage } from "../../lib/form-errors";
import { useFormatDate } from "../../lib/format";
import { ProblemAlert } from "../../ui/problem-alert";
import { ScrollTable } from "../../ui/scroll-table";
import { Section } from "../../ui/section";
import { TableHead } from "../../ui/table-head";

const KINDS = ["signed", "annex", "other"] as const;

const documentsKey = (record: DocumentRecord) => [record.kind, "documents", record.id] as const;

/** Each document's newest version, with the versions it replaced, newest first. */
export function versionChains(documents: readonly DocumentView[]): { latest: DocumentView; older: DocumentView[] }[] {
  const byId = new Map(documents.map((d) => [d.id, d]));
  const replaced = new Set(documents.map((d) => d.replacesId).filter(Boolean));
  return documents
    .filter((d) => !replaced.has(d.id))
    .map((latest) => {
      const older: DocumentView[] = [];
      const seen = new Set([latest.id]);
      let previous = latest.replacesId ? byId.get(latest.replacesId) : undefined;
      while (previous && !seen.has(previous.id)) {
        seen.add(previous.id);
        older.push(previous);
        previous = previous.replacesId ? byId.get(previous.replacesId) : undefined;
      }
      return { latest, older };
    });
}

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function UploadForm({ record, documents }: { record: DocumentRecord; documents: readonly DocumentView[] }) {
  const { t } = useTranslation();
  const show = useFieldMessage();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<DocumentView["kind"]>(record.kind === "agreements" ? "signed" : "annex");
  const [title, setTitle] = useState("");
  const [replaces, setReplaces] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [missingFile, setMissingFile] = useState(false);
  const upload = useMutation({
    mutationFn: (chosen: File) =>
      api.documents.upload(record, { kind, title: title.trim(), replaces: replaces ?? "" }, chosen),
    onSuccess: () => {
      setFile(null);
      setTitle("");
      setReplaces(null);
      void queryClient.invalidateQueries({ queryKey: documentsKey(record) });
    },
  });
  const errors = errorsFromProblem(upload.error);
  function submit(event: FormEvent) {
    event.preventDefault();
    setMissingFile(!file);
    if (file) upload.mutate(file);
  }
  const latest = documents.filter((d) => !documents.some((o) => o.replacesId === d.id));
  return (
    <form onSubmit={submit} noValidate aria-labelledby="upload-title">
      <Title order={3} size="h5" id="upload-title" mt="md" mb="xs">
        {t("documents.upload")}
      </Title>
      {upload.isError && Object.keys(errors).length === 0 && <ProblemAlert error={upload.error} />}
      <Group align="flex-start" wrap="wrap">
        <Select
          label={t("documents.kind")}
          allowDeselect={false}
          data={KINDS.map((k) => ({ value: k, label: t(`documents.kinds.${k}`) }))}
          value={kind}
          onChange={(v) => v && setKind(v as DocumentView["kind"])}
          w={180}
        />
        <TextInput label={t("documents.title")} value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
        <Select
          label={t("documents.replaces")}
          clearable
          data={latest.map((d) => ({ value: d.id, label: `${d.title} (v${d.version})` }))}
          value={replaces}
          onChange={setReplaces}
          w={220}
        />
        <FileInput
          label={t("documents.file")}
          required
          value={file}
          onChange={setFile}
          placeholder={t("documents.choose")}
          // Mantine's placeholder grey is under 4.5:1 on white, and here it is real text, not an attribute.
          styles={{ placeholder: { color: "var(--mantine-color-gray-7)" } }}
          error={missingFile ? t("documents.fileRequired") : show(errors.file)}
          w={240}
        />
        <Button type="submit" mt={25} loading={upload.isPending}>
          {t("documents.send")}
        </Button>
      </Group>
    </form>
  );
}

/** The files of a record, each with its earlier versions, and an upload form for editors. */
export function Documents({ record, canEdit }: { record: DocumentRecord; canEdit: boolean }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const query = useQuery({ queryKey: documentsKey(record), queryFn: () => api.documents.list(record) });
  const items = query.data?.items ?? [];
  const link = (d: DocumentView, text: string) => (
    <Anchor href={api.documents.url(record, d.id)} download={d.fileName}>
      {text}
    </Anchor>
  );
  return (
    <Section title={t("documents.heading")}>
      {query.isError && <ProblemAlert error={query.error} />}
      {items.length === 0 ? (
        <Text c="dimmed">{t("documents.none")}</Text>
      ) : (
        <ScrollTable minWidth={560} label={t("documents.heading")}>
          <Table verticalSpacing="xs">
            <TableHead
              columns={[t("documents.title"), t("documents.kind"), t("documents.version"), t("documents.uploadedAt")]}
            />
            <Table.Tbody>
              {versionChains(items).map(({ latest: d, older }) => (
                <Table.Tr key={d.id}>
                  <Table.Td>
                    {link(d, d.title)}
                    <Text size="xs" c="dimmed">
                      {d.fileName} · {size(d.size)}
                    </Text>
                    {older.length > 0 && (
                      <Text size="xs">
                        {t("documents.earlier")}{" "}
                        {older.map((o, i) => (
                          <span key={o.id}>
                            {i > 0 && ", "}
                            {link(o, `v${o.version}`)}
                          </span>
                        ))}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{t(`documents.kinds.${d.kind}`)}</Table.Td>
                  <Table.Td>v{d.version}</Table.Td>
                  <Table.Td>{formatDate(d.uploadedAt, true)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      {canEdit && <UploadForm record={record} documents={items} />}
    </Section>
  );
}
