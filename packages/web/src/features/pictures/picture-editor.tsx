import { type PictureView, UpdatePictureInput } from "@conventio/domain";
import { Button, Group, Stack, Switch, Textarea, TextInput, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormProblem, useSchemaForm } from "../../lib/use-schema-form";
import { Dialog } from "../../ui/dialog";
import { type PictureOwner, pictureApi, picturesKey } from "./picture-api";

/** The languages the web app is written in; a picture's texts are asked for in each. */
const LANGUAGES = ["en", "fr", "sv"] as const;
type Lang = (typeof LANGUAGES)[number];
type Texts = Record<Lang, string>;

function toTexts(items: PictureView["caption"]): Texts {
  const out: Texts = { en: "", fr: "", sv: "" };
  for (const item of items) if (item.lang in out) out[item.lang as Lang] = item.value;
  return out;
}

/** The filled languages, in order, keeping any other language the API was given. */
function fromTexts(texts: Texts, before: PictureView["caption"]) {
  const others = before.filter((t) => !(LANGUAGES as readonly string[]).includes(t.lang));
  return [...LANGUAGES.filter((lang) => texts[lang].trim()).map((lang) => ({ lang, value: texts[lang] })), ...others];
}

type Draft = { caption: Texts; alt: Texts; credit: string; public: boolean };

/** Caption, credit and text alternative in English, French and Swedish, and whether the public sees it. */
export function PictureEditor({
  picture,
  owner,
  onClose,
}: {
  picture: PictureView;
  owner: PictureOwner;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>({
    caption: toTexts(picture.caption),
    alt: toTexts(picture.alt),
    credit: picture.credit ?? "",
    public: picture.public,
  });
  const read = () => ({
    caption: fromTexts(draft.caption, picture.caption),
    alt: fromTexts(draft.alt, picture.alt),
    credit: draft.credit.trim() || null,
    public: draft.public,
  });
  const form = useSchemaForm({
    schema: UpdatePictureInput,
    read,
    send: (input) => pictureApi.update(picture.id, input),
    onSaved: async () => {
      await queryClient.invalidateQueries({ queryKey: picturesKey(owner) });
      onClose();
    },
  });
  // A language's field carries the message the schema or the server gave for its place in the list.
  const errorAt = (field: "caption" | "alt", lang: Lang) => {
    const index = read()[field].findIndex((x) => x.lang === lang);
    return form.error(`${field}.${index}.value`) ?? form.error(`${field}.${index}.lang`);
  };
  const setText = (field: "caption" | "alt", lang: Lang, value: string) =>
    setDraft((d) => ({ ...d, [field]: { ...d[field], [lang]: value } }));
  const altMissing = form.error("alt");
  return (
    <Dialog
      opened
      onClose={onClose}
      title={t("pictures.editTitle")}
      size="lg"
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <form ref={form.ref} onSubmit={form.submit} noValidate>
        <Stack>
          <FormProblem form={form} quiet />
          <Title order={3} size="h5">
            {t("pictures.captionHeading")}
          </Title>
          {LANGUAGES.map((lang) => (
            <TextInput
              key={lang}
              label={t("pictures.caption", { language: t(`pictures.languages.${lang}`) })}
              lang={lang}
              value={draft.caption[lang]}
              onChange={(e) => setText("caption", lang, e.currentTarget.value)}
              error={errorAt("caption", lang)}
            />
          ))}
          <TextInput
            label={t("pictures.credit")}
            placeholder={t("pictures.creditPlaceholder")}
            value={draft.credit}
            onChange={(e) => {
              const credit = e.currentTarget.value;
              setDraft((d) => ({ ...d, credit }));
            }}
            error={form.error("credit")}
          />
          <Title order={3} size="h5">
            {t("pictures.altHeading")}
          </Title>
          {LANGUAGES.map((lang, i) => (
            <Textarea
              key={lang}
              label={t("pictures.alt", { language: t(`pictures.languages.${lang}`) })}
              description={i === 0 ? t("pictures.altHelp") : undefined}
              lang={lang}
              autosize
              minRows={2}
              value={draft.alt[lang]}
              onChange={(e) => setText("alt", lang, e.currentTarget.value)}
              error={errorAt("alt", lang) ?? (i === 0 ? altMissing : undefined)}
            />
          ))}
          <Switch
            label={t("pictures.public")}
            description={t("pictures.publicHelp")}
            checked={draft.public}
            onChange={(e) => {
              const checked = e.currentTarget.checked;
              setDraft((d) => ({ ...d, public: checked }));
            }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={form.mutation.isPending}>
              {t("pictures.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
