import type { OrganisationSummary } from "@conventio/domain";
import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useCountryName } from "../../lib/countries";
import { AnchorLink } from "../../ui/links";
import { TableHead } from "../../ui/table-head";
import { Shown } from "../portal/shown";
import { VisibilityBadge } from "./kind-select";

/** Organisations as rows, each linking to its page, named in the reader's language. */
export function OrganisationTable({ items }: { items: readonly OrganisationSummary[] }) {
  const { t } = useTranslation();
  const nameOf = useCountryName();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover verticalSpacing="xs">
        <TableHead
          columns={[
            t("organisations.fields.name"),
            t("organisations.fields.kind"),
            t("organisations.fields.country"),
            t("organisations.fields.city"),
            t("organisations.fields.visibility"),
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
    </Table.ScrollContainer>
  );
}
