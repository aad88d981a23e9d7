import { EMBED_WIDGETS, type EmbedWidget, type SiteSettings, UI_LANGUAGES, type UiLanguage } from "@conventio/domain";
import { Alert, Button, Code, CopyButton, Group, Select, SimpleGrid, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { themes } from "../../lib/api/agreements";
import { map, organisations } from "../../lib/api/organisations";
import { useCountryName, useLanguage } from "../../lib/countries";
import { type EmbedChoice, iframeSnippet, scriptSnippet } from "./embed-snippets";

/** One snippet, labelled, with the button that copies it. */
function Snippet({
  label,
  copyLabel,
  code,
  testId,
}: {
  label: string;
  copyLabel: string;
  code: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const labelId = useId();
  return (
    <Stack gap={4} role="group" aria-labelledby={labelId}>
      <Text fw={600} size="sm" id={labelId}>
        {label}
      </Text>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Code block style={{ flex: 1, overflowWrap: "anywhere", whiteSpace: "pre-wrap" }} data-testid={testId}>
          {code}
        </Code>
        <CopyButton value={code}>
          {({ copied, copy }) => (
            <Button variant="light" onClick={copy} aria-label={copyLabel}>
              <span aria-live="polite">
                {copied ? t("siteSettings.embed.copied") : t("siteSettings.embed.copyShort")}
              </span>
            </Button>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}

/** The options of the partnerships list's filters, from the themes and organisations the office keeps. */
function useFilterOptions(enabled: boolean) {
  const language = useLanguage();
  const countryName = useCountryName();
  const themeList = useQuery({ queryKey: ["themes"], queryFn: themes.list, enabled });
  const countryList = useQuery({ queryKey: ["map", "countries"], queryFn: map.countries, enabled });
  const unitList = useQuery({
    queryKey: ["organisations", "units", language],
    queryFn: () => organisations.list({ kind: "unit" }, { limit: 200 }, language),
    enabled,
  });
  return useMemo(() => {
    const collator = new Intl.Collator(language);
    const byLabel = (a: { label: string }, b: { label: string }) => collator.compare(a.label, b.label);
    return {
      themes: (themeList.data?.items ?? [])
        .map((th) => ({
          value: th.theme,
          label: th.labels.find((l) => l.lang === language.slice(0, 2))?.value ?? th.label,
        }))
        .sort(byLabel),
      countries: (countryList.data?.items ?? [])
        .map((c) => ({ value: c.countryCode, label: countryName(c.countryCode) }))
        .sort(byLabel),
      units: (unitList.data?.items ?? []).map((u) => ({ value: u.id, label: u.shown.text })).sort(byLabel),
    };
  }, [themeList.data, countryList.data, unitList.data, language, countryName]);
}

/** Builds the frame and the script a university pastes into its own site, for a widget, a language and filters. */
export function EmbedBuilder({ settings }: { settings: SiteSettings }) {
  const { t } = useTranslation();
  const [widget, setWidget] = useState<EmbedWidget>("partnerships");
  const [lang, setLang] = useState<UiLanguage>(settings.defaultLanguage);
  const [filters, setFilters] = useState({ theme: "", country: "", unit: "" });
  const options = useFilterOptions(widget === "partnerships");
  const choice: EmbedChoice = {
    widget,
    lang,
    ...filters,
    // The frame is named in the language of the page it sits in.
    title: t(`siteSettings.embed.frameTitles.${widget}`, { lng: lang, name: settings.institutionName }),
  };
  const origin = window.location.origin;
  const filter = (name: keyof typeof filters, data: { value: string; label: string }[]) => (
    <Select
      label={t(`siteSettings.embed.${name}`)}
      placeholder={t("siteSettings.embed.any")}
      data={data}
      value={filters[name] || null}
      onChange={(value) => setFilters((f) => ({ ...f, [name]: value ?? "" }))}
      searchable
      clearable
      nothingFoundMessage={t("common.nothingFound")}
    />
  );
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t("siteSettings.embed.widget")}
          data={EMBED_WIDGETS.map((w) => ({ value: w, label: t(`siteSettings.embed.widgets.${w}`) }))}
          value={widget}
          allowDeselect={false}
          onChange={(value) => value && setWidget(value as EmbedWidget)}
        />
        <Select
          label={t("siteSettings.embed.language")}
          data={UI_LANGUAGES.map((l) => ({ value: l, label: t(`siteSettings.languages.${l}`) }))}
          value={lang}
          allowDeselect={false}
          onChange={(value) => value && setLang(value as UiLanguage)}
        />
      </SimpleGrid>
      {widget === "partnerships" && (
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {filter("theme", options.themes)}
          {filter("country", options.countries)}
          {filter("unit", options.units)}
        </SimpleGrid>
      )}
      <Alert variant="light" color={settings.embedOrigins.length ? "blue" : "yellow"}>
        {settings.embedOrigins.length
          ? t("siteSettings.embed.onlyListed", { origins: settings.embedOrigins.join(", ") })
          : t("siteSettings.embed.noneListed")}
      </Alert>
      <Snippet
        label={t("siteSettings.embed.iframe")}
        copyLabel={t("siteSettings.embed.copyIframe")}
        code={iframeSnippet(origin, choice)}
        testId="embed-iframe"
      />
      <Snippet
        label={t("siteSettings.embed.script")}
        copyLabel={t("siteSettings.embed.copyScript")}
        code={scriptSnippet(origin, choice)}
        testId="embed-script"
      />
    </Stack>
  );
}
