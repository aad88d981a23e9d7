import { Button, Group, NativeSelect, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { createRoute } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { EwpDocuments } from "../features/ewp/ewp-documents";
import { EwpNodeSection } from "../features/ewp/ewp-node-section";
import { institutionsQuery } from "../features/ewp/ewp-queries";
import { InstitutionForm } from "../features/ewp/institution-form";
import { UnitsTable } from "../features/ewp/units-table";
import { XmlImport } from "../features/ewp/xml-import";
import { Loading } from "../ui/loading";
import { PageHeader } from "../ui/page-header";
import { ProblemAlert } from "../ui/problem-alert";
import { Section } from "../ui/section";
import { adminRoute } from "./admin";

/** The institution being described: one of those already described, or a new one. */
const NEW = "";

function EwpAdminPage() {
  const { t } = useTranslation();
  const institutions = useQuery(institutionsQuery);
  const [chosen, setChosen] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  if (institutions.isError) return <ProblemAlert error={institutions.error} />;
  if (!institutions.data) return <Loading />;
  const list = institutions.data;
  const heiId = chosen ?? list[0]?.heiId ?? NEW;
  const current = list.find((i) => i.heiId === heiId) ?? null;
  return (
    <>
      <PageHeader title={t("ewp.admin.title")} subtitle={t("ewp.admin.subtitle")} />
      <Stack gap="lg">
        <Section title={current ? t("ewp.institution.title") : t("ewp.institution.newTitle")}>
          <Stack gap="md">
            {list.length > 0 && (
              <Group align="flex-end">
                <NativeSelect
                  label={t("ewp.institution.choose")}
                  data={[
                    ...list.map((i) => ({ value: i.heiId, label: `${i.names[0]?.value ?? i.heiId} (${i.heiId})` })),
                    { value: NEW, label: t("ewp.institution.another") },
                  ]}
                  value={heiId}
                  onChange={(e) => {
                    setChosen(e.currentTarget.value);
                    setSaved(null);
                  }}
                />
                {current && (
                  <Button variant="default" onClick={() => setChosen(NEW)}>
                    {t("ewp.institution.another")}
                  </Button>
                )}
              </Group>
            )}
            {list.length === 0 && <Text>{t("ewp.institution.noneYet")}</Text>}
            <div role="status">{saved && <Text size="sm">{t("ewp.institution.savedAs", { heiId: saved })}</Text>}</div>
            <InstitutionForm
              key={`${heiId}:${current ? "described" : "new"}`}
              initial={current}
              onSaved={(institution) => {
                setChosen(institution.heiId);
                setSaved(institution.heiId);
              }}
            />
          </Stack>
        </Section>
        {current && (
          <Section title={t("ewp.units.title")}>
            <Stack gap="xs">
              <Text size="sm">{t("ewp.units.help")}</Text>
              <UnitsTable units={current.ounits} rootOunitId={current.rootOunitId} />
            </Stack>
          </Section>
        )}
        <Section title={t("ewp.documents.title")}>
          <Stack gap="xs">
            <Text size="sm">{t("ewp.documents.help")}</Text>
            <EwpDocuments />
          </Stack>
        </Section>
        <Section title={t("ewp.import.title")}>
          <Stack gap="xl">
            <XmlImport kind="iias" />
            <XmlImport kind="approvals" />
          </Stack>
        </Section>
        <EwpNodeSection />
      </Stack>
    </>
  );
}

export const adminEwpRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/ewp",
  component: EwpAdminPage,
});
