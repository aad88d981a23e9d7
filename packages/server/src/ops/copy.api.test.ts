import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATION_NAMES } from "#db/migrate.js";
import { createSearchIndex } from "#db/search-index.js";
import { loadDemoData } from "#db/seed/demo.js";
import { AppError } from "#shared/app-error.js";
import { createTestContext, ENGINE, type TestContext } from "#test/harness.js";
import { readStored } from "#test/kept-files.js";
import { copyDatabase } from "./copy.js";
import { schemaVersionOf } from "./snapshot.js";
import { freshInstallation, rowsOf, tableCounts, uploadFiles } from "./test-installations.js";
import { uploadsOf } from "./uploads.js";

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
  await loadDemoData(ctx.services);
  const first = await ctx.database.db.selectFrom("agreement").select("id").orderBy("id").executeTakeFirstOrThrow();
  await uploadFiles(ctx, first.id);
}, 120_000);
afterAll(() => ctx.close());

/** The keys of the files the source's documents, pictures and logo name. */
async function namedFiles(): Promise<string[]> {
  const keys: string[] = [];
  for (const table of ["document", "picture", "site_settings"] as const) {
    for (const row of await rowsOf(ctx.database.db, table)) keys.push(...uploadsOf(table, row));
  }
  return keys.sort();
}

describe(`copying the ${ENGINE} installation to PostgreSQL`, () => {
  it("migrates the target, copies every table and verifies each one's count and rows", async () => {
    const target = await freshInstallation("postgres");
    try {
      const steps = new Set<string>();
      const report = await copyDatabase({
        source: ctx.database,
        target: target.database,
        scratchDir: ctx.config.dataDir,
        onProgress: (p) => steps.add(p.step),
      });
      expect(report.mismatches).toEqual([]);
      expect(report.schemaVersion).toBe(MIGRATION_NAMES.at(-1));
      const counts = await tableCounts(ctx.database);
      expect(Object.fromEntries(report.tables.map((t) => [t.name, t.rows]))).toEqual(counts);
      expect(await tableCounts(target.database)).toEqual(counts);
      expect(await schemaVersionOf(target.database.db)).toBe(MIGRATION_NAMES.at(-1));
      expect([...steps]).toEqual(["write", "verify", "files"]);

      for (const table of ["organisation", "agreement", "document", "picture"]) {
        expect(await rowsOf(target.database.db, table), table).toEqual(await rowsOf(ctx.database.db, table));
      }
      // The uploaded files went with the rows into the target's own store, byte for byte.
      const keys = await namedFiles();
      expect(keys.length).toBeGreaterThanOrEqual(4);
      expect(report).toMatchObject({ files: keys.length, missingFiles: [] });
      expect(target.files.kind).toBe("database");
      for (const key of keys) {
        const [before, after] = await Promise.all([readStored(ctx.services.files, key), readStored(target.files, key)]);
        expect(before && after?.equals(before), key).toBe(true);
      }
      // Search works on the target straight away: its engine indexed the documents as they came.
      const search = createSearchIndex("postgres");
      expect(await search.ranked(target.database.db, "agreement", "metropole", 10)).not.toEqual([]);
    } finally {
      await target.close();
    }
  }, 120_000);

  it("leaves the files where they are with FILE_STORE=disk, for both installations to share DATA_DIR", async () => {
    const target = await freshInstallation("postgres");
    try {
      const report = await copyDatabase({
        source: ctx.database,
        target: target.database,
        scratchDir: ctx.config.dataDir,
        fileStore: "disk",
      });
      expect(report).toMatchObject({ mismatches: [], files: 0, missingFiles: [] });
      expect(await rowsOf(target.database.db, "document")).toEqual(await rowsOf(ctx.database.db, "document"));
      const stored = await target.database.db.selectFrom("stored_file").select("key").execute();
      expect(stored).toEqual([]);
    } finally {
      await target.close();
    }
  }, 120_000);

  it("copies what the source still has and names a file it lost, without a difference", async () => {
    const [document] = await rowsOf(ctx.database.db, "document");
    if (!document) throw new Error("no document to lose");
    const [lost] = uploadsOf("document", document);
    if (!lost) throw new Error("no file named");
    const bytes = await readStored(ctx.services.files, lost);
    await ctx.services.files.delete([lost]);
    const target = await freshInstallation("postgres");
    try {
      const report = await copyDatabase({
        source: ctx.database,
        target: target.database,
        scratchDir: ctx.config.dataDir,
      });
      expect(report).toMatchObject({ mismatches: [], missingFiles: [lost] });
      expect(report.files).toBe((await namedFiles()).length - 1);
      expect(await target.files.exists(lost)).toBe(false);
    } finally {
      await target.close();
      if (bytes) await ctx.services.files.put(lost, bytes);
    }
  }, 120_000);

  it("refuses a target that already holds data and leaves it as it was", async () => {
    const target = await freshInstallation("postgres");
    try {
      await copyDatabase({ source: ctx.database, target: target.database, scratchDir: ctx.config.dataDir });
      const before = await tableCounts(target.database);
      const err = await copyDatabase({
        source: ctx.database,
        target: target.database,
        scratchDir: ctx.config.dataDir,
      }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe("conflict");
      expect((err as AppError).message).toMatch(/^The target database already holds data \(in /);
      expect(await tableCounts(target.database)).toEqual(before);
    } finally {
      await target.close();
    }
  }, 120_000);

  it("refuses to copy an installation onto its own database", async () => {
    const err = await copyDatabase({
      source: ctx.database,
      target: ctx.database,
      scratchDir: ctx.config.dataDir,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toBe("The target is this installation's own database.");
  });
});
