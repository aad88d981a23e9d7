import type { Readable } from "node:stream";
import type { Kysely } from "kysely";
import type { Dialect } from "#db/connection.js";
import type { DB } from "#db/schema.js";
import { databaseFileStore } from "./file-store-database.js";
import { diskFileStore } from "./file-store-disk.js";

/** What a file is stored from: bytes in memory, a stream, or a local file the store may move. */
export type FileSource = Buffer | Readable | { path: string };

/** A stored file as read back: its bytes as a stream, and its length. */
export interface StoredFile {
  stream: Readable;
  size: number;
}

/**
 * Where uploaded files are kept (decision 029). Every process of an installation must reach the
 * same store: the disk one serves a single machine, the database one any number of processes.
 *
 * Where a method takes `db`, it is the caller's transaction: the database store writes or deletes
 * in it, so a file comes and goes with the rows that name it; the disk store works on the disk at
 * once, and callers write it last and remove it only once their transaction has committed.
 */
export interface FileStore {
  readonly kind: FileStoreKind;
  /** Stores a file under a new key. A `{ path }` source may be moved rather than copied. */
  put(key: string, source: FileSource, db?: Kysely<DB>): Promise<void>;
  /** The file, or null when nothing is stored under the key. */
  get(key: string): Promise<StoredFile | null>;
  exists(key: string): Promise<boolean>;
  /** Removes files; a key without a file is passed over. */
  delete(keys: readonly string[]): Promise<void>;
  /**
   * Removes files together with the rows the caller deletes in `db`, and answers what is left to
   * do once that transaction has committed (on disk, removing them; in the database, nothing).
   */
  removeWith(db: Kysely<DB>, keys: readonly string[]): Promise<() => void>;
  /** Every key, in no particular order. */
  keys(): AsyncIterable<string>;
}

export type FileStoreKind = "disk" | "database";
export type FileStoreSetting = FileStoreKind | "auto";

/** The store FILE_STORE names; `auto` is the database on PostgreSQL and the disk on SQLite. */
export function chooseFileStore(setting: FileStoreSetting, dialect: Dialect): FileStoreKind {
  if (setting !== "auto") return setting;
  return dialect === "postgres" ? "database" : "disk";
}

export interface FileStoreOptions {
  /** DATA_DIR: the disk store's root, and where either store stages what it writes. */
  dataDir: string;
  /** The database the database store keeps its table in. */
  db: Kysely<DB>;
  /** The time stored files are stamped with. */
  now?: () => Date;
}

export function createFileStore(kind: FileStoreKind, options: FileStoreOptions): FileStore {
  return kind === "database" ? databaseFileStore(options) : diskFileStore(options);
}
