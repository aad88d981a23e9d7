import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATION_NAMES } from "#db/migrate.js";
import { createSearchIndex } from "#db/search-index.js";
import { loadDemoData } from "#db/seed/demo.js";
import { AppError } from "#shared/app-error.js";
import { createTestContext, ENGINE, type TestContext } from "#test/harness.js";
import { copyDatabase } from "./copy.js";
import { schemaVersionOf } from "./snapshot.js";
import { freshInstallation, rowsOf, tableCounts, uploadFiles } from "./test-installations.js";

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
  await loadDemoData(ctx.services);
  const first = await ctx.database.db.selectFrom("agreement").select("id").orderBy("id").executeTakeFirstOrThrow();
  await uploadFiles(ctx, first.id);
}, 120_000);
afterAll(() => ctx.close());

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
      expect([...steps]).toEqual(["write", "verify"]);

      for (const table of ["organisation", "agreement", "document", "picture"]) {
        expect(await rowsOf(target.database.db, table), table).toEqual(await rowsOf(ctx.database.db, table));
      }
      // Search works on the target straight away: its engine indexed the documents as they came.
      const search = createSearchIndex("postgres");
      expect(await search.ranked(target.database.db, "agreement", "metropole", 10)).not.toEqual([]);
    } finally {
      await target.close();
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
