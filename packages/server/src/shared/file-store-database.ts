import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { Readable } from "node:stream";
import { type Kysely, sql } from "kysely";
import type { DB } from "#db/schema.js";
import { chunksOf } from "./chunks.js";
import { requireFileKey } from "./file-keys.js";
import type { FileSource, FileStore, FileStoreOptions } from "./file-store.js";

/** A stored file of the database store: its bytes, their length and SHA-256. */
export interface StoredFileTable {
  key: string;
  size: number;
  sha256: string; // hex
  content: Buffer;
  created_at: string;
}

/** A download reads its file this much at a time, so a large one is never held whole. */
const SLICE_BYTES = 1 << 20;

/** Keys listed per query, and removed per statement. */
const KEYS_PER_QUERY = 500;

/**
 * Bytes read whole: a stored file is an upload, bounded by UPLOAD_MAX_BYTES (or a logo, by a
 * megabyte), so one buffer per file is the cost of writing it in one statement.
 */
async function bytesOf(source: FileSource): Promise<Buffer> {
  if (Buffer.isBuffer(source)) return source;
  if (source instanceof Readable) {
    const chunks: Buffer[] = [];
    for await (const chunk of source) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
    return Buffer.concat(chunks);
  }
  return readFile(source.path);
}

/**
 * Files in the `stored_file` table of the installation's database, which every process reaches.
 * A file is written in one statement, within the caller's transaction when given one, and read
 * back a megabyte at a time (PostgreSQL keeps the column uncompressed and out of line, so a
 * slice reads only its own pages).
 */
export function databaseFileStore(options: Pick<FileStoreOptions, "db" | "now">): FileStore {
  const { db } = options;
  const now = options.now ?? (() => new Date());

  const slice = (from: number) => sql<Buffer | null>`substr(content, ${from + 1}, ${SLICE_BYTES})`;

  async function* slices(key: string, first: Buffer, size: number): AsyncGenerator<Buffer> {
    if (first.length > 0) yield first;
    for (let offset = first.length; offset < size; offset += SLICE_BYTES) {
      const row = await db
        .selectFrom("stored_file")
        .select(slice(offset).as("part"))
        .where("key", "=", key)
        .executeTakeFirst();
      if (!row?.part) throw new Error(`The stored file ${key} was removed while it was read.`);
      yield row.part;
    }
  }

  async function remove(trx: Kysely<DB>, keys: readonly string[]): Promise<void> {
    for (const part of chunksOf(keys.map(requireFileKey), KEYS_PER_QUERY)) {
      await trx.deleteFrom("stored_file").where("key", "in", part).execute();
    }
  }

  return {
    kind: "database",

    async put(key, source, trx = db) {
      const content = await bytesOf(source);
      await trx
        .insertInto("stored_file")
        .values({
          key: requireFileKey(key),
          size: content.length,
          sha256: createHash("sha256").update(content).digest("hex"),
          content,
          created_at: now().toISOString(),
        })
        .execute();
    },

    async get(key) {
      const head = await db
        .selectFrom("stored_file")
        .select(["size", slice(0).as("head")])
        .where("key", "=", requireFileKey(key))
        .executeTakeFirst();
      if (!head) return null;
      const size = Number(head.size);
      // SQLite answers a slice of an empty blob with null.
      const first = head.head ?? Buffer.alloc(0);
      return { stream: Readable.from(slices(key, first, size), { objectMode: false }), size };
    },

    async exists(key) {
      const found = await db
        .selectFrom("stored_file")
        .select("key")
        .where("key", "=", requireFileKey(key))
        .executeTakeFirst();
      return found !== undefined;
    },

    delete: (keys) => remove(db, keys),

    async removeWith(trx, keys) {
      await remove(trx, keys);
      return () => {};
    },

    async *keys() {
      let after = "";
      for (;;) {
        const rows = await db
          .selectFrom("stored_file")
          .select("key")
          .where("key", ">", after)
          .orderBy("key")
          .limit(KEYS_PER_QUERY)
          .execute();
        for (const row of rows) yield row.key;
        const last = rows.at(-1);
        if (!last || rows.length < KEYS_PER_QUERY) return;
        after = last.key;
      }
    },
  };
}
