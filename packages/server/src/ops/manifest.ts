import { createHash } from "node:crypto";
import { createReadStream, readFileSync } from "node:fs";
import { z } from "zod";
import { FILE_KEY } from "#shared/file-keys.js";

/**
 * Uploads in an archive are named by their keys in the file store, which are also their paths under
 * DATA_DIR on disk: files/ab/… for documents, pictures/ab/… for pictures. Nothing else is taken
 * out of an archive.
 */
export const UPLOAD_PATH = FILE_KEY;

/** What an archive says it holds; read back with this schema, since an archive comes from outside. */
export const BackupManifest = z
  .object({
    format: z.literal("conventio-backup"),
    formatVersion: z.literal(1),
    conventioVersion: z.string().min(1).max(50),
    schemaVersion: z.string().regex(/^\d{3}-[a-z0-9-]+$/),
    engine: z.enum(["sqlite", "postgres"]),
    createdAt: z.iso.datetime(),
    tables: z.array(
      z
        .object({
          name: z.string().regex(/^[a-z_][a-z0-9_]*$/),
          file: z.string().regex(/^tables\/[a-z_][a-z0-9_]*\.jsonl$/),
          columns: z.array(z.string().regex(/^[a-z_][a-z0-9_]*$/)).min(1),
          rows: z.number().int().min(0),
          sha256: z.string().regex(/^[0-9a-f]{64}$/),
        })
        .strict(),
    ),
    files: z.array(
      z
        .object({
          path: z.string().regex(UPLOAD_PATH),
          size: z.number().int().min(0),
          sha256: z.string().regex(/^[0-9a-f]{64}$/),
        })
        .strict(),
    ),
    /** Files the database named but the file store no longer had when the backup was taken. */
    missingFiles: z.array(z.string().regex(UPLOAD_PATH)),
  })
  .strict();
export type BackupManifest = z.infer<typeof BackupManifest>;

/** The archive name of a table's rows. */
export const tableFile = (name: string) => `tables/${name}.jsonl`;

/** The SHA-256 and size of a file, read as a stream. */
export async function hashFile(path: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash("sha256");
  let size = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest("hex"), size };
}

/** The Conventio version written into manifests: the one the root package.json declares. */
export function conventioVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../../../package.json", import.meta.url), "utf8")) as {
    version?: string;
  };
  return pkg.version ?? "unknown";
}
