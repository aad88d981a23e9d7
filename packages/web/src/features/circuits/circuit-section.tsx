import type { CircuitRunStepView, CircuitRunView } from "@conventio/domain";
import { Badge, Group, List, Stack, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { circuitKeys, circuits } from "../../lib/api/circuits";
import { useFormatDate } from "../../lib/format";
import { Loading } from "../../ui/loading";
import { ProblemAlert } from "../../ui/problem-alert";
import { ScrollTable } from "../../ui/scroll-table";
import { Section } from "../../ui/section";
import { TableHead } from "../../ui/table-head";
import { CircuitDecisionForm } from "./circuit-decision-form";

const STATE_COLOURS = { approved: "green", waiting: "orange", upcoming: "gray" } as const;
const RUN_COLOURS = { pending: "orange", approved: "green", superseded: "gray" } as const;

/** Who approves a step: the named account, or anyone holding the role. */
export function useApproverLabel() {
  const { t } = useTranslation();
  return (step: Pick<CircuitRunStepView, "approverUser" | "approverRole">) =>
    step.approverUser
      ? step.approverUser.name
      : step.approverRole
        ? t("circuits.anyRole", { role: t(`userRoles.${step.approverRole}`) })
        : t("circuits.administrators");
}

function StepItem({ agreementId, step }: { agreementId: string; step: CircuitRunStepView }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const approver = useApproverLabel();
  return (
    <List.Item>
      <Stack gap={6}>
        <Group gap="xs">
          <Text fw={600}>{step.name}</Text>
          <Badge variant="dot" color={STATE_COLOURS[step.state]} radius="sm" tt="none" fw={600}>
            {t(`circuits.states.${step.state}`)}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t("circuits.approver", { who: approver(step) })}
          {step.waitingSince && ` · ${t("circuits.since", { date: formatDate(step.waitingSince, true) })}`}
        </Text>
        {step.checklist.length > 0 && !step.canDecide && (
          <Text size="sm">
            {t("circuits.checklist")}: {step.checklist.join(" · ")}
          </Text>
        )}
        {step.canDecide && <CircuitDecisionForm agreementId={agreementId} step={step} />}
      </Stack>
    </List.Item>
  );
}

function Decisions({ run }: { run: CircuitRunView }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  if (run.decisions.length === 0) return <Text c="dimmed">{t("circuits.noDecisions")}</Text>;
  return (
    <ScrollTable minWidth={560}>
      <Table verticalSpacing="xs">
        <caption className="visually-hidden">{t("circuits.decisions")}</caption>
        <TableHead
          columns={[
            t("circuits.when"),
            t("circuits.step"),
            t("circuits.decision"),
            t("circuits.who"),
            t("circuits.comment"),
          ]}
        />
        <Table.Tbody>
          {run.decisions.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>{formatDate(d.at, true)}</Table.Td>
              <Table.Td>{d.stepName}</Table.Td>
              <Table.Td>{t(`circuits.decisionNames.${d.decision}`)}</Table.Td>
              <Table.Td>{d.actor?.name ?? "—"}</Table.Td>
              <Table.Td>{d.comment ?? ""}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

/**
 * The agreement's approval circuit: its steps in order, whose turn it is, the checklist, and the
 * decision form for the approver; hidden for kinds of agreement without a circuit.
 */
export function ApprovalCircuitSection({ agreementId }: { agreementId: string }) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: circuitKeys.agreement(agreementId),
    queryFn: () => circuits.ofAgreement(agreementId),
  });
  if (query.isError) return <ProblemAlert error={query.error} />;
  if (!query.data) return <Loading />;
  const { circuit } = query.data;
  // A run set aside by a reopening is history: the next request for signature starts afresh.
  const run = query.data.run?.status === "superseded" ? null : query.data.run;
  if (!circuit && !run) return null;
  return (
    <Section title={t("circuits.section")}>
      {!run ? (
        <Text>{t("circuits.notStarted", { name: circuit?.name ?? "" })}</Text>
      ) : (
        <Stack gap="md">
          <Group gap="xs">
            <Text>{run.circuitName}</Text>
            <Badge variant="dot" color={RUN_COLOURS[run.status]} radius="sm" tt="none" fw={600}>
              {t(`circuits.runStates.${run.status}`)}
            </Badge>
            {run.round > 1 && <Text c="dimmed">{t("circuits.round", { round: run.round })}</Text>}
          </Group>
          <List type="ordered" spacing="md" aria-label={t("circuits.steps")}>
            {run.steps.map((step) => (
              <StepItem key={step.id} agreementId={agreementId} step={step} />
            ))}
          </List>
          <Text fw={600} component="h3" size="md">
            {t("circuits.decisions")}
          </Text>
          <Decisions run={run} />
        </Stack>
      )}
    </Section>
  );
}
