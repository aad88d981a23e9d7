import type { AgreementSummary } from "@conventio/domain";
import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormatPeriod } from "../../lib/format";
import { AnchorLink } from "../../ui/links";
import { StatusBadge } from "./agreement-labels";

/** Agreements as rows, each linking to its page. */
export function AgreementTable({ items }: { items: readonly AgreementSummary[] }) {
  const { t } = useTranslation();
  const period = useFormatPeriod();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("agreements.fields.title")}</Table.Th>
            <Table.Th scope="col">{t("agreements.fields.kind")}</Table.Th>
            <Table.Th scope="col">{t("agreements.fields.parties")}</Table.Th>
            <Table.Th scope="col">{t("agreements.fields.validity")}</Table.Th>
            <Table.Th scope="col">{t("agreements.fields.status")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>
                <AnchorLink to="/agreements/$agreementId" params={{ agreementId: a.id }} fw={500}>
                  {a.title}
                </AnchorLink>
                <Text size="xs" c="dimmed">
                  {a.reference}
                </Text>
              </Table.Td>
              <Table.Td>{t(`agreementKinds.${a.kind}`)}</Table.Td>
              <Table.Td>{a.parties.map((p) => p.name).join(" · ")}</Table.Td>
              <Table.Td>{period(a.startsOn, a.endsOn)}</Table.Td>
              <Table.Td>
                <StatusBadge status={a.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
