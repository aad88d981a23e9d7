import type { EwpCall } from "@conventio/domain";
import { Table, Text } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { useFormatDate } from "../../lib/format";
import { ScrollRegion } from "../../ui/scroll-region";
import { TableHead } from "../../ui/table-head";

/**
 * EWP calls, newest first: when, which way, which API, the answer's status, how long it took and
 * what went wrong. The table scrolls inside its frame.
 */
export function EwpCallLog({
  calls,
  title,
  nodeWide = false,
}: {
  calls: readonly EwpCall[];
  title: string;
  /**
   * The node's log mixes partners and endpoints, so it names both; an agreement's log has one
   * partner and sits in a narrow column.
   */
  nodeWide?: boolean;
}) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const titleId = useId();
  const columns = [
    t("ewp.calls.at"),
    t("ewp.calls.direction"),
    ...(nodeWide ? [t("ewp.calls.partner")] : []),
    t("ewp.calls.api"),
    t("ewp.calls.status"),
    t("ewp.calls.duration"),
    t("ewp.calls.error"),
  ];
  return (
    <div>
      <Text component="h3" fw={600} id={titleId} mb="xs">
        {title}
      </Text>
      {calls.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="ewp-calls-empty">
          {t("ewp.calls.empty")}
        </Text>
      ) : (
        <ScrollRegion labelledBy={titleId} className="ewp-call-log" testId="ewp-call-log">
          <Table stickyHeader verticalSpacing={4} fz="sm" miw={nodeWide ? 760 : 600} aria-labelledby={titleId}>
            <TableHead columns={columns} />
            <Table.Tbody>
              {calls.map((call) => (
                <Table.Tr key={call.id}>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    <time dateTime={call.at}>{formatDate(call.at, true)}</time>
                  </Table.Td>
                  <Table.Td>{t(`ewp.calls.directions.${call.direction}`)}</Table.Td>
                  {nodeWide && <Table.Td>{call.partnerHeiId ?? ""}</Table.Td>}
                  <Table.Td>
                    {call.api}
                    {nodeWide && (
                      <Text size="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
                        {call.method} {call.url}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{call.status ?? t("ewp.calls.noAnswer")}</Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{t("ewp.calls.ms", { ms: call.durationMs })}</Table.Td>
                  <Table.Td style={{ overflowWrap: "anywhere" }}>{call.error ?? ""}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
    </div>
  );
}
