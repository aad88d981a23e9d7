import type { IiaExchangeView } from "@conventio/domain";
import { Badge, Code, Group, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Facts } from "../../ui/facts";
import { Loading } from "../../ui/loading";
import { ProblemAlert } from "../../ui/problem-alert";
import { Section } from "../../ui/section";
import { EwpCallLog } from "./ewp-call-log";
import { EwpOutboxList } from "./ewp-outbox-list";
import { iiaExchangeQuery } from "./ewp-queries";
import { HashValue } from "./hash-value";

/** A yes or no of the exchange, said with what it means. */
function StateText({ on, yes, no, testId }: { on: boolean; yes: string; no: string; testId: string }) {
  return (
    <Text size="sm" c={on ? "teal.9" : undefined} data-testid={testId} data-state={on ? "yes" : "no"}>
      {on ? yes : no}
    </Text>
  );
}

/**
 * One side's approval as the node holds it: none, of the version now current, or of an earlier one,
 * with the hash approved beside the current hash so the person can see they differ.
 */
function ApprovalMatch({
  current,
  approvedHash,
  currentHash,
  testId,
}: {
  current: boolean;
  approvedHash: string | null;
  currentHash: string | null;
  testId: string;
}) {
  const { t } = useTranslation();
  const state = approvedHash === null ? "none" : current ? "current" : "earlier";
  const colour = { none: "gray", current: "green", earlier: "red" }[state];
  return (
    <Stack gap={4} data-testid={testId} data-state={state}>
      <Badge color={colour} variant="dot" tt="none">
        {t(`ewp.exchange.approval.${state}`)}
      </Badge>
      {approvedHash !== null && (
        <Group gap="xs">
          <Text size="sm">{t("ewp.exchange.approval.approvedVersion")}</Text>
          <HashValue hash={approvedHash} testId={`${testId}-approved-hash`} />
        </Group>
      )}
      {state === "earlier" && (
        <Group gap="xs">
          <Text size="sm">{t("ewp.exchange.approval.currentVersion")}</Text>
          {currentHash === null ? (
            <Text size="sm">{t("ewp.exchange.approval.noCurrent")}</Text>
          ) : (
            <HashValue hash={currentHash} testId={`${testId}-current-hash`} />
          )}
        </Group>
      )}
    </Stack>
  );
}

function ExchangeState({ view }: { view: IiaExchangeView }) {
  const { t } = useTranslation();
  return (
    <Facts
      items={[
        [t("ewp.exchange.partner"), <Code key="partner">{view.partnerHeiId}</Code>],
        [
          t("ewp.exchange.sent"),
          <StateText
            key="sent"
            on={view.sent}
            yes={t("ewp.exchange.sentYes")}
            no={t("ewp.exchange.sentNo")}
            testId="exchange-sent"
          />,
        ],
        [
          t("ewp.exchange.mapped"),
          <StateText
            key="mapped"
            on={view.mapped}
            yes={t("ewp.exchange.mappedYes")}
            no={t("ewp.exchange.mappedNo")}
            testId="exchange-mapped"
          />,
        ],
        [
          t("ewp.exchange.approvedByUs"),
          <ApprovalMatch
            key="us"
            current={view.approvedByUs}
            approvedHash={view.approvedByUsHash}
            currentHash={view.partnerHash}
            testId="exchange-approved-by-us"
          />,
        ],
        [
          t("ewp.exchange.approvedByPartner"),
          <ApprovalMatch
            key="partner"
            current={view.approvedByPartner}
            approvedHash={view.approvedByPartnerHash}
            currentHash={view.ourHash}
            testId="exchange-approved-by-partner"
          />,
        ],
      ]}
    />
  );
}

/**
 * What the node did about this agreement: the state as the partner's node should see it, the
 * outbox of notifications and fetches, and every call made or answered.
 */
export function IiaNodeExchange({ agreementId, canEdit }: { agreementId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const exchange = useQuery(iiaExchangeQuery(agreementId));
  return (
    <Section title={t("ewp.exchange.title")}>
      {exchange.isError ? (
        <ProblemAlert error={exchange.error} />
      ) : exchange.data === undefined ? (
        <Loading />
      ) : exchange.data === null ? (
        <Text size="sm">{t("ewp.exchange.noIia")}</Text>
      ) : (
        <Stack gap="lg">
          <ExchangeState view={exchange.data} />
          <EwpOutboxList entries={exchange.data.outbox} canRetry={canEdit} />
          <EwpCallLog calls={exchange.data.calls} title={t("ewp.calls.title")} />
        </Stack>
      )}
    </Section>
  );
}
