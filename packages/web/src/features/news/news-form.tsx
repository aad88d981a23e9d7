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
import { NewsPublicStatement } from "./news-public-statement";

type Translation = { key: string; lang: string; title: string; body: string };

/** The form's state: what the editor has typed so far, before the schema reads it. */
interface Draft {
  lang: string;
  title: string;
  summary: string;
  body: string;
  tags: string[];
  category: string;
  agreement: AgreementChoice | null;
  publishedOn: string;
  status: "draft" | "published";
  translations: Translation[];
  sourceOutlet: string;
  sourceUrl: string;
  sourcePublishedOn: string;
}

function draftOf(post?: NewsView): Draft {
  return {
    lang: post?.lang ?? "fr",
    title: post?.title ?? "",
    summary: post?.summary ?? "",
    body: post?.body ?? "",
    tags: post?.tags ?? [],
    category: post?.category ?? "",
    agreement: post?.agreement ?? null,
    publishedOn: post?.publishedOn ?? "",
    status: post?.status ?? "draft",
    translations: (post?.translations ?? []).map((tr) => ({ key: rowKey(), ...tr })),
    sourceOutlet: post?.sourceOutlet ?? "",
    sourceUrl: post?.sourceUrl ?? "",
    sourcePublishedOn: post?.sourcePublishedOn ?? "",
  };
}

const blank = (value: string) => (value.trim() === "" ? null : value.trim());

function inputOf(d: Draft) {
  return {
    lang: d.lang.trim(),
    title: d.title,
    summary: blank(d.summary),
    body: d.body,
    translations: d.translations.map(({ lang, title, body }) => ({ lang: lang.trim(), title, body })),
    tags: d.tags,
    category: blank(d.category),
    agreementId: d.agreement?.id ?? null,
    publishedOn: d.publishedOn || null,
    status: d.status,
    sourceOutlet: blank(d.sourceOutlet),
    sourceUrl: blank(d.sourceUrl),
    sourcePublishedOn: d.sourcePublishedOn || null,
  };
}

type TextKey = Exclude<keyof Draft, "tags" | "agreement" | "status" | "translations">;

/** Writes or edits a post with its translations, tags, partnership and, when it relays one, the original article. */
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
  const [draft, setDraft] = useState<Draft>(() => draftOf(initial));
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const setRow = (i: number, patch: Partial<Translation>) =>
    set(
      "translations",
      draft.translations.map((r, j) => (j === i ? { ...r, ...patch } : r)),
    );

  const form = useSchemaForm({
    schema: NewsInput,
    read: () => inputOf(draft),
    send: (input) => (initial ? api.news.update(initial.id, input) : api.news.create(input)),
    onSaved: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ["news"] });
      onSaved(saved);
    },
  });
  const save = form.mutation;
  const text = (key: TextKey) => ({
    value: draft[key],
    onChange: (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => set(key, e.currentTarget.value),
    error: form.error(key),
  });

  return (
    <form ref={form.ref} onSubmit={form.submit} noValidate>
      <Stack>
        <FormProblem form={form} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t("news.fields.lang")} {...text("lang")} />
          <TextInput type="date" label={t("news.fields.publishedOn")} {...text("publishedOn")} />
          <TextInput label={t("news.fields.category")} {...text("category")} />
        </SimpleGrid>
        <TextInput label={t("news.fields.title")} required {...text("title")} />
        <Textarea label={t("news.fields.summary")} autosize {...text("summary")} />
        <Textarea label={t("news.fields.body")} required autosize minRows={6} {...text("body")} />
        <TagsInput
          label={t("news.fields.tags")}
          description={t("common.enterEach")}
          value={draft.tags}
          onChange={(tags) => set("tags", tags)}
        />
        <AgreementPicker
          label={t("news.fields.agreement")}
          value={draft.agreement}
          onChange={(agreement) => set("agreement", agreement)}
        />
        <Fieldset legend={t("news.form.source")}>
          <Stack gap="sm">
            <TextInput
              label={t("news.fields.sourceOutlet")}
              description={t("news.form.sourceOutletHint")}
              autoComplete="off"
              {...text("sourceOutlet")}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                type="url"
                label={t("news.fields.sourceUrl")}
                description={t("news.form.sourceUrlHint")}
                autoComplete="off"
                {...text("sourceUrl")}
              />
              <TextInput
                type="date"
                label={t("news.fields.sourcePublishedOn")}
                description={t("news.form.sourcePublishedOnHint")}
                {...text("sourcePublishedOn")}
              />
            </SimpleGrid>
          </Stack>
        </Fieldset>
        <Fieldset legend={t("news.fields.translations")}>
          <Stack>
            {draft.translations.map((row, i) => (
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
                    onClick={() =>
                      set(
                        "translations",
                        draft.translations.filter((_, j) => j !== i),
                      )
                    }
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
                onClick={() =>
                  set("translations", [...draft.translations, { key: rowKey(), lang: "", title: "", body: "" }])
                }
              >
                {t("news.form.addTranslation")}
              </Button>
            </Group>
          </Stack>
        </Fieldset>
        <Radio.Group
          label={t("news.fields.status")}
          value={draft.status}
          onChange={(v) => set("status", v === "published" ? "published" : "draft")}
        >
          <Group mt="xs">
            <Radio value="draft" label={t("news.status.draft")} />
            <Radio value="published" label={t("news.status.published")} />
          </Group>
        </Radio.Group>
        <NewsPublicStatement status={draft.status} />
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
