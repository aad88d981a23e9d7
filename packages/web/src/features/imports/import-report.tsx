import type { ImportReport } from "@conventio/domain";
import { Stack } from "@mantine/core";
import { ReportCounts } from "./report-counts";
import { ReportErrors } from "./report-errors";
import { ReportRows } from "./report-rows";

/** A dry run's or an apply's report: the counts, every error, then what each row did. */
export function ImportReportView({ report }: { report: ImportReport }) {
  return (
    <Stack gap="lg">
      <ReportCounts report={report} />
      <ReportErrors errors={report.errors} />
      <ReportRows report={report} />
    </Stack>
  );
}
