import { randomBytes } from "node:crypto";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, ENGINE, type TestContext } from "#test/harness.js";
import { readStored } from "#test/kept-files.js";
import { chooseFileStore, createFileStore, type FileStore, type FileStoreKind } from "./file-store.js";
import { newId } from "./ids.js";

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const keyOf = (folder: "files" | "pictures", ext = "bin") => {
  const id = newId();
  return `${folder}/${id.slice(0, 2)}/${id}.${ext}`;
};

describe("choosing the file store", () => {
  it("keeps files in the database on PostgreSQL and on disk on SQLite unless FILE_STORE says otherwise", () => {
    expect(chooseFileStore("auto", "postgres")).toBe("database");
    expect(chooseFileStore("auto", "sqlite")).toBe("disk");
    expect(chooseFileStore("disk", "postgres")).toBe("disk");
    expect(chooseFileStore("database", "sqlite")).toBe("database");
    expect(ctx.services.files.kind).toBe(ENGINE === "postgres" ? "database" : "disk");
  });

  it("follows FILE_STORE=disk on either engine: an upload lands in DATA_DIR", async () => {
    const onDisk = await createTestContext({ FILE_STORE: "disk" });
    try {
      expect(onDisk.services.files.kind).toBe("disk");
      const key = keyOf("files");
      await onDisk.services.files.put(key, Buffer.from("on disk"));
      expect(existsSync(join(onDisk.config.dataDir, key))).toBe(true);
    } finally {
      await onDisk.close();
    }
  });
});

describe.each<FileStoreKind>(["disk", "database"])(`the %s store on ${ENGINE}`, (kind) => {
  let files: FileStore;
  beforeAll(() => {
    files = createFileStore(kind, { dataDir: ctx.config.dataDir, db: ctx.database.db });
  });

  it("gives back what it was given, from bytes, a stream or a local file, with its length", async () => {
    const bytes = Buffer.from("%PDF-1.4\nA small file.\n%%EOF\n");
    const fromBuffer = keyOf("files", "pdf");
    const fromStream = keyOf("files", "pdf");
    const fromFile = keyOf("pictures", "jpg");
    const local = join(ctx.config.dataDir, `${newId()}.part`);
    writeFileSync(local, bytes);
    await files.put(fromBuffer, bytes);
    await files.put(fromStream, Readable.from([bytes.subarray(0, 5), bytes.subarray(5)]));
    await files.put(fromFile, { path: local });
    for (const key of [fromBuffer, fromStream, fromFile]) {
      expect((await readStored(files, key))?.equals(bytes), key).toBe(true);
      expect((await files.get(key))?.size).toBe(bytes.length);
      expect(await files.exists(key)).toBe(true);
    }
  });

  it("streams a file of several megabytes back whole, and an empty one as empty", async () => {
    const big = randomBytes(2.5 * 1024 * 1024 + 17);
    const key = keyOf("files");
    await files.put(key, big);
    const file = await files.get(key);
    expect(file?.size).toBe(big.length);
    expect((await readStored(files, key))?.equals(big)).toBe(true);
    const empty = keyOf("files");
    await files.put(empty, Buffer.alloc(0));
    expect((await readStored(files, empty))?.length).toBe(0);
  });

  it("lists its keys, forgets deleted ones, and answers null for a key it does not have", async () => {
    const key = keyOf("pictures", "webp");
    await files.put(key, Buffer.from("picture"));
    const listed: string[] = [];
    for await (const k of files.keys()) listed.push(k);
    expect(listed).toContain(key);
    await files.delete([key, keyOf("files")]);
    expect(await files.get(key)).toBeNull();
    expect(await files.exists(key)).toBe(false);
    const after: string[] = [];
    for await (const k of files.keys()) after.push(k);
    expect(after).not.toContain(key);
  });

  it("refuses a key that could name a place outside its folders", async () => {
    for (const key of [
      "../conventio.db",
      "files/ab/../../conventio.db",
      "incoming/ab/x.part",
      "files/a/x",
      "/etc/passwd",
    ]) {
      await expect(files.put(key, Buffer.from("x")), key).rejects.toThrow("Not a stored file's key");
      await expect(files.get(key), key).rejects.toThrow("Not a stored file's key");
    }
  });

  it("removes a file with the caller's transaction: a rollback keeps it, a commit removes it", async () => {
    const kept = keyOf("files");
    await files.put(kept, Buffer.from("kept"));
    const rolledBack = ctx.database.db.transaction().execute(async (trx) => {
      await files.removeWith(trx, [kept]);
      throw new Error("rolled back");
    });
    await expect(rolledBack).rejects.toThrow("rolled back");
    expect(await files.exists(kept)).toBe(true);
    const afterCommit = await ctx.database.db.transaction().execute((trx) => files.removeWith(trx, [kept]));
    afterCommit();
    expect(await files.exists(kept)).toBe(false);
  });

  it(
    kind === "database"
      ? "writes a file with the caller's transaction, so a rollback leaves nothing"
      : "writes a file at once, so callers write it last and remove it when their transaction fails",
    async () => {
      const written = keyOf("files");
      const rolledBack = ctx.database.db.transaction().execute(async (trx) => {
        await files.put(written, Buffer.from("written"), trx);
        throw new Error("rolled back");
      });
      await expect(rolledBack).rejects.toThrow("rolled back");
      expect(await files.exists(written)).toBe(kind === "disk");
    },
  );
});
