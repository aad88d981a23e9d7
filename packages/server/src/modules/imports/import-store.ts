import {
  createWriteStream,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ImportFormat, ImportKind } from "@conventio/domain";
import { detectFileType, extensionOf, uploadFileName } from "#modules/documents/file-types.js";
import { AppError } from "#shared/app-error.js";
import { newId } from "#shared/ids.js";

/** What is kept beside an uploaded sheet until it is imported or expires. */
export interface StoredUpload {
  id: string;
  kind: ImportKind;
  format: ImportFormat;
  fileName: string;
  uploadedBy: string | null;
  uploadedAt: string;
}

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const TEXT_EXTENSIONS = new Set(["csv", "tsv", "txt"]);

/** Uploads older than this are removed when the next one arrives. */
const KEEP_MS = 2 * 24 * 3600 * 1000;

const ID = /^[A-Za-z0-9_-]{8,64}$/;

/**
 * Uploaded sheets on disk under DATA_DIR/imports: the file under a generated name and its
 * description beside it. Like documents, a file is checked by its content before it is kept.
 */
export function createImportStore(dataDir: string, maxBytes: number) {
  const dir = join(dataDir, "imports");
  const fileOf = (id: string, format: ImportFormat) => join(dir, `${id}.${format}`);
  const metaOf = (id: string) => join(dir, `${id}.json`);

  function removeExpired(now: number): void {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (now - statSync(path).mtimeMs > KEEP_MS) rmSync(path, { force: true });
    }
  }

  return {
    maxBytes,

    /** Writes the file, checks its size and type, and keeps it with its description. */
    async save(
      rawName: string,
      stream: Readable & { truncated?: boolean },
      meta: Omit<StoredUpload, "id" | "format" | "fileName">,
    ): Promise<{ upload: StoredUpload; path: string }> {
      const name = uploadFileName(
        rawName,
        stream,
        "This file name is not allowed; use a plain name such as convention-2019.pdf.",
      );
      mkdirSync(dir, { recursive: true });
      removeExpired(Date.parse(meta.uploadedAt));
      const id = newId();
      const temp = join(dir, `${id}.part`);
      try {
        await pipeline(stream, createWriteStream(temp, { flags: "wx" }));
        if (stream.truncated) {
          throw AppError.field("payload_too_large", "file", "Files are limited to {{n}} MB.", {
            n: Math.round(maxBytes / 1_048_576),
          });
        }
        if (statSync(temp).size === 0) throw AppError.field("validation_failed", "file", "The file is empty.");
        const detected = await detectFileType(temp);
        const ext = extensionOf(name);
        let format: ImportFormat;
        if (detected?.mime === XLSX && ext === "xlsx") format = "xlsx";
        else if (!detected && TEXT_EXTENSIONS.has(ext)) format = "csv";
        else throw AppError.field("unsupported_media_type", "file", "Upload a CSV file or an XLSX workbook.");
        const upload: StoredUpload = { id, format, fileName: name, ...meta };
        const path = fileOf(id, format);
        writeFileSync(metaOf(id), JSON.stringify(upload));
        // Renamed last: a file is only ever found complete and described.
        renameSync(temp, path);
        return { upload, path };
      } finally {
        rmSync(temp, { force: true });
      }
    },

    /** The upload and its file, or not found. */
    find(id: string): { upload: StoredUpload; path: string } {
      if (!ID.test(id)) throw AppError.notFound("This upload");
      try {
        const upload = JSON.parse(readFileSync(metaOf(id), "utf8")) as StoredUpload;
        return { upload, path: fileOf(id, upload.format) };
      } catch {
        throw AppError.notFound("This upload");
      }
    },

    /** Removes an upload and its description. */
    remove(id: string): void {
      const { upload, path } = this.find(id);
      rmSync(path, { force: true });
      rmSync(metaOf(upload.id), { force: true });
    },
  };
}
export type ImportStore = ReturnType<typeof createImportStore>;
