import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as tar from "tar";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATION_NAMES } from "#db/migrate.js";
import { createSearchIndex, type SearchEntity } from "#db/search-index.js";
import { loadDemoData } from "#db/seed/demo.js";
import { readBundledRegistry } from "#modules/registry/bundled-registry.js";
import { AppError } from "#shared/app-error.js";
import { createTestContext, ENGINE, type TestContext } from "#test/harness.js";
import { readStored } from "#test/kept-files.js";
import { createBackup } from "./backup.js";
import type { BackupManifest } from "./manifest.js";
import { restoreBackup } from "./restore.js";
import { freshInstallation, type Installation, rowsOf, tableCounts, uploadFiles } from "./test-installations.js";

let ctx: TestContext;
let work: string;
let archive: string;
let manifest: BackupManifest;
let counts: Record<string, number>;
const OTHER = ENGINE === "sqlite" ? "postgres" : "sqlite";

const sha256 = (buffer: Buffer) => createHash("sha256").update(buffer).digest("hex");

/** Table rows compared field by field across installations. */
const KEY_TABLES = ["organisation", "person", "agreement", "agreement_party", "document", "picture", "app_user"];
const orderOf = (table: string) => (table === "agreement_party" ? "agreement_id" : "id");

beforeAll(async () => {
  ctx = await createTestContext();
  await ctx.services.registry.loadRegistry(readBundledRegistry());
  await loadDemoData(ctx.services);
  await ctx.services.accounts.createUserAsOperator({
    email: "office@example.org",
    name: "Partnership office",
    role: "admin",
    password: "correct horse battery staple",
  });
  const mel = await ctx.database.db
    .selectFrom("agreement")
    .select("id")
    .where("title", "like", "%Métropole%")
    .orderBy("id")
    .executeTakeFirstOrThrow();
  await uploadFiles(ctx, mel.id);
  work = mkdtempSync(join(tmpdir(), "conventio-backup-test-"));
  const result = await createBackup({ database: ctx.database, dataDir: ctx.config.dataDir, file: work });
  archive = result.file;
  manifest = result.manifest;
  counts = await tableCounts(ctx.database);
}, 180_000);

afterAll(async () => {
  await ctx.close();
  rmSync(work, { recursive: true, force: true });
});

async function restoredInto(engine: "sqlite" | "postgres", file = archive) {
  const target = await freshInstallation(engine);
  const report = await restoreBackup({ database: target.database, dataDir: target.dataDir, file });
  return { target, report };
}

async function expectSameInstallation(target: Installation) {
  expect(await tableCounts(target.database)).toEqual(counts);
  for (const table of KEY_TABLES) {
    const [before, after] = await Promise.all([
      rowsOf(ctx.database.db, table, orderOf(table)),
      rowsOf(target.database.db, table, orderOf(table)),
    ]);
    expect(after.length, table).toBeGreaterThan(0);
    // The same order may differ in ties (agreement_party by agreement): compare as sorted JSON.
    const canonical = (rows: Array<Record<string, unknown>>) => rows.map((r) => JSON.stringify(r)).sort();
    expect(canonical(after), table).toEqual(canonical(before));
  }
  for (const f of manifest.files) {
    const [before, after] = await Promise.all([
      readStored(ctx.services.files, f.path),
      readStored(target.files, f.path),
    ]);
    expect(before && after?.equals(before), f.path).toBe(true);
  }
  // Search answers the same: the documents came with the rows and each engine indexed them.
  const search = { before: createSearchIndex(ctx.database.dialect), after: createSearchIndex(target.database.dialect) };
  const queries: Array<[SearchEntity, string]> = [
    ["agreement", "metropole lille"],
    ["agreement_public", "kyushu"],
    ["organisation", "lille"],
    ["person", "oussous"],
    ["registry", "universite"],
  ];
  for (const [entity, q] of queries) {
    const before = await search.before.ranked(ctx.database.db, entity, q, 5000);
    const after = await search.after.ranked(target.database.db, entity, q, 5000);
    expect(before.length, `${entity} ${q}`).toBeGreaterThan(0);
    expect([...after].sort(), `${entity} ${q}`).toEqual([...before].sort());
  }
}

describe("backup", () => {
  it("writes one archive: the manifest first, every table as JSON lines and the uploaded files", async () => {
    const entries: string[] = [];
    await tar.t({ file: archive, onReadEntry: (e) => entries.push(e.path) });
    expect(entries[0]).toBe("manifest.json");
    expect(entries).toEqual([
      "manifest.json",
      ...manifest.tables.map((t) => t.file),
      ...manifest.files.map((f) => f.path),
    ]);
    expect(manifest).toMatchObject({
      format: "conventio-backup",
      conventioVersion: "0.1.0",
      schemaVersion: MIGRATION_NAMES.at(-1),
      engine: ENGINE,
      missingFiles: [],
    });
  });

  it("counts every table's rows as the database holds them, in an order where references come first", () => {
    expect(Object.fromEntries(manifest.tables.map((t) => [t.name, t.rows]))).toEqual(counts);
    expect(counts.registry_entry).toBeGreaterThan(17_000);
    const order = manifest.tables.map((t) => t.name);
    for (const [table, before] of [
      ["organisation", "agreement_party"],
      ["agreement", "agreement_party"],
      ["app_user", "user_session"],
      ["governance_body", "meeting"],
      ["meeting", "action_item"],
      ["news_post", "news_comment"],
    ] as const) {
      expect(order.indexOf(table), `${table} before ${before}`).toBeLessThan(order.indexOf(before));
    }
    // The engine's own numbering of search documents is not carried: the target numbers them.
    expect(manifest.tables.find((t) => t.name === "search_document")?.columns).toEqual(["entity", "entity_id", "body"]);
  });

  it("holds a checksum of every table and every uploaded file, the document and both sizes of each picture", async () => {
    const dir = mkdtempSync(join(work, "x-"));
    await tar.x({ file: archive, cwd: dir });
    for (const t of manifest.tables) expect(sha256(readFileSync(join(dir, t.file))), t.name).toBe(t.sha256);
    for (const f of manifest.files) {
      const stored = (await readStored(ctx.services.files, f.path)) ?? Buffer.alloc(0);
      expect(sha256(stored), f.path).toBe(f.sha256);
      expect(f.size).toBe(stored.length);
      // The archive holds the file as stored, whichever store keeps it.
      expect(readFileSync(join(dir, f.path)).equals(stored), f.path).toBe(true);
    }
    expect(manifest.files.filter((f) => f.path.startsWith("files/"))).toHaveLength(counts.document ?? 0);
    expect(manifest.files.filter((f) => f.path.startsWith("pictures/"))).toHaveLength(3 * (counts.picture ?? 0));
    const line = readFileSync(join(dir, "tables/agreement.jsonl"), "utf8").split("\n")[0] ?? "";
    expect(Object.keys(JSON.parse(line))).toEqual(manifest.tables.find((t) => t.name === "agreement")?.columns);
  });
});

describe("restore", () => {
  it("fills a fresh installation of the same engine: the same counts, rows, files and search answers", async () => {
    const { target, report } = await restoredInto(ENGINE);
    try {
      expect(report).toMatchObject({ restored: true, mismatches: [], upgradedWith: [] });
      expect(report.files).toBe(manifest.files.length);
      await expectSameInstallation(target);
    } finally {
      await target.close();
    }
  }, 120_000);

  it(`fills a fresh installation of the other engine (${OTHER}) the same way`, async () => {
    const { target, report } = await restoredInto(OTHER);
    try {
      expect(report).toMatchObject({ restored: true, mismatches: [] });
      await expectSameInstallation(target);
    } finally {
      await target.close();
    }
  }, 120_000);

  it("refuses an installation that already holds data, naming the tables, and changes nothing", async () => {
    const before = await tableCounts(ctx.database);
    const err = await restoreBackup({ database: ctx.database, dataDir: ctx.config.dataDir, file: archive }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("conflict");
    expect((err as AppError).message).toMatch(/already holds data \(in .*agreement/);
    expect(await tableCounts(ctx.database)).toEqual(before);
  });

  it("detects a changed file and a changed row in a tampered archive, and writes nothing", async () => {
    const dir = mkdtempSync(join(work, "tampered-"));
    await tar.x({ file: archive, cwd: dir });
    const doc = manifest.files.find((f) => f.path.startsWith("files/"));
    if (!doc) throw new Error("no document in the archive");
    const bytes = readFileSync(join(dir, doc.path));
    bytes[20] = (bytes[20] ?? 0) ^ 0xff;
    writeFileSync(join(dir, doc.path), bytes);
    const people = join(dir, "tables/person.jsonl");
    writeFileSync(people, readFileSync(people, "utf8").replace("Oussous", "Oussou5"));
    const tampered = join(work, "tampered.tar.gz");
    await tar.c({ gzip: true, file: tampered, cwd: dir, portable: true }, [
      "manifest.json",
      ...manifest.tables.map((t) => t.file),
      ...manifest.files.map((f) => f.path),
    ]);

    const { target, report } = await restoredInto(ENGINE, tampered);
    try {
      expect(report.restored).toBe(false);
      expect(report.mismatches.map((m) => [m.kind, m.name])).toEqual([
        ["table", "person"],
        ["file", doc.path],
      ]);
      expect(report.mismatches[1]).toMatchObject({ expected: doc.sha256, found: sha256(bytes) });
      expect(Object.values(await tableCounts(target.database)).every((n) => n === 0)).toBe(true);
    } finally {
      await target.close();
    }
  });

  it("refuses a file that is not a backup, naming the file", async () => {
    const junk = join(work, "junk.tar.gz");
    writeFileSync(junk, "not an archive at all");
    const target = await freshInstallation(ENGINE);
    try {
      const err = await restoreBackup({ database: target.database, dataDir: target.dataDir, file: junk }).catch(
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).status).toBe(422);
      expect((err as AppError).details.errors?.[0]).toMatchObject({ field: "file" });
    } finally {
      await target.close();
    }
  });
});
