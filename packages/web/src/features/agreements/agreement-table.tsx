import type { AgreementSort, AgreementSummary, SortOrder } from "@conventio/domain";
import { Table, Text } from "@mantine/core";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { useFormatPeriod } from "../../lib/format";
import { AnchorLink } from "../../ui/links";
import { SortableTableHead } from "../../ui/sortable-head";
import { Shown } from "../portal/shown";
import { StatusBadge } from "./agreement-labels";

/** How the rows are sorted, and what to do when a header asks for another sort. */
export interface AgreementTableSort {
  sort: AgreementSort;
  order: SortOrder;
  onSort: (sort: AgreementSort, order: SortOrder) => void;
}

/**
 * Agreements as rows, each linking to its page; titles and partners' names in the reader's
 * language. Title, validity (by its end) and status headers sort the list.
 */
export function AgreementTable({
  items,
  sorting,
}: {
  items: readonly AgreementSummary[];
  sorting: AgreementTableSort;
}) {
  const { t } = useTranslation();
  const period = useFormatPeriod();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover verticalSpacing="xs">
        <SortableTableHead
          {...sorting}
          columns={[
            { id: "title", label: t("agreements.fields.title"), sort: "title" },
            { id: "kind", label: t("agreements.fields.kind") },
            { id: "parties", label: t("agreements.fields.parties") },
            { id: "validity", label: t("agreements.fields.validity"), sort: "endsOn" },
            { id: "status", label: t("agreements.fields.status"), sort: "status" },
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
