import { NewsInput, type NewsView } from "@conventio/domain";
import { Button, Fieldset, Group, Radio, SimpleGrid, Stack, TagsInput, Textarea, TextInput } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { FormProblem, useSchemaForm } from "../../lib/use-schema-form";
import { RemoveButton } from "../../ui/remove-button";
import { rowKey } from "../agreements/agreement-draft";
import { type AgreementChoice, AgreementPicker } from "../agreements/agreement-picker";

type Translation = { key: string; lang: string; title: string; body: string };

/** Writes or edits a post with its translations, tags and partnership. */
export function NewsForm({
  initial,
  onSaved,
  onCancel,
}: {
  initial?: NewsView;
  onSaved: (saved: NewsView) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [lang, setLang] = useState(initial?.lang ?? "fr");
  const [title, setTitle] = useState(initial?.title ?? "");
  const [summary, setSummary] = useState(initial?.summary ?? "");
  const [body, setBody] = useState(initial?.body ?? "");
  const [tags, setTags] = useState<string[]>(initial?.tags ?? []);
  const [category, setCategory] = useState(initial?.category ?? "");
  const [agreement, setAgreement] = useState<AgreementChoice | null>(initial?.agreement ?? null);
  const [publishedOn, setPublishedOn] = useState(initial?.publishedOn ?? "");
  const [status, setStatus] = useState<"draft" | "published">(initial?.status ?? "draft");
  const [translations, setTranslations] = useState<Translation[]>(
    (initial?.translations ?? []).map((tr) => ({ key: rowKey(), ...tr })),
  );
  const setRow = (i: number, patch: Partial<Translation>) =>
    setTranslations((rows) => rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  const form = useSchemaForm({
    schema: NewsInput,
    read: () => ({
      lang: lang.trim(),
      title,
      summary: summary.trim() || null,
      body,
      translations: translations.map(({ lang: l, title: ti, body: b }) => ({ lang: l.trim(), title: ti, body: b })),
      tags,
      category: category.trim() || null,
      agreementId: agreement?.id ?? null,
      publishedOn: publishedOn || null,
      status,
    }),
    send: (input) => (initial ? api.news.update(initial.id, input) : api.news.create(input)),
    onSaved: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ["news"] });
      onSaved(saved);
    },
  });
  const save = form.mutation;
  return (
    <form ref={form.ref} onSubmit={form.submit} noValidate>
      <Stack>
        <FormProblem form={form} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t("news.fields.lang")}
            value={lang}
            onChange={(e) => setLang(e.currentTarget.value)}
            error={form.error("lang")}
          />
          <TextInput
            type="date"
            label={t("news.fields.publishedOn")}
            value={publishedOn}
            onChange={(e) => setPublishedOn(e.currentTarget.value)}
            error={form.error("publishedOn")}
          />
          <TextInput
            label={t("news.fields.category")}
            value={category}
            onChange={(e) => setCategory(e.currentTarget.value)}
          />
        </SimpleGrid>
        <TextInput
          label={t("news.fields.title")}
          required
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={form.error("title")}
        />
        <Textarea
          label={t("news.fields.summary")}
          autosize
          value={summary}
          onChange={(e) => setSummary(e.currentTarget.value)}
          error={form.error("summary")}
        />
        <Textarea
          label={t("news.fields.body")}
          required
          autosize
          minRows={6}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={form.error("body")}
        />
        <TagsInput label={t("news.fields.tags")} description={t("common.enterEach")} value={tags} onChange={setTags} />
        <AgreementPicker label={t("news.fields.agreement")} value={agreement} onChange={setAgreement} />
        <Fieldset legend={t("news.fields.translations")}>
          <Stack>
            {translations.map((row, i) => (
              <Stack key={row.key} gap="xs">
                <Group align="flex-end">
                  <TextInput
                    w={120}
                    label={t("news.form.translationLang", { n: i + 1 })}
                    value={row.lang}
                    onChange={(e) => setRow(i, { lang: e.currentTarget.value })}
                    error={form.error(`translations.${i}.lang`)}
                  />
                  <TextInput
                    style={{ flex: 1 }}
                    label={t("news.form.translationTitle", { n: i + 1 })}
                    value={row.title}
                    onChange={(e) => setRow(i, { title: e.currentTarget.value })}
                    error={form.error(`translations.${i}.title`)}
                  />
                  <RemoveButton
                    label={t("common.removeRow", { row: t("news.form.translationTitle", { n: i + 1 }) })}
                    mb={6}
                    onClick={() => setTranslations((rows) => rows.filter((_, j) => j !== i))}
                  />
                </Group>
                <Textarea
                  label={t("news.form.translationBody", { n: i + 1 })}
                  autosize
                  minRows={3}
                  value={row.body}
                  onChange={(e) => setRow(i, { body: e.currentTarget.value })}
                  error={form.error(`translations.${i}.body`)}
                />
              </Stack>
            ))}
            <Group>
              <Button
                size="xs"
                variant="default"
                onClick={() => setTranslations((rows) => [...rows, { key: rowKey(), lang: "", title: "", body: "" }])}
              >
                {t("news.form.addTranslation")}
              </Button>
            </Group>
          </Stack>
        </Fieldset>
        <Radio.Group label={t("news.fields.status")} value={status} onChange={(v) => setStatus(v as typeof status)}>
          <Group mt="xs">
            <Radio value="draft" label={t("news.status.draft")} />
            <Radio value="published" label={t("news.status.published")} />
          </Group>
        </Radio.Group>
        <Group>
          <Button type="submit" loading={save.isPending}>
            {initial ? t("common.save") : t("news.create")}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
