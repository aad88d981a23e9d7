import type { EcheFacts } from "./eche-row.js";
import { echeEntryId, echeFactsOf } from "./eche-row.js";
import type { Crosswalk, CsvRow } from "./eche-file.js";
import { changeOfCandidate } from "./registry-entry.js";
import {
  applyBatch,
  BATCH,
  type CountedChange,
  type ImportDeps,
  type ImportProgress,
  linkNamedRelatives,
  newReport,
  type RegistryImport,
  skip,
} from "./registry-import.js";
import { deleteEntries, entriesWithCodes, existingIds } from "./registry.repository.js";
import { type IndexedCandidate, type RorRelationship, readRorRecord } from "./ror-record.js";

type OnProgress = (p: ImportProgress) => void;

/** A record of a file: a candidate to load, or a record refused with its reason. */
type Item = { line: number; candidate: IndexedCandidate } | { line: number; refused: ReturnType<typeof readRorRecord> };

async function loadItems(
  deps: ImportDeps,
  items: AsyncIterable<Item> | Iterable<Item>,
  report: RegistryImport,
  onProgress?: OnProgress,
): Promise<RegistryImport> {
  const started = performance.now();
  const relationships = new Map<string, RorRelationship[]>();
  const seen = new Set<string>();
  let batch: CountedChange[] = [];
  const flush = async () => {
    if (batch.length > 0) await applyBatch(deps, batch, report);
    batch = [];
    report.processed = report.rows;
    onProgress?.({ processed: report.processed, inserted: report.inserted, skipped: report.skipped });
  };
  for await (const item of items) {
    report.rows++;
    if ("refused" in item) {
      if (!item.refused.ok) skip(report, { line: item.line, key: item.refused.key, reason: item.refused.reason });
      continue;
    }
    const c = item.candidate;
    if (seen.has(c.id)) {
      skip(report, { line: item.line, key: c.id, reason: "repeated_in_file" });
      continue;
    }
    seen.add(c.id);
    if (c.status === "withdrawn") report.withdrawn++;
    if (c.status === "inactive") report.inactive++;
    if (c.relationships?.length) relationships.set(c.id, c.relationships);
    batch.push({ ...changeOfCandidate(c), counted: true });
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  await linkNamedRelatives(deps, relationships, report);
  report.seconds = (performance.now() - started) / 1000;
  return report;
}

/**
 * Loads registry candidates (the bundled registry, or candidates already mapped): each source's
 * part of an entry replaces what that source said before, and the other source's part is kept.
 */
export async function loadCandidates(
  deps: ImportDeps,
  candidates: AsyncIterable<IndexedCandidate> | Iterable<IndexedCandidate>,
  onProgress?: OnProgress,
): Promise<RegistryImport> {
  async function* items(): AsyncGenerator<Item> {
    let line = 0;
    for await (const candidate of candidates) yield { line: ++line, candidate };
  }
  return loadItems(deps, items(), newReport("bundle", "registry"), onProgress);
}

/**
 * Refreshes the registry from a ROR dump: new records are added, known ones updated (names,
 * status, links, every identifier, relationships) and unchanged ones left alone; the Erasmus
 * code, PIC and OID the charter list gave an entry are kept. Withdrawn and inactive records are
 * kept and flagged. Every record is accounted for.
 */
export async function refreshFromRor(
  deps: ImportDeps,
  records: AsyncIterable<Record<string, unknown>>,
  onProgress?: OnProgress,
): Promise<RegistryImport> {
  async function* items(): AsyncGenerator<Item> {
    let line = 0;
    for await (const record of records) {
      const read = readRorRecord(record);
      line++;
      yield read.ok ? { line, candidate: read.candidate } : { line, refused: read };
    }
  }
  return loadItems(deps, items(), newReport("ror", "registry"), onProgress);
}

/**
 * Imports the Erasmus charter list into the registry. Each row lands on one entry: the ROR entry
 * the crosswalk names (when the registry holds it and it has no other code of this list), the
 * entry already holding its Erasmus code, the entry holding its PIC under a code this list no
 * longer has (a renamed code), or an entry of its own. Only the charter list's fields are written.
 */
export async function importEche(
  deps: ImportDeps,
  rows: readonly CsvRow[],
  crosswalk: Crosswalk,
  onProgress?: OnProgress,
): Promise<RegistryImport> {
  const started = performance.now();
  const report = newReport("eche", "registry");
  const facts: Array<{ line: number; facts: EcheFacts }> = [];
  const inFile = new Set<string>();
  for (const { line, row } of rows) {
    report.rows++;
    const read = echeFactsOf(row);
    if (!read.ok) skip(report, { line, key: read.key, reason: read.reason });
    else if (inFile.has(read.facts.erasmusCode)) {
      skip(report, { line, key: read.facts.erasmusCode, reason: "repeated_in_file" });
    } else {
      inFile.add(read.facts.erasmusCode);
      facts.push({ line, facts: read.facts });
    }
  }

  // Where codes sit now, kept up to date as rows are placed so the file's own order decides ties.
  const byCode = new Map<string, { id: string; ror: boolean }>();
  const codeOf = new Map<string, string>();
  const byPic = new Map<string, Array<{ id: string; ror: boolean }>>();
  for (const e of await entriesWithCodes(deps.db)) {
    const entry = { id: e.id, ror: e.source !== "eche" };
    if (e.erasmus_code) {
      byCode.set(e.erasmus_code, entry);
      codeOf.set(e.id, e.erasmus_code);
    }
    if (e.pic) byPic.set(e.pic, [...(byPic.get(e.pic) ?? []), entry]);
  }
  const rorHeld = await existingIds(
    deps.db,
    facts.map((f) => crosswalk.get(f.facts.erasmusCode)?.rorId).filter((r): r is string => !!r),
  );
  // Rows matched on their own website claim their ROR entry before rows matched on a parent site.
  const rankOf = (f: EcheFacts) => crosswalk.get(f.erasmusCode)?.rank ?? 2;
  const ordered = [...facts].sort((a, b) => rankOf(a.facts) - rankOf(b.facts));

  const changes = new Map<string, CountedChange>();
  const moved: string[] = [];
  for (const { facts: f } of ordered) {
    const code = f.erasmusCode;
    const current = byCode.get(code);
    const rorId = crosswalk.get(code)?.rorId;
    const held = rorId ? codeOf.get(rorId) : undefined;
    let target: { id: string; ror: boolean };
    if (rorId && rorHeld.has(rorId) && (!held || held === code || !inFile.has(held))) {
      target = { id: rorId, ror: true };
      if (current && current.id !== rorId) {
        if (current.ror) changes.set(current.id, { id: current.id, eche: null, counted: false });
        else moved.push(current.id);
        codeOf.delete(current.id);
      }
    } else if (current) {
      target = current;
    } else {
      // A PIC held under a code this list no longer has: the holder's code was renamed.
      const renamed = f.pic ? byPic.get(f.pic)?.find((e) => !inFile.has(codeOf.get(e.id) ?? "")) : undefined;
      target = renamed ?? { id: echeEntryId(code), ror: false };
    }
    const previous = codeOf.get(target.id);
    if (previous && previous !== code) byCode.delete(previous);
    byCode.set(code, target);
    codeOf.set(target.id, code);
    changes.set(target.id, { id: target.id, eche: f, counted: true, merged: target.ror });
  }

  const all = [...changes.values()];
  for (let i = 0; i < all.length; i += BATCH) {
    await applyBatch(deps, all.slice(i, i + BATCH), report);
    report.processed = Math.min(report.rows, report.skipped + i + BATCH);
    onProgress?.({
      processed: report.processed,
      inserted: report.inserted,
      skipped: report.skipped,
      total: rows.length,
    });
  }
  const gone = moved.filter((id) => !changes.has(id));
  if (gone.length > 0) await deps.db.transaction().execute((trx) => deleteEntries(trx, deps.search, gone));
  report.processed = report.rows;
  report.seconds = (performance.now() - started) / 1000;
  return report;
}
