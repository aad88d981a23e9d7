import type { OrganisationSort, OrganisationSummary, SortOrder } from "@conventio/domain";
import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useCountryName } from "../../lib/countries";
import { AnchorLink } from "../../ui/links";
import { ScrollTable } from "../../ui/scroll-table";
import { SortableTableHead } from "../../ui/sortable-head";
import { Shown } from "../portal/shown";
import { VisibilityBadge } from "./kind-select";

/** How the rows are sorted, and what to do when a header asks for another sort. */
export interface OrganisationTableSort {
  sort: OrganisationSort;
  order: SortOrder;
  onSort: (sort: OrganisationSort, order: SortOrder) => void;
}

/**
 * Organisations as rows, each linking to its page, named in the reader's language. The name and
 * country headers sort the list (by country code, then name).
 */
export function OrganisationTable({
  items,
  sorting,
}: {
  items: readonly OrganisationSummary[];
  sorting: OrganisationTableSort;
}) {
  const { t } = useTranslation();
  const nameOf = useCountryName();
  return (
    <ScrollTable minWidth={640} label={t("organisations.title")}>
      <Table striped highlightOnHover verticalSpacing="xs">
        <SortableTableHead
          {...sorting}
          columns={[
            { id: "name", label: t("organisations.fields.name"), sort: "name" },
            { id: "kind", label: t("organisations.fields.kind") },
            { id: "country", label: t("organisations.fields.country"), sort: "country" },
            { id: "city", label: t("organisations.fields.city") },
            { id: "visibility", label: t("organisations.fields.visibility") },
          ]}
        />
        <Table.Tbody>
          {items.map((o) => (
            <Table.Tr key={o.id}>
              <Table.Td>
                <AnchorLink to="/organisations/$organisationId" params={{ organisationId: o.id }} fw={500}>
                  <Shown value={o.shown} />
                </AnchorLink>
                {o.acronym && (
                  <Text span c="dimmed" size="sm">
                    {" "}
                    ({o.acronym})
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{t(`kinds.${o.kind}`)}</Table.Td>
              <Table.Td>{nameOf(o.countryCode)}</Table.Td>
              <Table.Td>{o.city}</Table.Td>
              <Table.Td>
                <VisibilityBadge visibility={o.visibility} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
