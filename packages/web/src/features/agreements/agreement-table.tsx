import type { AgreementSort, AgreementSummary, SortOrder } from "@conventio/domain";
import { Checkbox, Table } from "@mantine/core";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { useFormatPeriod } from "../../lib/format";
import { AnchorLink } from "../../ui/links";
import { ScrollTable } from "../../ui/scroll-table";
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
 * language. Title, reference, validity (by its start or its end) and status headers sort the list.
 */
/** The rows picked for a bulk action; absent for those who may not act on several rows. */
export interface AgreementSelection {
  selected: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
}

export function AgreementTable({
  items,
  sorting,
  selection,
}: {
  items: readonly AgreementSummary[];
  sorting: AgreementTableSort;
  selection?: AgreementSelection | undefined;
}) {
  const { t } = useTranslation();
  const period = useFormatPeriod();
  const picked = items.filter((a) => selection?.selected.has(a.id)).length;
  const toggle = (id: string, on: boolean) => {
    if (!selection) return;
    const next = new Set(selection.selected);
    if (on) next.add(id);
    else next.delete(id);
    selection.onChange(next);
  };
  return (
    <ScrollTable minWidth={720} label={t("agreements.title")}>
      <Table striped highlightOnHover verticalSpacing="xs">
        <SortableTableHead
          {...sorting}
          before={
            selection && (
              <Table.Th scope="col" w={40}>
                <Checkbox
                  aria-label={t("agreements.bulk.selectPage")}
                  checked={picked > 0 && picked === items.length}
                  indeterminate={picked > 0 && picked < items.length}
                  onChange={(e) =>
                    selection.onChange(e.currentTarget.checked ? new Set(items.map((a) => a.id)) : new Set())
                  }
                />
              </Table.Th>
            )
          }
          columns={[
            { id: "title", label: t("agreements.fields.title"), sort: "title" },
            { id: "reference", label: t("agreements.fields.reference"), sort: "reference" },
            { id: "kind", label: t("agreements.fields.kind") },
            { id: "parties", label: t("agreements.fields.parties") },
            {
              id: "validity",
              label: t("agreements.fields.validity"),
              sorts: [
                { sort: "startsOn", label: t("agreements.sortBy.start") },
                { sort: "endsOn", label: t("agreements.sortBy.end") },
              ],
            },
            { id: "status", label: t("agreements.fields.status"), sort: "status" },
          ]}
        />
        <Table.Tbody>
          {items.map((a) => (
            <Table.Tr key={a.id}>
              {selection && (
                <Table.Td>
                  <Checkbox
                    aria-label={t("agreements.bulk.selectOne", { reference: a.reference })}
                    checked={selection.selected.has(a.id)}
                    onChange={(e) => toggle(a.id, e.currentTarget.checked)}
                  />
                </Table.Td>
              )}
              <Table.Td>
                <AnchorLink to="/agreements/$agreementId" params={{ agreementId: a.id }} fw={500}>
                  <Shown value={a.shown} />
                </AnchorLink>
              </Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{a.reference}</Table.Td>
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
    </ScrollTable>
  );
}
