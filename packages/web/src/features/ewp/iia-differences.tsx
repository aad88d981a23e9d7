import type { IiaView } from "@conventio/domain";
import { Table, Text } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { ScrollTable } from "../../ui/scroll-table";
import { TableHead } from "../../ui/table-head";
import { useIiaPathLabel, useIiaValue } from "./iia-paths";

/** Field by field, where the partner's copy says something else than ours. */
export function IiaDifferences({ view }: { view: IiaView }) {
  const { t } = useTranslation();
  const titleId = useId();
  const label = useIiaPathLabel(view.iia, view.partnerCopy?.iia ?? null);
  const value = useIiaValue();
  if (!view.partnerCopy) return null;
  return (
    <section aria-labelledby={titleId}>
      <Text component="h3" fw={600} id={titleId} mb="xs">
        {t("iia.compare.title")}
      </Text>
      {view.differences.length === 0 ? (
        <Text size="sm" data-testid="iia-no-differences">
          {t("iia.compare.none")}
        </Text>
      ) : (
        <ScrollTable minWidth={420}>
          <Table striped verticalSpacing="xs" aria-labelledby={titleId} data-testid="iia-differences">
            <TableHead columns={[t("iia.compare.field"), t("iia.compare.ours"), t("iia.compare.theirs")]} />
            <Table.Tbody>
              {view.differences.map((d) => (
                <Table.Tr key={d.path}>
                  <Table.Th scope="row" fw={500}>
                    {label(d.path)}
                  </Table.Th>
                  <Table.Td>{value(d.ours)}</Table.Td>
                  <Table.Td>{value(d.theirs)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </section>
  );
}
