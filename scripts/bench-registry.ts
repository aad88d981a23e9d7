/**
 * The registry part of the benchmark: the whole ROR all-types file and the whole Erasmus charter
 * list (with the crosswalk) imported into the registry, each run twice (the second run finds
 * everything unchanged), with counts and timings; then registry search p50 / p95.
 */
import { resolve } from "node:path";
import { readRorRecords, type Services, SYSTEM_ACTOR } from "@conventio/server";

const DATA = resolve("../shared/data");
const viewer = { kind: "user", id: "bench", role: "viewer", name: "bench" } as const;

type Report = Awaited<ReturnType<Services["registry"]["refreshFromRor"]>>;

const counts = (r: Report) =>
  `${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged, ${r.merged} merged, ${r.skipped} skipped`;

export async function benchRegistry(services: Services, line: (label: string, value: string) => void): Promise<void> {
  const { registry } = services;
  const timed = async (run: () => Promise<Report>) => {
    const t0 = performance.now();
    const report = await run();
    return { report, seconds: (performance.now() - t0) / 1000 };
  };
  const rate = (rows: number, seconds: number) =>
    `${rows} in ${seconds.toFixed(1)} s (${Math.round(rows / seconds)} rows/s)`;

  for (const round of ["first", "again"]) {
    const ror = await timed(() => registry.refreshFromRor(readRorRecords(`${DATA}/ror-records-all-types.jsonl.gz`)));
    line(`registry ← ROR all types (${round})`, rate(ror.report.rows, ror.seconds));
    line("  records", counts(ror.report));
    if (round === "first") {
      line(
        "  flagged, linked",
        `${ror.report.withdrawn} withdrawn, ${ror.report.inactive} inactive; ${ror.report.parentsLinked} parents, ${ror.report.successorsLinked} successors`,
      );
    }
    const eche = await timed(() =>
      registry.importEcheFile(SYSTEM_ACTOR, `${DATA}/eche-holders-2024-06.csv`, {
        into: "registry",
        crosswalk: `${DATA}/eche-ror-crosswalk.csv`,
      }),
    );
    line(`registry ← Erasmus charter list (${round})`, rate(eche.report.rows, eche.seconds));
    line(
      "  rows",
      `${counts(eche.report)} (imported ${eche.report.imported} + merged ${eche.report.merged} + skipped ${eche.report.skipped})`,
    );
  }
  line("registry entries", String(await registry.countEntries()));

  const queries = [
    "univ",
    "lille",
    "tech",
    "université",
    "kyutech",
    "max planck",
    "hospital",
    "a",
    "linköping",
    "ministry",
  ];
  const times: number[] = [];
  for (let round = 0; round < 4; round++) {
    for (const q of queries) {
      const t0 = performance.now();
      await registry.searchRegistry(viewer, { q, limit: 50 });
      if (round > 0) times.push(performance.now() - t0);
    }
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] ?? Number.NaN;
  line("registry search p50 / p95 (50 results)", `${at(50).toFixed(2)} ms / ${at(95).toFixed(2)} ms`);
}
