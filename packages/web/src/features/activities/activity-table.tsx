import type { ActivitySort, ActivityView, SortOrder } from "@conventio/domain";
import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormatPeriod } from "../../lib/format";
import { AnchorLink } from "../../ui/links";
import { ScrollTable } from "../../ui/scroll-table";
import { SortableTableHead } from "../../ui/sortable-head";
import { TableHead } from "../../ui/table-head";

/** How the activity list is sorted, and what a header press asks for. */
export interface ActivitySorting {
  sort: ActivitySort;
  order: SortOrder;
  onSort: (sort: ActivitySort, order: SortOrder) => void;
}

/** Activities in a table; with `sorting`, the title and date headers sort the list. */
export function ActivityTable({ items, sorting }: { items: readonly ActivityView[]; sorting?: ActivitySorting }) {
  const { t } = useTranslation();
  const period = useFormatPeriod();
  if (items.length === 0) return <Text c="dimmed">{t("activities.none")}</Text>;
  return (
    <ScrollTable minWidth={640} label={t("activities.title")}>
      <Table striped verticalSpacing="xs">
        {sorting ? (
          <SortableTableHead
            {...sorting}
            columns={[
              { id: "title", label: t("activities.fields.title"), sort: "title" },
              { id: "kind", label: t("activities.fields.kind") },
              { id: "when", label: t("activities.fields.when"), sort: "date" },
              { id: "agreement", label: t("activities.fields.agreement") },
              { id: "status", label: t("activities.fields.status") },
            ]}
          />
        ) : (
          <TableHead
            columns={[
              t("activities.fields.title"),
              t("activities.fields.kind"),
              t("activities.fields.when"),
              t("activities.fields.agreement"),
              t("activities.fields.status"),
            ]}
          />
        )}
        <Table.Tbody>
          {items.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>
                <AnchorLink to="/activities/$activityId" params={{ activityId: a.id }} fw={500}>
                  {a.title}
                </AnchorLink>
                {a.mobility && (
                  <Text size="xs" c="dimmed">
                    {t(`direction.${a.mobility.direction}`)} · {a.mobility.academicYear} · {a.mobility.count}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{t(`activityKinds.${a.kind}`)}</Table.Td>
              <Table.Td>{period(a.startsOn, a.endsOn)}</Table.Td>
              <Table.Td>{a.agreement?.reference ?? "—"}</Table.Td>
              <Table.Td>{t(`activityStatus.${a.status}`)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
