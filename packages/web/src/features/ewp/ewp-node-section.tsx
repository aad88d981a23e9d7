import { EwpOutboxStatus, type EwpNodeStatus as NodeStatus } from "@conventio/domain";
import { Anchor, Code, Stack, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Facts } from "../../ui/facts";
import { AnchorLink } from "../../ui/links";
import { Loading } from "../../ui/loading";
import { ProblemAlert } from "../../ui/problem-alert";
import { ScrollRegion } from "../../ui/scroll-region";
import { Section } from "../../ui/section";
import { TableHead } from "../../ui/table-head";
import { EwpCallLog } from "./ewp-call-log";
import { nodeStatusQuery } from "./ewp-queries";

/** The catalogue's size as read, or why it could not be read. */
function CatalogueState({ catalogue }: { catalogue: NodeStatus["catalogue"] }) {
  const { t } = useTranslation();
  if (catalogue.error !== null) {
    return (
      <Text size="sm" c="red.9" data-testid="ewp-catalogue-error">
        {t("ewp.node.catalogueError", { error: catalogue.error })}
      </Text>
    );
  }
  return (
    <Text size="sm" data-testid="ewp-catalogue-read">
      {t("ewp.node.catalogueRead", {
        hosts: t("ewp.node.hosts", { count: catalogue.hosts ?? 0 }),
        heis: t("ewp.node.heis", { count: catalogue.heis ?? 0 }),
      })}
    </Text>
  );
}

/** Each agreement's exchange at a glance, linked to its IIA page. */
function NodeAgreements({ agreements }: { agreements: NodeStatus["agreements"] }) {
  const { t } = useTranslation();
  const titleId = useId();
  const yesNo = (on: boolean) => (on ? t("common.yes") : t("common.no"));
  return (
    <div>
      <Text component="h3" fw={600} id={titleId} mb="xs">
        {t("ewp.node.agreements")}
      </Text>
      {agreements.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("ewp.node.noAgreements")}
        </Text>
      ) : (
        <ScrollRegion labelledBy={titleId}>
          <Table verticalSpacing="xs" fz="sm" miw={560} aria-labelledby={titleId}>
            <TableHead
              columns={[
                t("ewp.node.reference"),
                t("ewp.exchange.partner"),
                t("ewp.exchange.mapped"),
                t("ewp.exchange.approvedByUs"),
                t("ewp.exchange.approvedByPartner"),
              ]}
            />
            <Table.Tbody>
              {agreements.map((a) => (
                <Table.Tr key={a.agreementId}>
                  <Table.Td>
                    <AnchorLink to="/agreements/$agreementId/iia" params={{ agreementId: a.agreementId }}>
                      {a.reference}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>{a.partnerHeiId}</Table.Td>
                  <Table.Td>{yesNo(a.mapped)}</Table.Td>
                  <Table.Td>{yesNo(a.approvedByUs)}</Table.Td>
                  <Table.Td>{yesNo(a.approvedByPartner)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
    </div>
  );
}

/**
 * The installation's EWP node as partners meet it: where its manifest is, the keys it signs with,
 * the Registry catalogue it trusts, how its outbox stands and the calls it made or answered.
 */
export function EwpNodeSection() {
  const { t } = useTranslation();
  const node = useQuery(nodeStatusQuery);
  const outboxId = useId();
  return (
    <Section title={t("ewp.node.title")}>
      {node.isError ? (
        <ProblemAlert error={node.error} />
      ) : !node.data ? (
        <Loading />
      ) : (
        <Stack gap="lg">
          <Facts
            items={[
              [
                t("ewp.node.manifest"),
                <Anchor key="manifest" href={node.data.manifestUrl} style={{ overflowWrap: "anywhere" }}>
                  {node.data.manifestUrl}
                </Anchor>,
              ],
              [t("ewp.node.heiIds"), node.data.heiIds.join(", ") || t("ewp.node.noHeiIds")],
              [
                t("ewp.node.clientKey"),
                <Code key="client" data-testid="ewp-client-key" style={{ overflowWrap: "anywhere" }}>
                  {node.data.clientKeyId}
                </Code>,
              ],
              [
                t("ewp.node.serverKey"),
                <Code key="server" data-testid="ewp-server-key" style={{ overflowWrap: "anywhere" }}>
                  {node.data.serverKeyId}
                </Code>,
              ],
              [
                t("ewp.node.catalogue"),
                <Stack key="catalogue" gap={2}>
                  <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                    {node.data.catalogue.location}
                  </Text>
                  <CatalogueState catalogue={node.data.catalogue} />
                </Stack>,
              ],
            ]}
          />
          <section aria-labelledby={outboxId} data-testid="ewp-outbox-counts">
            <Text component="h3" fw={600} id={outboxId} mb="xs">
              {t("ewp.node.outbox")}
            </Text>
            <Facts
              items={EwpOutboxStatus.options.map(
                (status) => [t(`ewp.outbox.statuses.${status}`), String(node.data.outbox[status] ?? 0)] as const,
              )}
            />
          </section>
          <NodeAgreements agreements={node.data.agreements} />
          <EwpCallLog calls={node.data.recentCalls} title={t("ewp.node.recentCalls")} nodeWide />
        </Stack>
      )}
    </Section>
  );
}
