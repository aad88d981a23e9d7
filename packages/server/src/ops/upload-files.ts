import { createHash } from "node:crypto";
import { copyFileSync, createWriteStream, linkSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Kysely } from "kysely";
import type { Dialect } from "#db/connection.js";
import type { DB } from "#db/schema.js";
import {
  chooseFileStore,
  createFileStore,
  type FileStore,
  type FileStoreKind,
  type FileStoreSetting,
} from "#shared/file-store.js";
import { type BackupManifest, hashFile } from "./manifest.js";
import type { Mismatch, OnProgress } from "./ops-steps.js";

/*
 * The uploaded files of backups, restores and copies, whichever store keeps them (decision 029).
 * A file's key in the store is also its path under DATA_DIR and in an archive.
 */

/** The store an installation keeps its files in, from FILE_STORE (auto when not given) and its engine. */
export function storeKindOf(setting: FileStoreSetting | undefined, dialect: Dialect): FileStoreKind {
  return chooseFileStore(setting ?? "auto", dialect);
}

/** The installation's store, reading and writing through `db`: a snapshot or a transaction. */
export function storeOn(kind: FileStoreKind, dataDir: string, db: Kysely<DB>): FileStore {
  return createFileStore(kind, { dataDir, db });
}

type Digest = { sha256: string; size: number };

/** The SHA-256 and size of the bytes a stream passes on, counted as they go by. */
function digesting(digest: Digest) {
  const hash = createHash("sha256");
  return async function* (source: AsyncIterable<Buffer>) {
    for await (const chunk of source) {
      hash.update(chunk);
      digest.size += chunk.length;
      yield chunk;
    }
    digest.sha256 = hash.digest("hex");
  };
}

/** The SHA-256 and size of a stored file, read back from its store; null when it is not there. */
export async function digestStored(store: FileStore, key: string): Promise<Digest | null> {
  const file = await store.get(key);
  if (!file) return null;
  const hash = createHash("sha256");
  let size = 0;
  for await (const chunk of file.stream as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { sha256: hash.digest("hex"), size };
}

/**
 * Puts a file into an archive's folder: from disk as a hard link where the file system allows it
 * (the content stays as it was even if the file is deleted meanwhile) or else a copy; from the
 * database as a copy. Null when the store does not have it.
 */
async function stageOne(store: FileStore, dataDir: string, key: string, target: string): Promise<Digest | null> {
  mkdirSync(dirname(target), { recursive: true });
  if (store.kind === "disk") {
    const source = join(dataDir, key);
    try {
      linkSync(source, target);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
      try {
        copyFileSync(source, target);
      } catch (copyErr) {
        if ((copyErr as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw copyErr;
      }
    }
    return hashFile(target);
  }
  const file = await store.get(key);
  if (!file) return null;
  const digest = { sha256: "", size: 0 };
  await pipeline(file.stream, digesting(digest), createWriteStream(target, { flags: "wx" }));
  return digest;
}

/** Stages the files of a backup; answers those staged, with their checksums, and those the store did not have. */
export async function stageFiles(
  store: FileStore,
  dataDir: string,
  keys: readonly string[],
  staging: string,
  progress: OnProgress,
): Promise<{ files: BackupManifest["files"]; missing: string[] }> {
  const files: BackupManifest["files"] = [];
  const missing: string[] = [];
  for (const [i, key] of keys.entries()) {
    const staged = await stageOne(store, dataDir, key, join(staging, key));
    if (staged) files.push({ path: key, ...staged });
    else missing.push(key);
    progress({ step: "files", done: i + 1, total: keys.length, detail: key });
  }
  return { files, missing };
}

/**
 * Stores a restore's files from its staging folder, `db` being the restore's transaction, then
 * reads each back and compares it with the manifest.
 */
export async function placeFiles(
  store: FileStore,
  db: Kysely<DB>,
  staging: string,
  files: BackupManifest["files"],
  progress: OnProgress,
): Promise<Mismatch[]> {
  const mismatches: Mismatch[] = [];
  for (const [i, f] of files.entries()) {
    await store.put(f.path, { path: join(staging, f.path) }, db);
    const found = await digestStored(store, f.path);
    if (!found || found.sha256 !== f.sha256 || found.size !== f.size) {
      mismatches.push({ kind: "file", name: f.path, expected: f.sha256, found: found?.sha256 ?? "no file" });
    }
    progress({ step: "files", done: i + 1, total: files.length, detail: f.path });
  }
  return mismatches;
}

/**
 * Copies files from one store to another, `db` being the target's transaction: each is hashed as
 * it is read, then read back from the target and compared. Answers the files the source did not
 * have and those that did not arrive as they left.
 */
export async function carryFiles(
  from: FileStore,
  to: FileStore,
  db: Kysely<DB>,
  keys: readonly string[],
  progress: OnProgress,
): Promise<{ missing: string[]; mismatches: Mismatch[] }> {
  const missing: string[] = [];
  const mismatches: Mismatch[] = [];
  for (const [i, key] of keys.entries()) {
    const file = await from.get(key);
    if (!file) {
      missing.push(key);
      continue;
    }
    const sent = { sha256: "", size: 0 };
    await to.put(key, Readable.from(digesting(sent)(file.stream), { objectMode: false }), db);
    const arrived = await digestStored(to, key);
    if (!arrived || arrived.sha256 !== sent.sha256 || arrived.size !== sent.size) {
      mismatches.push({ kind: "file", name: key, expected: sent.sha256, found: arrived?.sha256 ?? "no file" });
    }
    progress({ step: "files", done: i + 1, total: keys.length, detail: key });
  }
  return { missing, mismatches };
}
