import { type SiteSettings, UI_LANGUAGES, type UiLanguage, UpdateSiteSettingsInput } from "@conventio/domain";
import {
  Button,
  ColorInput,
  Fieldset,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { siteSettings, siteSettingsKey } from "../../lib/api/site-settings";
import { FormProblem, useSchemaForm } from "../../lib/use-schema-form";
import { FooterLinkRows, type LinkRow, linkRowsOf } from "./footer-link-rows";

interface Draft {
  institutionName: string;
  primary: string;
  accent: string;
  footerLinks: LinkRow[];
  defaultLanguage: UiLanguage;
  embedOrigins: string;
  licenceName: string;
  licenceUrl: string;
}

function draftOf(s: SiteSettings): Draft {
  return {
    institutionName: s.institutionName,
    primary: s.colours.primary,
    accent: s.colours.accent,
    footerLinks: linkRowsOf(s.footerLinks),
    defaultLanguage: s.defaultLanguage,
    embedOrigins: s.embedOrigins.join("\n"),
    licenceName: s.openDataLicence.name,
    licenceUrl: s.openDataLicence.url,
  };
}

/** The institution's name, colours, footer links, default language, open-data licence and embed origins. */
export function SiteSettingsForm({ settings }: { settings: SiteSettings }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings));
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const form = useSchemaForm({
    schema: UpdateSiteSettingsInput,
    read: () => ({
      institutionName: draft.institutionName,
      colours: { primary: draft.primary, accent: draft.accent },
      footerLinks: draft.footerLinks.map(({ label, url }) => ({ label, url })),
      defaultLanguage: draft.defaultLanguage,
      embedOrigins: draft.embedOrigins
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean),
      openDataLicence: { name: draft.licenceName, url: draft.licenceUrl },
    }),
    send: siteSettings.update,
    onSaved: (saved) => {
      queryClient.setQueryData(siteSettingsKey, saved);
      setDraft(draftOf(saved));
    },
  });
  // The origins are one field, a line each: a refused origin is named by its line.
  const originPath = Object.keys(form.errors).find((k) => k.startsWith("embedOrigins"));
  const originLine = Number(originPath?.split(".")[1] ?? Number.NaN) + 1;
  const originMessage = originPath ? form.error(originPath) : undefined;
  const originError =
    originMessage && Number.isInteger(originLine)
      ? t("siteSettings.originOnLine", { n: originLine, message: originMessage })
      : originMessage;
  return (
    <form ref={form.ref} onSubmit={form.submit} noValidate>
      <Stack>
        <FormProblem form={form} quiet />
        <Text size="sm" role="status">
          {form.mutation.isSuccess && t("siteSettings.saved")}
        </Text>
        <TextInput
          label={t("siteSettings.institutionName")}
          description={t("siteSettings.institutionNameHint")}
          required
          autoComplete="organization"
          value={draft.institutionName}
          onChange={(e) => set("institutionName", e.currentTarget.value)}
          error={form.error("institutionName")}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <ColorInput
            label={t("siteSettings.primary")}
            description={t("siteSettings.primaryHint")}
            format="hex"
            withEyeDropper={false}
            required
            value={draft.primary}
            onChange={(value) => set("primary", value)}
            error={form.error("colours.primary")}
          />
          <ColorInput
            label={t("siteSettings.accent")}
            description={t("siteSettings.accentHint")}
            format="hex"
            withEyeDropper={false}
            required
            value={draft.accent}
            onChange={(value) => set("accent", value)}
            error={form.error("colours.accent")}
          />
          <Select
            label={t("siteSettings.defaultLanguage")}
            description={t("siteSettings.defaultLanguageHint")}
            data={UI_LANGUAGES.map((lang) => ({ value: lang, label: t(`siteSettings.languages.${lang}`) }))}
            value={draft.defaultLanguage}
            allowDeselect={false}
            onChange={(lang) => lang && set("defaultLanguage", lang as UiLanguage)}
            error={form.error("defaultLanguage")}
          />
        </SimpleGrid>
        <Fieldset legend={t("siteSettings.footerLinks")}>
          <FooterLinkRows rows={draft.footerLinks} onChange={(rows) => set("footerLinks", rows)} error={form.error} />
        </Fieldset>
        <Fieldset legend={t("siteSettings.licence")}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t("siteSettings.licenceName")}
              required
              value={draft.licenceName}
              onChange={(e) => set("licenceName", e.currentTarget.value)}
              error={form.error("openDataLicence.name")}
            />
            <TextInput
              label={t("siteSettings.licenceUrl")}
              required
              type="url"
              value={draft.licenceUrl}
              onChange={(e) => set("licenceUrl", e.currentTarget.value)}
              error={form.error("openDataLicence.url")}
            />
          </SimpleGrid>
        </Fieldset>
        <Textarea
          label={t("siteSettings.embedOrigins")}
          description={t("siteSettings.embedOriginsHint")}
          autosize
          minRows={2}
          spellCheck={false}
          value={draft.embedOrigins}
          onChange={(e) => set("embedOrigins", e.currentTarget.value)}
          error={originError}
        />
        <Group>
          <Button type="submit" loading={form.mutation.isPending}>
            {t("siteSettings.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
