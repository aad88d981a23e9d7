import { IndicatorInput, IndicatorValueInput, type IndicatorView } from "@conventio/domain";
import { Button, Group, NumberInput, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { useCan } from "../../lib/session";
import { FormProblem, useSchemaForm } from "../../lib/use-schema-form";
import { BarChart } from "../../ui/bar-chart";
import { ButtonLink } from "../../ui/links";
import { ProblemAlert } from "../../ui/problem-alert";
import { Section } from "../../ui/section";
import { TableHead } from "../../ui/table-head";
import { agreementKeys } from "../agreements/agreement-queries";
import { ActivityTable } from "./activity-table";

const num = (v: number | string) => (typeof v === "number" ? v : null);

function RecordValue({ indicator }: { indicator: IndicatorView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const id = useId();
  const [year, setYear] = useState<number | string>(new Date().getFullYear());
  const [value, setValue] = useState<number | string>("");
  const form = useSchemaForm({
    schema: IndicatorValueInput,
    read: () => ({ year: num(year) ?? undefined, value: num(value) ?? undefined }),
    send: (input) => api.indicators.recordValue(indicator.id, input),
    onSaved: () => {
      setValue("");
      void queryClient.invalidateQueries({ queryKey: agreementKeys.indicators(indicator.agreementId ?? "") });
    },
  });
  return (
    <form ref={form.ref} onSubmit={form.submit} noValidate aria-labelledby={id}>
      <Text size="sm" fw={600} id={id} mt="xs">
        {t("indicators.recordFor", { name: indicator.name })}
      </Text>
      <FormProblem form={form} quiet />
      <Group align="flex-start">
        <NumberInput
          label={t("indicators.year")}
          allowDecimal={false}
          value={year}
          onChange={setYear}
          error={form.error("year")}
          w={120}
        />
        <NumberInput
          label={t("indicators.value")}
          value={value}
          onChange={setValue}
          error={form.error("value")}
          w={140}
        />
        <Button type="submit" mt={25} variant="default" loading={form.mutation.isPending}>
          {t("indicators.record")}
        </Button>
      </Group>
    </form>
  );
}

function IndicatorCard({ indicator: i }: { indicator: IndicatorView }) {
  const { t } = useTranslation();
  const canEdit = useCan("editor");
  const lines = [
    ...(i.baseline !== null ? [{ name: t("indicators.baseline"), value: i.baseline, colour: "#495057" }] : []),
    ...(i.target !== null ? [{ name: t("indicators.target"), value: i.target, colour: "#c92a2a" }] : []),
  ];
  return (
    <div className="axis-card">
      <Group justify="space-between">
        <Title order={3} size="h5">
          {i.name} ({i.unit})
        </Title>
        {i.progress !== null && (
          <Text size="sm" fw={600}>
            {t("indicators.progress", { percent: Math.round(i.progress * 100) })}
          </Text>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {t("indicators.summary", {
          baseline: i.baseline ?? "—",
          baselineYear: i.baselineYear ?? "—",
          target: i.target ?? "—",
          targetYear: i.targetYear ?? "—",
        })}
      </Text>
      {i.values.length > 0 ? (
        <>
          <BarChart
            title={t("indicators.chart", { name: i.name })}
            categories={i.values.map((v) => String(v.year))}
            series={[{ name: i.name, colour: "#1971c2", values: i.values.map((v) => v.value) }]}
            lines={lines}
          />
          <Table verticalSpacing={2} maw={320}>
            <Table.Caption>{t("indicators.valuesCaption", { name: i.name })}</Table.Caption>
            <TableHead columns={[t("indicators.year"), t("indicators.value")]} />
            <Table.Tbody>
              {i.values.map((v) => (
                <Table.Tr key={v.year}>
                  <Table.Td>{v.year}</Table.Td>
                  <Table.Td>{v.value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      ) : (
        <Text c="dimmed">{t("indicators.noValues")}</Text>
      )}
      {canEdit && <RecordValue indicator={i} />}
    </div>
  );
}

function NewIndicator({ agreementId }: { agreementId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [unit, setUnit] = useState("");
  const [baseline, setBaseline] = useState<number | string>("");
  const [baselineYear, setBaselineYear] = useState<number | string>("");
  const [target, setTarget] = useState<number | string>("");
  const [targetYear, setTargetYear] = useState<number | string>("");
  const form = useSchemaForm({
    schema: IndicatorInput,
    read: () => ({
      agreementId,
      name,
      unit,
      baseline: num(baseline),
      baselineYear: num(baselineYear),
      target: num(target),
      targetYear: num(targetYear),
    }),
    send: (input) => api.indicators.create(input),
    onSaved: () => {
      for (const reset of [setBaseline, setBaselineYear, setTarget, setTargetYear]) reset("");
      setName("");
      setUnit("");
      void queryClient.invalidateQueries({ queryKey: agreementKeys.indicators(agreementId) });
    },
  });
  const create = form.mutation;
  return (
    <form ref={form.ref} onSubmit={form.submit} noValidate aria-labelledby="new-indicator">
      <Title order={3} size="h5" id="new-indicator" mt="md" mb="xs">
        {t("indicators.new")}
      </Title>
      <FormProblem form={form} quiet />
      <Group align="flex-start" wrap="wrap">
        <TextInput
          label={t("indicators.name")}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={form.error("name")}
        />
        <TextInput
          label={t("indicators.unit")}
          required
          value={unit}
          onChange={(e) => setUnit(e.currentTarget.value)}
          error={form.error("unit")}
          w={140}
        />
        <NumberInput label={t("indicators.baseline")} value={baseline} onChange={setBaseline} w={120} />
        <NumberInput
          label={t("indicators.baselineYear")}
          allowDecimal={false}
          value={baselineYear}
          onChange={setBaselineYear}
          w={120}
        />
        <NumberInput label={t("indicators.target")} value={target} onChange={setTarget} w={120} />
        <NumberInput
          label={t("indicators.targetYear")}
          allowDecimal={false}
          value={targetYear}
          onChange={setTargetYear}
          w={120}
        />
        <Button type="submit" mt={25} loading={create.isPending}>
          {t("indicators.create")}
        </Button>
      </Group>
    </form>
  );
}

/** What a partnership produced: its indicators against their targets, and its activities. */
export function ResultsPanel({ agreementId }: { agreementId: string }) {
  const { t } = useTranslation();
  const canEdit = useCan("editor");
  const indicators = useQuery({
    queryKey: agreementKeys.indicators(agreementId),
    queryFn: () => api.agreements.indicators(agreementId),
  });
  const activities = useQuery({
    queryKey: ["activities", "list", { agreement: agreementId }],
    queryFn: () => api.activities.list({ agreement: agreementId }),
  });
  return (
    <Stack gap="lg">
      <Section title={t("indicators.title")}>
        {indicators.isError && <ProblemAlert error={indicators.error} />}
        <Stack gap="md">
          {indicators.data?.items.length === 0 && <Text c="dimmed">{t("indicators.none")}</Text>}
          {indicators.data?.items.map((i) => (
            <IndicatorCard key={i.id} indicator={i} />
          ))}
        </Stack>
        {canEdit && <NewIndicator agreementId={agreementId} />}
      </Section>
      <Section
        title={t("activities.title")}
        actions={
          canEdit && (
            <ButtonLink to="/activities/new" search={{ agreement: agreementId }} size="xs" variant="default">
              {t("activities.new")}
            </ButtonLink>
          )
        }
      >
        {activities.isError && <ProblemAlert error={activities.error} />}
        <ActivityTable items={activities.data?.items ?? []} />
      </Section>
    </Stack>
  );
}
