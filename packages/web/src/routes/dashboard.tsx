import type { AgreementKind, AgreementStatus } from "@conventio/domain";
import { Alert, Button, Group, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createRoute } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "../features/agreements/agreement-labels";
import { Shown } from "../features/portal/shown";
import { api } from "../lib/api";
import { useCountryName } from "../lib/countries";
import { useFormatDate } from "../lib/format";
import { BarChart } from "../ui/bar-chart";
import { AnchorLink } from "../ui/links";
import { Loading } from "../ui/loading";
import { PageHeader } from "../ui/page-header";
import { ProblemAlert } from "../ui/problem-alert";
import { Section } from "../ui/section";
import { TableHead } from "../ui/table-head";
import { internalRoute } from "./internal";

/** What the agreements list reads from the address (see validateAgreementSearch). */
type ListFilter = { status?: AgreementStatus; kind?: AgreementKind; country?: string };

/** Each count links to the agreements list filtered as counted. */
function CountTable({
  caption,
  rows,
}: {
  caption: string;
  rows: readonly { label: string; count: number; filter: ListFilter }[];
}) {
  const { t } = useTranslation();
  return (
    <Table verticalSpacing={4}>
      <Table.Caption ta="left">{caption}</Table.Caption>
      <Table.Tbody>
        {rows.length === 0 && (
          <Table.Tr>
            <Table.Td>{t("agreements.detail.none")}</Table.Td>
          </Table.Tr>
        )}
        {rows.map((r) => (
          <Table.Tr key={r.label}>
            <Table.Th scope="row" fw={400}>
              {r.label}
            </Table.Th>
            <Table.Td ta="right" fw={600}>
              <AnchorLink
                to="/agreements"
                search={r.filter}
                aria-label={t("dashboard.countLink", { count: r.count, label: r.label })}
              >
                {r.count}
              </AnchorLink>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * At a scale where the figures are slow to work out, the server serves them as kept a moment ago:
 * the page says when they were made and offers to work them out now.
 */
function FiguresAsOf({ asOf }: { asOf: string }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const client = useQueryClient();
  const refresh = useMutation({
    mutationFn: () => api.dashboard(true),
    onSuccess: (fresh) => client.setQueryData(["dashboard"], fresh),
  });
  return (
    <Group gap="sm" role="status">
      <Text size="sm" c="dimmed">
        {t("dashboard.asOf", { time: formatDate(asOf, true) })}
      </Text>
      <Button size="compact-sm" variant="light" loading={refresh.isPending} onClick={() => refresh.mutate()}>
        {t("dashboard.workOutNow")}
      </Button>
      {refresh.isError && <ProblemAlert error={refresh.error} />}
    </Group>
  );
}

function DashboardPage() {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const countryName = useCountryName();
  const query = useQuery({ queryKey: ["dashboard"], queryFn: () => api.dashboard() });
  if (query.isError) return <ProblemAlert error={query.error} />;
  if (!query.data) return <Loading />;
  const d = query.data;
  return (
    <Stack gap="lg">
      <PageHeader title={t("dashboard.title")} subtitle={t("dashboard.subtitle")} />
      {d.asOf && <FiguresAsOf asOf={d.asOf} />}
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
        <Section title={t("dashboard.byStatus")}>
          <CountTable
            caption={t("dashboard.byStatusCaption")}
            rows={d.byStatus.map((r) => ({
              label: t(`agreementStatus.${r.status as "draft"}`),
              count: r.count,
              filter: { status: r.status },
            }))}
          />
        </Section>
        <Section title={t("dashboard.byKind")}>
          <CountTable
            caption={t("dashboard.byKindCaption")}
            rows={d.byKind.map((r) => ({
              label: t(`agreementKinds.${r.kind as "cotutelle"}`),
              count: r.count,
              filter: { kind: r.kind },
            }))}
          />
        </Section>
        <Section title={t("dashboard.byCountry")}>
          <CountTable
            caption={t("dashboard.byCountryCaption")}
            rows={d.byCountry.map((r) => ({
              label: countryName(r.countryCode),
              count: r.count,
              filter: { country: r.countryCode },
            }))}
          />
        </Section>
      </SimpleGrid>
      <Section title={t("dashboard.expiring")}>
        {d.expiring.length === 0 ? (
          <Text c="dimmed">{t("dashboard.noExpiring")}</Text>
        ) : (
          <>
            <Stack gap={4} component="ul" className="plain-list">
              {d.expiring.map((a) => (
                <li key={a.id}>
                  <AnchorLink to="/agreements/$agreementId" params={{ agreementId: a.id }}>
                    {a.reference} · <Shown value={{ text: a.title, lang: a.lang }} />
                  </AnchorLink>{" "}
                  <Text span size="sm">
                    {t("dashboard.endsOn", { date: formatDate(a.endsOn) })}
                  </Text>{" "}
                  <StatusBadge status={a.status} />
                </li>
              ))}
            </Stack>
            <AnchorLink to="/agreements" search={{ status: "expiring" }} size="sm" mt="xs" display="inline-block">
              {t("dashboard.allExpiring")}
            </AnchorLink>
          </>
        )}
      </Section>
      <Section title={t("dashboard.mobility")}>
        {d.mobility.length === 0 ? (
          <Text c="dimmed">{t("balance.none")}</Text>
        ) : (
          <>
            <BarChart
              title={t("dashboard.mobilityChart")}
              whole
              categories={d.mobility.map((m) => m.academicYear)}
              series={[
                { name: t("direction.incoming"), colour: "#1971c2", values: d.mobility.map((m) => m.incoming) },
                { name: t("direction.outgoing"), colour: "#e8590c", values: d.mobility.map((m) => m.outgoing) },
              ]}
            />
            <Table verticalSpacing={2} maw={480}>
              <Table.Caption ta="left">{t("dashboard.mobilityCaption")}</Table.Caption>
              <TableHead
                columns={[t("activities.fields.academicYear"), t("direction.incoming"), t("direction.outgoing")]}
              />
              <Table.Tbody>
                {d.mobility.map((m) => (
                  <Table.Tr key={m.academicYear}>
                    <Table.Td>{m.academicYear}</Table.Td>
                    <Table.Td>{m.incoming}</Table.Td>
                    <Table.Td>{m.outgoing}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </Section>
      <Section title={t("dashboard.dormant", { count: d.dormantTotal })}>
        {d.dormant.length === 0 ? (
          <Text c="dimmed">{t("dashboard.noDormant")}</Text>
        ) : (
          <>
            <Alert color="orange" variant="light" mb="sm">
              {t("dashboard.dormantHint")}
            </Alert>
            <Stack gap={4} component="ul" className="plain-list" aria-label={t("dashboard.dormantList")}>
              {d.dormant.map((a) => (
                <li key={a.id} data-dormant="true">
                  <AnchorLink to="/agreements/$agreementId" params={{ agreementId: a.id }}>
                    {a.reference} · <Shown value={{ text: a.title, lang: a.lang }} />
                  </AnchorLink>{" "}
                  <Text span size="sm">
                    {a.lastSign
                      ? t("dashboard.lastSign", { date: formatDate(a.lastSign) })
                      : t("dashboard.neverActive")}
                  </Text>
                </li>
              ))}
            </Stack>
          </>
        )}
      </Section>
    </Stack>
  );
}

export const dashboardRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: "/dashboard",
  component: DashboardPage,
});
