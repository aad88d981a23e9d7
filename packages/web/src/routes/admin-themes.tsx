import { ThemeInput, type ThemeView } from "@conventio/domain";
import { Badge, Button, Group, SimpleGrid, Stack, Table, Text, TextInput } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { createRoute } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../lib/api";
import { useLanguageName } from "../lib/countries";
import { FormProblem, useSchemaForm } from "../lib/use-schema-form";
import { DeleteButton } from "../ui/delete-button";
import { Loading } from "../ui/loading";
import { PageHeader } from "../ui/page-header";
import { ProblemAlert } from "../ui/problem-alert";
import { ScrollTable } from "../ui/scroll-table";
import { Section } from "../ui/section";
import { adminRoute } from "./admin";

const themesKey = ["themes"] as const;
const OTHER_LANGUAGES = ["fr", "sv"] as const;

/** Adds a theme to the vocabulary, or gives an existing one its labels in French and Swedish. */
function ThemeForm() {
  const { t } = useTranslation();
  const languageName = useLanguageName();
  const queryClient = useQueryClient();
  const [label, setLabel] = useState("");
  const [labels, setLabels] = useState<Record<string, string>>({ fr: "", sv: "" });
  const form = useSchemaForm({
    schema: ThemeInput,
    read: () => ({
      label,
      labels: OTHER_LANGUAGES.flatMap((lang) => (labels[lang]?.trim() ? [{ lang, value: labels[lang] ?? "" }] : [])),
    }),
    send: api.themes.add,
    onSaved: () => {
      setLabel("");
      setLabels({ fr: "", sv: "" });
      void queryClient.invalidateQueries({ queryKey: themesKey });
    },
  });
  return (
    <form ref={form.ref} onSubmit={form.submit} noValidate aria-labelledby="theme-form-title">
      <Stack>
        <FormProblem form={form} quiet />
        {form.mutation.isSuccess && <div role="status">{t("themes.saved", { label: form.mutation.data.label })}</div>}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t("themes.label")}
            required
            value={label}
            onChange={(e) => setLabel(e.currentTarget.value)}
            error={form.error("label")}
          />
          {OTHER_LANGUAGES.map((lang, i) => (
            <TextInput
              key={lang}
              label={t("themes.labelIn", { language: languageName(lang) })}
              value={labels[lang] ?? ""}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setLabels((l) => ({ ...l, [lang]: value }));
              }}
              error={form.error(`labels.${i}.value`)}
            />
          ))}
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={form.mutation.isPending}>
            {t("themes.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ThemesTable({ themes }: { themes: ThemeView[] }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const lang = i18n.resolvedLanguage ?? "en";
  if (themes.length === 0) return <Text c="dimmed">{t("themes.none")}</Text>;
  return (
    <ScrollTable minWidth={560} label={t("themes.title")}>
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("themes.label")}</Table.Th>
            <Table.Th scope="col">{t("themes.kind")}</Table.Th>
            <Table.Th scope="col">{t("themes.agreements")}</Table.Th>
            <Table.Th scope="col">
              <span className="visually-hidden">{t("common.actions")}</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {themes.map((theme) => (
            <Table.Tr key={theme.theme}>
              <Table.Td>
                {theme.labels.find((l) => l.lang === lang)?.value ?? theme.label}
                {theme.labels.length > 0 && (
                  <Text size="xs" c="dimmed">
                    {[theme.label, ...theme.labels.map((l) => `${l.lang}: ${l.value}`)].join(" · ")}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={theme.managed ? "blue" : "gray"}>
                  {theme.managed ? t("themes.managed") : t("themes.free")}
                </Badge>
              </Table.Td>
              <Table.Td>{theme.agreements}</Table.Td>
              <Table.Td ta="right">
                {theme.managed && (
                  <DeleteButton
                    title={t("themes.removeTitle", { label: theme.label })}
                    body={t("themes.removeBody")}
                    onDelete={() => api.themes.remove(theme.theme)}
                    onDeleted={() => void queryClient.invalidateQueries({ queryKey: themesKey })}
                  />
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

function ThemesPage() {
  const { t } = useTranslation();
  const themes = useQuery({ queryKey: themesKey, queryFn: api.themes.list });
  return (
    <Stack gap="lg">
      <PageHeader title={t("themes.title")} subtitle={t("themes.subtitle")} />
      {themes.isError && <ProblemAlert error={themes.error} />}
      {themes.data ? <ThemesTable themes={themes.data.items} /> : !themes.isError && <Loading />}
      <Section title={t("themes.addTitle")}>
        <ThemeForm />
      </Section>
    </Stack>
  );
}

/** The managed vocabulary of themes, beside the free tags in use. */
export const adminThemesRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/themes",
  component: ThemesPage,
});
