import { Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { circuitKeys, circuits } from "../../lib/api/circuits";
import { useFormatDate } from "../../lib/format";
import { AnchorLink } from "../../ui/links";
import { Loading } from "../../ui/loading";
import { ProblemAlert } from "../../ui/problem-alert";
import { ScrollTable } from "../../ui/scroll-table";
import { Section } from "../../ui/section";
import { TableHead } from "../../ui/table-head";
import { Shown } from "../portal/shown";

/** Approval steps waiting for the reader's decision, oldest first, each linking to its agreement. */
export function MyApprovals() {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const query = useQuery({ queryKey: circuitKeys.mine, queryFn: circuits.mine });
  return (
    <Section title={t("circuits.mine.title")}>
      {query.isError && <ProblemAlert error={query.error} />}
      {!query.data ? (
        !query.isError && <Loading />
      ) : query.data.items.length === 0 ? (
        <Text c="dimmed">{t("circuits.mine.none")}</Text>
      ) : (
        <ScrollTable minWidth={520} label={t("circuits.mine.title")}>
          <Table verticalSpacing="xs">
            <TableHead
              columns={[
                t("circuits.mine.agreement"),
                t("circuits.step"),
                t("circuits.mine.circuit"),
                t("circuits.mine.since"),
              ]}
            />
            <Table.Tbody>
              {query.data.items.map((item) => (
                <Table.Tr key={`${item.runId}:${item.stepId}`}>
                  <Table.Td>
                    <AnchorLink to="/agreements/$agreementId" params={{ agreementId: item.agreement.id }}>
                      {item.agreement.reference} ·{" "}
                      <Shown value={{ text: item.agreement.title, lang: item.agreement.lang }} />
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>{item.stepName}</Table.Td>
                  <Table.Td>{item.circuitName}</Table.Td>
                  <Table.Td>{formatDate(item.waitingSince, true)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Section>
  );
}
