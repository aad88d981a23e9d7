import type { EwpOunit } from "@conventio/domain";
import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ScrollTable } from "../../ui/scroll-table";
import { TableHead } from "../../ui/table-head";

/** A unit's name in the reader's language when it has one, else its first name. */
function nameOf(unit: EwpOunit, language: string): string {
  return (unit.names.find((n) => n.lang?.toLowerCase().startsWith(language)) ?? unit.names[0])?.value ?? "";
}

/**
 * The units the EWP Organizational Units API serves for one institution: those described by
 * hand and those of Conventio's units tree, read-only here.
 */
export function UnitsTable({ units, rootOunitId }: { units: readonly EwpOunit[]; rootOunitId: string | undefined }) {
  const { t, i18n } = useTranslation();
  if (units.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t("ewp.units.none")}
      </Text>
    );
  }
  const byId = new Map(units.map((u) => [u.ounitId, u]));
  return (
    <ScrollTable minWidth={560} label={t("ewp.units.title")}>
      <Table striped verticalSpacing="xs" data-testid="ewp-units">
        <TableHead columns={[t("ewp.units.name"), t("ewp.units.code"), t("ewp.units.id"), t("ewp.units.parent")]} />
        <Table.Tbody>
          {units.map((unit) => {
            const parent = unit.parentOunitId ? byId.get(unit.parentOunitId) : undefined;
            return (
              <Table.Tr key={unit.ounitId}>
                <Table.Td>
                  {nameOf(unit, i18n.language)}
                  {unit.ounitId === rootOunitId && (
                    <Text span size="sm" c="dimmed">
                      {" "}
                      {t("ewp.units.root")}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{unit.ounitCode}</Table.Td>
                <Table.Td>
                  <Text span ff="monospace" size="sm">
                    {unit.ounitId}
                  </Text>
                </Table.Td>
                <Table.Td>{parent ? nameOf(parent, i18n.language) : (unit.parentOunitId ?? "")}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
