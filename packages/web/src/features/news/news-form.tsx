import { NewsInput, type NewsView } from "@conventio/domain";
import {
  ActionIcon,
  Alert,
  Button,
  Fieldset,
  Group,
  Radio,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../lib/api";
import { errorsFromIssues, errorsFromProblem, type FieldErrors, useFieldMessage } from "../../lib/form-errors";
import { ProblemAlert } from "../../ui/problem-alert";
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
  const show = useFieldMessage();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
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
  const [errors, setErrors] = useState<FieldErrors>({});
  const err = (path: string) => show(errors[path]);
  const setRow = (i: number, patch: Partial<Translation>) =>
    setTranslations((rows) => rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  const save = useMutation({
    mutationFn: async () => {
      const parsed = NewsInput.safeParse({
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
      });
      if (!parsed.success) throw parsed.error;
      return initial ? api.news.update(initial.id, parsed.data) : api.news.create(parsed.data);
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ["news"] });
      onSaved(saved);
    },
    onError: (error) => {
      const issues = (error as { issues?: { code: string; path: PropertyKey[]; message: string }[] }).issues ?? [];
      setErrors(error instanceof ApiError ? errorsFromProblem(error) : errorsFromIssues(issues));
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    setErrors({});
    save.mutate();
  }
  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack>
        {save.isError && !(save.error instanceof ApiError) && (
          <Alert color="red" variant="light" role="alert" title={t("errors.validation_failed")}>
            {t("organisations.form.fixFields")}
          </Alert>
        )}
        {save.error instanceof ApiError && <ProblemAlert error={save.error} />}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t("news.fields.lang")}
            value={lang}
            onChange={(e) => setLang(e.currentTarget.value)}
            error={err("lang")}
          />
          <TextInput
            type="date"
            label={t("news.fields.publishedOn")}
            value={publishedOn}
            onChange={(e) => setPublishedOn(e.currentTarget.value)}
            error={err("publishedOn")}
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
          error={err("title")}
        />
        <Textarea
          label={t("news.fields.summary")}
          autosize
          value={summary}
          onChange={(e) => setSummary(e.currentTarget.value)}
          error={err("summary")}
        />
        <Textarea
          label={t("news.fields.body")}
          required
          autosize
          minRows={6}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={err("body")}
        />
        <TagsInput
          label={t("news.fields.tags")}
          description={t("agreements.form.themesHint")}
          value={tags}
          onChange={setTags}
        />
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
                    error={err(`translations.${i}.lang`)}
                  />
                  <TextInput
                    style={{ flex: 1 }}
                    label={t("news.form.translationTitle", { n: i + 1 })}
                    value={row.title}
                    onChange={(e) => setRow(i, { title: e.currentTarget.value })}
                    error={err(`translations.${i}.title`)}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    mb={6}
                    aria-label={t("common.removeRow", { row: t("news.form.translationTitle", { n: i + 1 }) })}
                    onClick={() => setTranslations((rows) => rows.filter((_, j) => j !== i))}
                  >
                    <span aria-hidden="true">✕</span>
                  </ActionIcon>
                </Group>
                <Textarea
                  label={t("news.form.translationBody", { n: i + 1 })}
                  autosize
                  minRows={3}
                  value={row.body}
                  onChange={(e) => setRow(i, { body: e.currentTarget.value })}
                  error={err(`translations.${i}.body`)}
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
