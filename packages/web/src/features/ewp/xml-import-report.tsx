import type { IiaApprovalsReport, IiaImportReport } from "@conventio/domain";
import { Table, Text } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { useMessage } from "../../lib/messages";
import { AnchorLink } from "../../ui/links";
import { ScrollTable } from "../../ui/scroll-table";
import { TableHead } from "../../ui/table-head";
import { HashValue } from "./hash-value";

function IiaLink({ agreementId }: { agreementId: string }) {
  const { t } = useTranslation();
  return (
    <AnchorLink to="/agreements/$agreementId/iia" params={{ agreementId }}>
      {t("ewp.report.openIia")}
    </AnchorLink>
  );
}

/** What importing a partner's IIAs did with each agreement in the file. */
export function IiasReport({ report }: { report: IiaImportReport }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <section aria-labelledby={titleId}>
      <Text component="h4" fw={600} id={titleId} size="sm" mb="xs">
        {t("ewp.report.iiasTitle", { count: report.iias.length })}
      </Text>
      <ScrollTable minWidth={480}>
        <Table verticalSpacing={4} aria-labelledby={titleId} data-testid="iias-import-report">
          <TableHead
            columns={[
              t("ewp.report.partner"),
              t("ewp.report.partnerIiaId"),
              t("ewp.report.action"),
              t("ewp.report.differences"),
              t("ewp.report.agreement"),
            ]}
          />
          <Table.Tbody>
            {report.iias.map((o) => (
              <Table.Tr key={`${o.partnerHeiId}:${o.partnerIiaId}`}>
                <Table.Td>{o.partnerHeiId}</Table.Td>
                <Table.Td>{o.partnerIiaId}</Table.Td>
                <Table.Td>{t(`ewp.report.iiaActions.${o.action}`)}</Table.Td>
                <Table.Td>{o.differences === 0 ? t("ewp.report.noDifferences") : o.differences}</Table.Td>
                <Table.Td>
                  <IiaLink agreementId={o.agreementId} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </section>
  );
}

/** What importing a partner's approvals did with each: recorded, already known, or refused and why. */
export function ApprovalsReport({ report }: { report: IiaApprovalsReport }) {
  const { t } = useTranslation();
  const show = useMessage();
  const titleId = useId();
  return (
    <section aria-labelledby={titleId}>
      <Text component="h4" fw={600} id={titleId} size="sm" mb="xs">
        {t("ewp.report.approvalsTitle", { count: report.approvals.length })}
      </Text>
      <ScrollTable minWidth={480}>
        <Table verticalSpacing={4} aria-labelledby={titleId} data-testid="approvals-import-report">
          <TableHead
            columns={[t("ewp.report.hash"), t("ewp.report.action"), t("ewp.report.reason"), t("ewp.report.agreement")]}
          />
          <Table.Tbody>
            {report.approvals.map((a, i) => (
              // Our iia-id is not shown (people know agreements by their code); the hash and position tell rows apart.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <Table.Tr key={`${a.iiaHash}:${i}`}>
                <Table.Td>
                  <HashValue hash={a.iiaHash} />
                </Table.Td>
                <Table.Td>{t(`ewp.report.approvalActions.${a.action}`)}</Table.Td>
                <Table.Td>
                  {a.reason ? show({ text: a.reason.message, key: a.reason.key, params: a.reason.params }) : ""}
                </Table.Td>
                <Table.Td>{a.agreementId ? <IiaLink agreementId={a.agreementId} /> : ""}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </section>
  );
}
