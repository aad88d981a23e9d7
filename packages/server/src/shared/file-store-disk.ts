import { copyFileSync, createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { FILE_KEY, requireFileKey } from "./file-keys.js";
import type { FileSource, FileStore, FileStoreOptions } from "./file-store.js";
import { newId } from "./ids.js";

/** The folders of DATA_DIR that hold stored files. */
const FOLDERS = ["files", "pictures"] as const;

/**
 * Files under DATA_DIR, each at its key (files/ab/…, pictures/ab/…), as Conventio has always kept
 * them. A file is written to DATA_DIR/incoming first and renamed into place, so it is found
 * whole or not at all.
 */
export function diskFileStore(options: Pick<FileStoreOptions, "dataDir">): FileStore {
  const root = options.dataDir;
  const incoming = join(root, "incoming");
  const pathOf = (key: string) => join(root, requireFileKey(key));

  function moveInto(target: string, from: string): void {
    try {
      renameSync(from, target);
    } catch (err) {
      // Another file system: copied, then the source goes as a move would take it.
      if ((err as NodeJS.ErrnoException).code !== "EXDEV") throw err;
      copyFileSync(from, target);
      rmSync(from, { force: true });
    }
  }

  async function write(target: string, source: FileSource): Promise<void> {
    mkdirSync(dirname(target), { recursive: true });
    if (!Buffer.isBuffer(source) && !(source instanceof Readable)) {
      moveInto(target, source.path);
      return;
    }
    mkdirSync(incoming, { recursive: true });
    const temp = join(incoming, `${newId()}.part`);
    try {
      await pipeline(
        Buffer.isBuffer(source) ? Readable.from([source]) : source,
        createWriteStream(temp, { flags: "wx" }),
      );
      renameSync(temp, target);
    } finally {
      rmSync(temp, { force: true });
    }
  }

  const remove = (keys: readonly string[]) => {
    for (const key of keys) rmSync(pathOf(key), { force: true });
  };

  return {
    kind: "disk",

    async put(key, source) {
      await write(pathOf(key), source);
    },

    async get(key) {
      const path = pathOf(key);
      try {
        const { size } = await stat(path);
        return { stream: createReadStream(path), size };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw err;
      }
    },

    exists: async (key) => existsSync(pathOf(key)),

    async delete(keys) {
      remove(keys);
    },

    async removeWith(_db, keys) {
      return () => remove(keys);
    },

    async *keys() {
      for (const folder of FOLDERS) {
        let entries: string[] = [];
        try {
          entries = await readdir(join(root, folder), { recursive: true });
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code === "ENOENT") continue;
          throw err;
        }
        for (const entry of entries) {
          const key = relative(root, join(root, folder, entry))
            .split(sep)
            .join("/");
          if (FILE_KEY.test(key)) yield key;
        }
      }
    },
  };
}
