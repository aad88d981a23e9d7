import type { OrganisationRef } from "@conventio/domain";
import { Group, Stack, Switch, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { createRoute } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { OrganisationPicker } from "../features/organisations/organisation-picker";
import { api } from "../lib/api";
import { BarChart } from "../ui/bar-chart";
import { Loading } from "../ui/loading";
import { PageHeader } from "../ui/page-header";
import { ProblemAlert } from "../ui/problem-alert";
import { ScrollTable } from "../ui/scroll-table";
import { Section } from "../ui/section";
import { internalRoute } from "./internal";

function ExchangeBalancePage() {
  const { t } = useTranslation();
  const [partner, setPartner] = useState<OrganisationRef | null>(null);
  const [byPartner, setByPartner] = useState(true);
  const query = useQuery({
    queryKey: ["exchange-balance", partner?.id ?? null, byPartner],
    queryFn: () => api.activities.balance({ partner: partner?.id, byPartner: partner ? false : byPartner }),
  });
  const rows = query.data?.items ?? [];
  const years = [...new Set(rows.map((r) => r.academicYear))].sort();
  const total = (year: string, key: "incoming" | "outgoing") =>
    rows.filter((r) => r.academicYear === year).reduce((sum, r) => sum + r[key], 0);
  return (
    <>
      <PageHeader title={t("balance.title")} subtitle={t("balance.subtitle")} />
      <Group align="flex-end" mb="lg">
        <OrganisationPicker label={t("balance.partner")} value={partner} onChange={setPartner} />
        <Switch
          label={t("balance.byPartner")}
          checked={byPartner && !partner}
          disabled={partner !== null}
          onChange={(e) => setByPartner(e.currentTarget.checked)}
          mb={8}
        />
      </Group>
      {query.isError && <ProblemAlert error={query.error} />}
      {query.isPending ? (
        <Loading />
      ) : rows.length === 0 ? (
        <Text c="dimmed">{t("balance.none")}</Text>
      ) : (
        <Stack gap="lg">
          <Section title={t("balance.chartTitle")}>
            <BarChart
              title={t("balance.chart", { partner: partner?.name ?? t("balance.allPartners") })}
              whole
              categories={years}
              series={[
                { name: t("direction.incoming"), colour: "#1971c2", values: years.map((y) => total(y, "incoming")) },
                { name: t("direction.outgoing"), colour: "#e8590c", values: years.map((y) => total(y, "outgoing")) },
              ]}
            />
          </Section>
          <Section title={t("balance.tableTitle")}>
            <ScrollTable minWidth={560} label={t("balance.tableTitle")}>
              <Table striped verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("activities.fields.academicYear")}</Table.Th>
                    <Table.Th scope="col">{t("balance.partner")}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t("direction.incoming")}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t("direction.outgoing")}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t("balance.balance")}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => (
                    <Table.Tr key={`${r.academicYear}:${r.partner?.id ?? "all"}`}>
                      <Table.Td>{r.academicYear}</Table.Td>
                      <Table.Td>{r.partner?.name ?? partner?.name ?? t("balance.allPartners")}</Table.Td>
                      <Table.Td ta="right">{r.incoming}</Table.Td>
                      <Table.Td ta="right">{r.outgoing}</Table.Td>
                      <Table.Td ta="right" fw={600}>
                        {r.balance > 0 ? `+${r.balance}` : r.balance}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          </Section>
        </Stack>
      )}
    </>
  );
}

export const exchangeBalanceRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: "/exchange-balance",
  component: ExchangeBalancePage,
});
