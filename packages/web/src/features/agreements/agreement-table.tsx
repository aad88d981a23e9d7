import type { AgreementSummary } from "@conventio/domain";
import { Table, Text } from "@mantine/core";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { useFormatPeriod } from "../../lib/format";
import { AnchorLink } from "../../ui/links";
import { TableHead } from "../../ui/table-head";
import { Shown } from "../portal/shown";
import { StatusBadge } from "./agreement-labels";

/** Agreements as rows, each linking to its page; titles and partners' names in the reader's language. */
export function AgreementTable({ items }: { items: readonly AgreementSummary[] }) {
  const { t } = useTranslation();
  const period = useFormatPeriod();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover verticalSpacing="xs">
        <TableHead
          columns={[
            t("agreements.fields.title"),
            t("agreements.fields.kind"),
            t("agreements.fields.parties"),
            t("agreements.fields.validity"),
            t("agreements.fields.status"),
          ]}
        />
        <Table.Tbody>
          {items.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>
                <AnchorLink to="/agreements/$agreementId" params={{ agreementId: a.id }} fw={500}>
                  <Shown value={a.shown} />
                </AnchorLink>
                <Text size="xs" c="dimmed">
                  {a.reference}
                </Text>
              </Table.Td>
              <Table.Td>{t(`agreementKinds.${a.kind}`)}</Table.Td>
              <Table.Td>
                {a.parties.map((p, i) => (
                  <Fragment key={p.id}>
                    {i > 0 && " · "}
                    <Shown value={p.shown} />
                  </Fragment>
                ))}
              </Table.Td>
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
