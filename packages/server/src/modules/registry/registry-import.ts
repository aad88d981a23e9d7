import { type RegistryImportReport, type RegistrySkip, searchDocument } from "@conventio/domain";
import type { Kysely } from "kysely";
import type { DB } from "#db/schema.js";
import type { SearchIndex } from "#db/search-index.js";
import { type EntryChange, type EntryRow, mergeEntry, sameEntry, searchPartsOf } from "./registry-entry.js";
import { entriesByIds, relationState, setRelations, writeEntries } from "./registry.repository.js";
import type { RorRelationship } from "./ror-record.js";

export interface ImportProgress {
  /** Records or rows handled so far. */
  processed: number;
  /** Of those, written: created or updated. */
  inserted: number;
  skipped: number;
  /** Records or rows in the file, when known before the end. */
  total?: number;
}

/** A report with its running counts; `processed` and `inserted` feed progress bars. */
export type RegistryImport = RegistryImportReport & ImportProgress;

export interface ImportDeps {
  db: Kysely<DB>;
  search: SearchIndex;
}

/** Records or rows handled per transaction. */
export const BATCH = 500;

export function newReport(source: RegistryImportReport["source"], into: RegistryImportReport["into"]): RegistryImport {
  return {
    source,
    into,
    rows: 0,
    imported: 0,
    merged: 0,
    skipped: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    withdrawn: 0,
    inactive: 0,
    parentsLinked: 0,
    successorsLinked: 0,
    skips: [],
    seconds: 0,
    processed: 0,
    inserted: 0,
  };
}

export function skip(report: RegistryImport, s: RegistrySkip): void {
  report.skipped++;
  report.skips.push(s);
}

/** A change to apply, and whether it stands for a row of the file (a side effect, such as clearing codes, does not). */
export interface CountedChange extends EntryChange {
  counted: boolean;
  /** Counted as merged with another source rather than imported on its own. */
  merged?: boolean;
}

/**
 * Applies one batch in one transaction: merges each change into the existing row by source,
 * writes only rows that differ, and counts them created, updated or unchanged.
 */
export async function applyBatch(deps: ImportDeps, batch: readonly CountedChange[], report: RegistryImport) {
  await deps.db.transaction().execute(async (trx) => {
    const existing = await entriesByIds(
      trx,
      batch.map((c) => c.id),
    );
    const changed: EntryRow[] = [];
    const documents: EntryRow[] = [];
    for (const change of batch) {
      const before = existing.get(change.id);
      const after = mergeEntry(before, change);
      existing.set(change.id, after);
      const same = before !== undefined && sameEntry(before, after);
      if (change.counted) {
        if (change.merged ?? after.source === "ror+eche") report.merged++;
        else report.imported++;
        if (!before) report.created++;
        else if (same) report.unchanged++;
        else report.updated++;
      }
      if (same) continue;
      if (after.parent_ror_id && after.parent_ror_id !== (before?.parent_ror_id ?? null)) report.parentsLinked++;
      if (after.successor_ror_id && after.successor_ror_id !== (before?.successor_ror_id ?? null)) {
        report.successorsLinked++;
      }
      changed.push(after);
      if (!before || searchDocument(searchPartsOf(before)) !== searchDocument(searchPartsOf(after)))
        documents.push(after);
    }
    const last = <T extends { id: string }>(rows: T[]) => [...new Map(rows.map((r) => [r.id, r])).values()];
    await writeEntries(trx, deps.search, last(changed), last(documents));
  });
  report.inserted = report.created + report.updated;
}

/**
 * ROR states a relationship on both sides, but a file may hold only one of them: an entry whose
 * own record names no parent takes the record that names it as a child, and one naming no
 * successor the record that names it as a predecessor.
 */
export async function linkNamedRelatives(
  deps: ImportDeps,
  relationships: ReadonlyMap<string, readonly RorRelationship[]>,
  report: RegistryImport,
): Promise<void> {
  const parentOf = new Map<string, string>();
  const successorOf = new Map<string, string>();
  for (const [id, rels] of relationships) {
    for (const r of rels) {
      if (r.type === "child" && !parentOf.has(r.id)) parentOf.set(r.id, id);
      if (r.type === "predecessor" && !successorOf.has(r.id)) successorOf.set(r.id, id);
    }
  }
  const state = await relationState(deps.db, [...parentOf.keys(), ...successorOf.keys()]);
  const updates: Array<{ id: string; parent: string | null; successor: string | null }> = [];
  for (const s of state) {
    const own = JSON.parse(s.relationships) as RorRelationship[];
    const parent = own.find((r) => r.type === "parent")?.id ?? parentOf.get(s.id) ?? s.parent_ror_id;
    const successor = own.find((r) => r.type === "successor")?.id ?? successorOf.get(s.id) ?? s.successor_ror_id;
    if (parent === s.parent_ror_id && successor === s.successor_ror_id) continue;
    if (parent !== s.parent_ror_id) report.parentsLinked++;
    if (successor !== s.successor_ror_id) report.successorsLinked++;
    updates.push({ id: s.id, parent, successor });
  }
  await deps.db.transaction().execute((trx) => setRelations(trx, updates));
}
