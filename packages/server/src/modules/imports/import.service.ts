import type { Readable } from "node:stream";
import {
  type Actor,
  type ColumnMapping,
  guessMapping,
  IMPORT_FIELDS,
  type ImportKind,
  type ImportPreview,
  type ImportProgress,
  type ImportReport,
  layoutKeyOf,
} from "@conventio/domain";
import type { Kysely } from "kysely";
import { connect } from "#db/connection.js";
import type { DB } from "#db/schema.js";
import type { DocumentDetacher } from "#modules/documents/document.service.js";
import { AppError, fieldError } from "#shared/app-error.js";
import { type Deps, nowIso } from "#shared/deps.js";
import { actorId } from "#shared/policy.js";
import { importPolicy } from "./import.policy.js";
import { findMapping, saveMapping } from "./import.repository.js";
import { runImport } from "./import-run.js";
import { readSheet, type Sheet } from "./import-sheet.js";
import { createImportStore, type StoredUpload } from "./import-store.js";
import { type WriterSettings, writersFor } from "./import-writers.js";
import { IMPORTERS } from "./importers.js";

export interface ImportSettings extends WriterSettings {
  dataDir: string;
  maxBytes: number;
  /**
   * The SQLite file, when the database is one: an import writes through a connection of its
   * own, so the app keeps answering (progress polls among others) while its transaction runs.
   */
  sqliteFile: string | null;
}

const SAMPLE_ROWS = 10;

/** The mapping checked against the kind's fields and the file's columns; required fields must be filled. */
function checkMapping(kind: ImportKind, mapping: ColumnMapping, columns: readonly string[]): ColumnMapping {
  const fields = IMPORT_FIELDS[kind];
  const errors = Object.entries(mapping).flatMap(([field, column]) => {
    if (!fields.some((f) => f.name === field))
      return [fieldError(`mapping.${field}`, "{{kind}} have no field {{field}}.", { kind, field })];
    if (column !== null && !columns.includes(column))
      return [fieldError(`mapping.${field}`, "The file has no column {{column}}.", { column })];
    return [];
  });
  for (const f of fields) {
    if (f.required && !mapping[f.name])
      errors.push(fieldError(`mapping.${f.name}`, "Choose the column that holds {{field}}.", { field: f.name }));
  }
  if (errors.length > 0) throw AppError.invalid(errors);
  return Object.fromEntries(fields.map((f) => [f.name, mapping[f.name] ?? null]));
}

/**
 * Spreadsheet imports: an upload is read and previewed with a mapping (saved for its layout, or
 * guessed from its headers), then dry-run or applied. Writes go through each kind's service in
 * one transaction (see runImport); progress is kept in memory for the web app to poll.
 */
export function createImportService(deps: Deps, settings: ImportSettings, detach: DocumentDetacher) {
  const store = createImportStore(settings.dataDir, settings.maxBytes);
  const progress = new Map<string, ImportProgress>();
  const running = new Set<string>();
  // One import writes at a time: on SQLite a second writer would wait on the first's lock, and
  // anywhere two files could each create the organisation the other is about to match.
  let queue: Promise<unknown> = Promise.resolve();
  function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  }

  function owned(actor: Actor, id: string): { upload: StoredUpload; path: string } {
    importPolicy.run(actor);
    const found = store.find(id);
    if (actor.kind === "user" && actor.role !== "admin" && found.upload.uploadedBy !== actorId(actor))
      throw AppError.notFound("This upload");
    return found;
  }

  // The sheet read last, kept while its file is worked on: preview, dry run and apply follow one
  // another on the same upload, and a workbook of many rows takes seconds to read.
  let recent: { id: string; sheet: Sheet } | null = null;
  async function sheetOf(upload: StoredUpload, path: string): Promise<Sheet> {
    if (recent?.id === upload.id) return recent.sheet;
    const sheet = await readSheet(path, upload.format);
    recent = { id: upload.id, sheet };
    return sheet;
  }

  async function preview(upload: StoredUpload, sheet: Sheet): Promise<ImportPreview> {
    const layoutKey = layoutKeyOf(upload.kind, sheet.columns);
    const saved = await findMapping(deps.db, layoutKey);
    const usable = saved && Object.values(saved).every((c) => c === null || sheet.columns.includes(c));
    return {
      uploadId: upload.id,
      kind: upload.kind,
      format: upload.format,
      fileName: upload.fileName,
      encoding: sheet.encoding,
      delimiter: sheet.delimiter,
      rowCount: sheet.rows.length,
      columns: sheet.columns,
      sampleRows: sheet.rows.slice(0, SAMPLE_ROWS).map((r) => sheet.columns.map((_, i) => r.cells[i] ?? null)),
      fields: [...IMPORT_FIELDS[upload.kind]],
      mapping: usable ? { ...guessMapping(upload.kind, []), ...saved } : guessMapping(upload.kind, sheet.columns),
      mappingSource: usable ? "saved" : "guessed",
      layoutKey,
    };
  }

  /** A connection for the import's transaction, and how to let it go. */
  function importConnection(): { db: Kysely<DB>; release: () => Promise<void> } {
    if (deps.dialect !== "sqlite" || !settings.sqliteFile || settings.sqliteFile === ":memory:")
      return { db: deps.db, release: async () => {} };
    const own = connect({ sqliteFile: settings.sqliteFile });
    return { db: own.db, release: () => own.destroy() };
  }

  async function run(
    actor: Actor,
    id: string,
    mapping: ColumnMapping | undefined,
    commit: boolean,
    listener?: (p: ImportProgress) => void,
  ) {
    const { upload, path } = owned(actor, id);
    if (running.has(id)) throw new AppError("conflict", "This file is already being imported.");
    running.add(id);
    const total = () => progress.get(id)?.total ?? 0;
    try {
      progress.set(id, { done: 0, total: 0, phase: "reading" });
      const sheet = await sheetOf(upload, path);
      progress.set(id, { done: 0, total: sheet.rows.length, phase: "reading" });
      const chosen = checkMapping(upload.kind, mapping ?? (await preview(upload, sheet)).mapping, sheet.columns);
      return await oneAtATime(async () => {
        const connection = importConnection();
        try {
          return await runImport(
            connection.db,
            (db) => writersFor(deps, db, settings, detach),
            IMPORTERS[upload.kind],
            {
              uploadId: id,
              kind: upload.kind,
              sheet,
              mapping: chosen,
              actor,
              commit,
              onProgress: (p) => {
                progress.set(id, p);
                listener?.(p);
              },
            },
          );
        } finally {
          await connection.release();
        }
      });
    } catch (err) {
      progress.set(id, { done: 0, total: total(), phase: "failed" });
      throw err;
    } finally {
      running.delete(id);
    }
  }

  return {
    maxBytes: settings.maxBytes,

    /** Checks the permission before the body is read. */
    prepareUpload(actor: Actor): void {
      importPolicy.run(actor);
    },

    /** Keeps the uploaded file, reads it and answers what it holds with a mapping to confirm. */
    async upload(actor: Actor, kind: ImportKind, fileName: string, stream: Readable): Promise<ImportPreview> {
      importPolicy.run(actor);
      const { upload, path } = await store.save(fileName, stream, {
        kind,
        uploadedBy: actorId(actor),
        uploadedAt: nowIso(deps),
      });
      try {
        return await preview(upload, await sheetOf(upload, path));
      } catch (err) {
        store.remove(upload.id);
        throw err;
      }
    },

    /** The preview of an upload again, as after it was sent. */
    async getPreview(actor: Actor, id: string): Promise<ImportPreview> {
      const { upload, path } = owned(actor, id);
      return preview(upload, await sheetOf(upload, path));
    },

    /** Saves the mapping for the upload's layout, so the next file of the same shape is offered it. */
    async saveMapping(actor: Actor, id: string, mapping: ColumnMapping): Promise<ImportPreview> {
      const { upload, path } = owned(actor, id);
      const sheet = await sheetOf(upload, path);
      const checked = checkMapping(upload.kind, mapping, sheet.columns);
      await saveMapping(deps.db, {
        layoutKey: layoutKeyOf(upload.kind, sheet.columns),
        kind: upload.kind,
        mapping: checked,
        updatedBy: actorId(actor),
        updatedAt: nowIso(deps),
      });
      return preview(upload, sheet);
    },

    /** What the import would do, row by row; writes nothing. */
    dryRun(
      actor: Actor,
      id: string,
      mapping?: ColumnMapping,
      onProgress?: (p: ImportProgress) => void,
    ): Promise<ImportReport> {
      return run(actor, id, mapping, false, onProgress);
    },

    /** Imports every row in one transaction, or nothing when any row has an error. */
    apply(
      actor: Actor,
      id: string,
      mapping?: ColumnMapping,
      onProgress?: (p: ImportProgress) => void,
    ): Promise<ImportReport> {
      return run(actor, id, mapping, true, onProgress);
    },

    /** Removes an upload once it is no longer needed (the command line imports and forgets). */
    discard(actor: Actor, id: string): void {
      owned(actor, id);
      store.remove(id);
      if (recent?.id === id) recent = null;
      progress.delete(id);
    },

    progress(actor: Actor, id: string): ImportProgress {
      owned(actor, id);
      return progress.get(id) ?? { done: 0, total: 0, phase: "idle" };
    },
  };
}
export type ImportService = ReturnType<typeof createImportService>;
