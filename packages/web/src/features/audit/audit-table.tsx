import type { AuditEventView } from "@conventio/domain";
import { Code, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormatDate } from "../../lib/format";
import { AnchorLink } from "../../ui/links";
import { ScrollTable } from "../../ui/scroll-table";
import { TableHead } from "../../ui/table-head";

function show(value: unknown): string {
  if (value === null || value === undefined) return "∅";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** Field changes are [before, after] pairs; other events carry plain details. */
function Changes({ changes }: { changes: Record<string, unknown> }) {
  const entries = Object.entries(changes);
  if (entries.length === 0) return null;
  return (
    <ul className="plain-list">
      {entries.map(([field, value]) => (
        <li key={field}>
          <Text span size="sm" fw={600}>
            {field}
          </Text>
          :{" "}
          <Code>
            {Array.isArray(value) && value.length === 2 ? `${show(value[0])} → ${show(value[1])}` : show(value)}
          </Code>
        </li>
      ))}
    </ul>
  );
}

function Entity({ event }: { event: AuditEventView }) {
  if (event.entity === "organisation" && !event.action.endsWith(".delete")) {
    return (
      <AnchorLink to="/organisations/$organisationId" params={{ organisationId: event.entityId }}>
        {event.entity}
      </AnchorLink>
    );
  }
  if (event.entity === "person" && !event.action.endsWith(".erase")) {
    return (
      <AnchorLink to="/people/$personId" params={{ personId: event.entityId }}>
        {event.entity}
      </AnchorLink>
    );
  }
  return <span>{event.entity}</span>;
}

export function AuditTable({ events }: { events: readonly AuditEventView[] }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  return (
    <ScrollTable minWidth={820} label={t("audit.title")}>
      <Table striped verticalSpacing="xs">
        <TableHead
          columns={[t("audit.at"), t("audit.actor"), t("audit.action"), t("audit.entity"), t("audit.changes")]}
        />
        <Table.Tbody>
          {events.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                <time dateTime={e.at}>{formatDate(e.at, true)}</time>
              </Table.Td>
              <Table.Td>{e.actor?.name ?? t("audit.system")}</Table.Td>
              <Table.Td>
                <Code>{e.action}</Code>
              </Table.Td>
              <Table.Td>
                <Entity event={e} />
              </Table.Td>
              <Table.Td>
                <Changes changes={e.changes} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
