import { aliasesOfRor, candidateFromRor, readRorRecords, SYSTEM_ACTOR } from "@conventio/server";
import { type Command, Option } from "commander";
import { withServices } from "../context.js";
import { progressBar } from "../progress.js";

/** Filling the bundled registry from a ROR dump. */
export function registerRegistryCommands(program: Command): void {
  program
    .command("import-ror <file>")
    .description("Import a ROR dump (JSON array of schema v2, or JSON lines; .gz accepted) with progress")
    .addOption(
      new Option("--into <target>", "registry: searchable candidates; organisations: partners")
        .choices(["registry", "organisations"])
        .default("registry"),
    )
    .option("--include-inactive", "also import inactive and withdrawn records")
    .action((file: string, opts: { into: "registry" | "organisations"; includeInactive?: boolean }) =>
      withServices(async ({ registry }) => {
        let bytes = { bytesRead: 0, totalBytes: 1 };
        const bar = progressBar(`Importing ${file}`, 100);
        async function* candidates() {
          for await (const record of readRorRecords(file, (p) => (bytes = p))) {
            const c = candidateFromRor(record);
            if (!c || (!opts.includeInactive && c.status !== "active")) continue;
            yield { ...c, aliases: aliasesOfRor(record).filter((a) => a !== c.name) };
          }
        }
        const report = (p: { processed: number; inserted: number; skipped: number }) =>
          bar.update(
            Math.floor((100 * bytes.bytesRead) / bytes.totalBytes),
            `${p.processed} read, ${p.inserted} saved, ${p.skipped} skipped`,
          );
        const result =
          opts.into === "registry"
            ? await registry.loadRegistry(candidates(), report)
            : await registry.importOrganisations(SYSTEM_ACTOR, candidates(), report);
        bar.update(100, `${result.processed} read, ${result.inserted} saved, ${result.skipped} skipped`);
        bar.stop();
        console.log(`Done: ${result.inserted} saved, ${result.skipped} skipped, ${result.processed} read.`);
      }),
    );
}
