import { CreateAgreementInput } from "@conventio/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "#db/seed/system-actor.js";
import { createFileStore } from "#shared/file-store.js";
import { createTestContext, ENGINE, type TestContext } from "#test/harness.js";
import { keptFiles, readStored } from "#test/kept-files.js";
import { moveFilesToDatabase } from "./move-files.js";
import { uploadFiles } from "./test-installations.js";

/** An installation that kept its files in DATA_DIR moves them into its database. */
let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext({ FILE_STORE: "disk" });
  const agreement = await ctx.services.agreements.createAgreement(
    SYSTEM_ACTOR,
    CreateAgreementInput.parse({ kind: "memorandum_of_understanding", title: "MoU with files on disk" }),
  );
  await uploadFiles(ctx, agreement.id);
}, 60_000);
afterAll(() => ctx.close());

describe(`moving the uploaded files from DATA_DIR into the database (${ENGINE})`, () => {
  it("writes every file the rows name into the database, byte for byte, and leaves the disk as it was", async () => {
    const onDisk = await keptFiles(ctx, ["files", "pictures"]);
    expect(onDisk).toHaveLength(4);
    const report = await moveFilesToDatabase({ database: ctx.database, dataDir: ctx.config.dataDir });
    expect(report).toEqual({ moved: 4, present: 0, missing: [], mismatches: [] });
    const inDatabase = createFileStore("database", { dataDir: ctx.config.dataDir, db: ctx.database.db });
    for (const key of onDisk) {
      const [before, after] = await Promise.all([readStored(ctx.services.files, key), readStored(inDatabase, key)]);
      expect(before && after?.equals(before), key).toBe(true);
    }
    expect(await keptFiles(ctx, ["files", "pictures"])).toEqual(onDisk);
  });

  it("picks up where it stopped when run again, and names a file the disk has lost", async () => {
    const [lost] = await keptFiles(ctx, ["files"]);
    if (!lost) throw new Error("no document on disk");
    const inDatabase = createFileStore("database", { dataDir: ctx.config.dataDir, db: ctx.database.db });
    await inDatabase.delete([lost]);
    await ctx.services.files.delete([lost]);
    const report = await moveFilesToDatabase({ database: ctx.database, dataDir: ctx.config.dataDir });
    expect(report).toEqual({ moved: 0, present: 3, missing: [lost], mismatches: [] });
  });
});
