import { IMPORT_ACTIONS, type ImportAction, type ImportReport } from "@conventio/domain";
import { Badge, Button, NativeSelect, Table, Text } from "@mantine/core";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useMessage } from "../../lib/messages";
import { ScrollTable } from "../../ui/scroll-table";
import { TableHead } from "../../ui/table-head";
import { RecordLink } from "./import-links";
import { PAGE } from "./report-errors";

const COLOURS: Record<ImportAction, string> = {
  create: "green",
  update: "blue",
  unchanged: "gray",
  skip: "yellow",
  error: "red",
};

/** What each row did (or would do), filtered by action, with the record's page when there is one. */
export function ReportRows({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const show = useMessage();
  const titleId = useId();
  const [action, setAction] = useState<ImportAction | "">("");
  const [shown, setShown] = useState(PAGE);
  const tense = report.applied ? "done" : "planned";
  const rows = action ? report.rows.filter((r) => r.action === action) : report.rows;
  const rest = rows.length - shown;
  // A record the dry run would create has no page yet; one it matched has.
  const linked = (r: ImportReport["rows"][number]) => r.id !== null && (report.applied || r.action !== "create");
  return (
    <section aria-labelledby={titleId}>
      <Text component="h3" fw={600} id={titleId}>
        {t("imports.report.rowsTitle", { count: report.rows.length })}
      </Text>
      <NativeSelect
        label={t("imports.report.filter")}
        value={action}
        onChange={(event) => {
          setAction(event.currentTarget.value as ImportAction | "");
          setShown(PAGE);
        }}
        data={[
          { value: "", label: t("imports.report.allRows", { count: report.rows.length }) },
          ...IMPORT_ACTIONS.map((a) => ({
            value: a,
            label: `${t(`imports.actions.${tense}.${a}`)} (${report.rows.filter((r) => r.action === a).length})`,
          })),
        ]}
        maw={280}
        my="xs"
      />
      <ScrollTable minWidth={640} labelledBy={titleId}>
        <Table striped verticalSpacing="xs" data-testid="import-rows">
          <TableHead
            columns={[
              t("imports.report.row"),
              t("imports.report.action"),
              t("imports.report.record"),
              t("imports.report.notes"),
            ]}
          />
          <Table.Tbody>
            {rows.slice(0, shown).map((r) => (
              <Table.Tr key={r.row}>
                <Table.Td>{r.row}</Table.Td>
                <Table.Td>
                  <Badge variant="dot" color={COLOURS[r.action]} radius="sm" tt="none" fw={600}>
                    {t(`imports.actions.${tense}.${r.action}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {r.id !== null && linked(r) ? (
                    <RecordLink kind={report.kind} id={r.id}>
                      {r.label || r.id}
                    </RecordLink>
                  ) : (
                    r.label
                  )}
                </Table.Td>
                <Table.Td>
                  {r.notes.map((n, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: notes are fixed for the report's life
                    <Text key={i} size="sm">
                      {show({ text: n.message, key: n.key, params: n.params })}
                    </Text>
                  ))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      {rest > 0 && (
        <Button variant="default" size="xs" mt="xs" onClick={() => setShown((n) => n + PAGE)}>
          {t("imports.report.showMore", { count: Math.min(rest, PAGE) })}
        </Button>
      )}
    </section>
  );
}
