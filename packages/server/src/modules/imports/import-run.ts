import type {
  Actor,
  ColumnMapping,
  ImportCounts,
  ImportKind,
  ImportProgress,
  ImportReport,
  ImportRowOutcome,
} from "@conventio/domain";
import type { Kysely } from "kysely";
import type { DB } from "#db/schema.js";
import { guarded, type KindImporter, type RowEntry, type WriteProgress } from "./import-kind.js";
import { outcome, RowReader } from "./import-row.js";
import type { Sheet } from "./import-sheet.js";
import { joinedTransaction, type Writers } from "./import-writers.js";

/** Thrown to roll the import's transaction back after a dry run or when rows have errors. */
class RolledBack extends Error {}

/** Rows between two turns of the event loop, so progress polls are answered while an import runs. */
const YIELD_EVERY = 20;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface RunInput {
  uploadId: string;
  kind: ImportKind;
  sheet: Sheet;
  mapping: ColumnMapping;
  actor: Actor;
  /** Write for good (apply) or only see what would be written (dry run). */
  commit: boolean;
  onProgress: (p: ImportProgress) => void;
}

function countsOf(rows: ImportRowOutcome[]): ImportCounts {
  const n = (action: ImportRowOutcome["action"]) => rows.filter((r) => r.action === action).length;
  return {
    created: n("create"),
    updated: n("update"),
    unchanged: n("unchanged"),
    skipped: n("skip"),
    errors: n("error"),
  };
}

/** Writes the rows one after the other in file order, each behind a savepoint. */
async function writeRowByRow<T>(
  importer: KindImporter<T>,
  entries: ReadonlyArray<RowEntry<T>>,
  w: Writers,
  actor: Actor,
  progress: WriteProgress,
): Promise<Map<RowReader, ImportRowOutcome>> {
  const out = new Map<RowReader, ImportRowOutcome>();
  const write = importer.write;
  if (!write) throw new Error("The importer writes neither row by row nor all at once");
  for (const [i, { value, r }] of entries.entries()) {
    const written = await guarded(w.db, importer, value, r, () => write(value, w, actor, r));
    if (written) out.set(r, written);
    await progress(i + 1);
  }
  return out;
}

/**
 * Reads every row, then writes them in one transaction, each row behind a savepoint so that a
 * refused row is reported and the next one still checked. A dry run always rolls back; an apply
 * commits only when no row has an error. Either way the report says what each row did or would do.
 */
export async function runImport(
  db: Kysely<DB>,
  writers: (db: Kysely<DB>) => Writers,
  importer: KindImporter<unknown>,
  input: RunInput,
): Promise<ImportReport> {
  const { sheet, mapping, actor } = input;
  const total = sheet.rows.length;
  const columnIndex = new Map<string, number>();
  for (const [field, column] of Object.entries(mapping)) {
    const i = column === null ? -1 : sheet.columns.indexOf(column);
    if (i >= 0) columnIndex.set(field, i);
  }
  const readers = sheet.rows.map((row) => new RowReader(row.row, row.cells, columnIndex, mapping));
  const outcomes = new Map<RowReader, ImportRowOutcome>();
  const values = new Map<RowReader, unknown>();

  input.onProgress({ done: 0, total, phase: "checking" });
  for (const [i, r] of readers.entries()) {
    if (r.isEmpty()) outcomes.set(r, outcome(r.row, "skip", null, "", { template: "The row is empty." }));
    else if (r.refuseControlCharacters()) {
      const value = importer.read(r);
      if (value !== null) values.set(r, value);
    }
    if (i % 500 === 0) input.onProgress({ done: i, total, phase: "checking" });
  }

  input.onProgress({ done: 0, total, phase: "writing" });
  let lastTurn = 0;
  const progress = async (done: number) => {
    if (done - lastTurn < YIELD_EVERY) return;
    lastTurn = done;
    input.onProgress({ done, total, phase: "writing" });
    await nextTurn();
  };
  const entries = readers.flatMap((r) => {
    const value = values.get(r);
    return value === undefined ? [] : [{ value, r }];
  });
  try {
    await db.transaction().execute(async (trx) => {
      const w = writers(joinedTransaction(trx));
      const written = importer.writeAll
        ? await importer.writeAll(entries, w, actor, progress)
        : await writeRowByRow(importer, entries, w, actor, progress);
      for (const [r, result] of written) {
        if (r.errors.length > 0) continue;
        const first = outcome(r.row, result.action, result.id, result.label, ...r.notes);
        const notes = [...first.notes, ...result.notes];
        outcomes.set(r, { ...result, note: notes[0] ?? null, notes });
      }
      if (!input.commit || readers.some((r) => r.errors.length > 0)) throw new RolledBack();
    });
  } catch (err) {
    if (!(err instanceof RolledBack)) throw err;
  }

  const rows = readers.map((r) => outcomes.get(r) ?? outcome(r.row, "error", null, r.text(importer.fallback) ?? ""));
  const errors = readers.flatMap((r) => r.errors);
  const applied = input.commit && errors.length === 0;
  input.onProgress({ done: total, total, phase: "done" });
  return { uploadId: input.uploadId, kind: input.kind, applied, rowCount: total, counts: countsOf(rows), rows, errors };
}
