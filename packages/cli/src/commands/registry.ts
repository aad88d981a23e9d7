import type { RegistryImportReport, RegistrySkipReason } from "@conventio/domain";
import { readRorRecords, SYSTEM_ACTOR } from "@conventio/server";
import { type Command, Option } from "commander";
import { withServices } from "../context.js";
import { progressBar } from "../progress.js";

type Into = "registry" | "organisations";

const intoOption = () =>
  new Option("--into <target>", "registry: searchable candidates; organisations: partners")
    .choices(["registry", "organisations"])
    .default("registry");

const REASONS: Readonly<Record<RegistrySkipReason, string>> = {
  no_ror_id: "no usable ROR id",
  no_name: "no name",
  no_erasmus_code: "no Erasmus code",
  bad_erasmus_code: "not an Erasmus code",
  repeated_in_file: "repeated earlier in the file",
  withdrawn: "withdrawn by ROR (a duplicate of its successor)",
  inactive: "inactive in ROR (use --include-inactive to import)",
};

/** What the import did, every record accounted for; skipped records by reason, with their first lines. */
function printReport(r: RegistryImportReport, json: boolean): void {
  if (json) {
    console.log(JSON.stringify(r, null, 2));
    return;
  }
  const kept = r.into === "registry" ? "entries" : "organisations";
  console.log(`Read ${r.rows} ${r.source === "eche" ? "rows" : "records"} in ${r.seconds.toFixed(1)} s:`);
  console.log(`  ${r.imported} imported on their own, ${r.merged} merged with another source, ${r.skipped} skipped`);
  console.log(`  ${r.created} ${kept} created, ${r.updated} updated, ${r.unchanged} unchanged`);
  if (r.withdrawn || r.inactive) {
    console.log(
      `  ${r.withdrawn} withdrawn and ${r.inactive} inactive in ROR${r.into === "registry" ? ", flagged as such" : ""}`,
    );
  }
  if (r.parentsLinked || r.successorsLinked) {
    console.log(`  ${r.parentsLinked} given their parent, ${r.successorsLinked} their successor (now known as)`);
  }
  const byReason = new Map<RegistrySkipReason, typeof r.skips>();
  for (const s of r.skips) byReason.set(s.reason, [...(byReason.get(s.reason) ?? []), s]);
  for (const [reason, skips] of byReason) {
    const first = skips
      .slice(0, 5)
      .map((s) => `line ${s.line}${s.key ? ` (${s.key})` : ""}`)
      .join(", ");
    console.log(`  skipped, ${REASONS[reason]}: ${skips.length} — ${first}${skips.length > 5 ? ", …" : ""}`);
  }
}

const counts = (p: { processed: number; inserted: number; skipped: number }) =>
  `${p.processed} read, ${p.inserted} saved, ${p.skipped} skipped`;

/** Filling the registry, or the partners, from a ROR dump and the Erasmus charter list. */
export function registerRegistryCommands(program: Command): void {
  program
    .command("import-ror <file>")
    .description(
      "Import or refresh from a ROR dump (JSON array of schema v2, or JSON lines; .gz accepted): new records are added, known ones updated, Erasmus codes kept",
    )
    .addOption(intoOption())
    .option("--include-inactive", "with --into organisations, also create partners of inactive records")
    .option("--json", "print the whole report as JSON")
    .action((file: string, opts: { into: Into; includeInactive?: boolean; json?: boolean }) =>
      withServices(async ({ registry }) => {
        let bytes = { bytesRead: 0, totalBytes: 1 };
        const bar = progressBar(`Importing ${file}`, 100);
        const records = readRorRecords(file, (p) => (bytes = p));
        const onProgress = (p: { processed: number; inserted: number; skipped: number }) =>
          bar.update(Math.floor((100 * bytes.bytesRead) / bytes.totalBytes), counts(p));
        const report =
          opts.into === "registry"
            ? await registry.refreshFromRor(records, onProgress)
            : await registry.importRorOrganisations(SYSTEM_ACTOR, records, onProgress, {
                includeInactive: opts.includeInactive ?? false,
              });
        bar.update(100, counts(report));
        bar.stop();
        printReport(report, opts.json ?? false);
      }),
    );

  program
    .command("import-eche <file>")
    .description(
      "Import the European Commission's list of Erasmus charter holders (CSV): every row imported, merged with its ROR entry, or skipped with the reason",
    )
    .addOption(intoOption())
    .option("--crosswalk <file>", "CSV of erasmus_code and ror_id pairs: which ROR entry each charter holder is")
    .option("--json", "print the whole report as JSON")
    .action((file: string, opts: { into: Into; crosswalk?: string; json?: boolean }) =>
      withServices(async ({ registry }) => {
        const bar = progressBar(`Importing ${file}`, 100);
        const report = await registry.importEcheFile(
          SYSTEM_ACTOR,
          file,
          { into: opts.into, crosswalk: opts.crosswalk },
          (p) => bar.update(Math.floor((100 * p.processed) / Math.max(p.total ?? p.processed, 1)), counts(p)),
        );
        bar.update(100, counts(report));
        bar.stop();
        printReport(report, opts.json ?? false);
      }),
    );
}
