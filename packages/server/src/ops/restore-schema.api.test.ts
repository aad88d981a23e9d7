import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import * as tar from "tar";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATION_NAMES, migrateTo, migrateToLatest } from "#db/migrate.js";
import { AppError } from "#shared/app-error.js";
import { ENGINE } from "#test/harness.js";
import { createBackup } from "./backup.js";
import type { BackupManifest } from "./manifest.js";
import { restoreBackup } from "./restore.js";
import { freshInstallation, type Installation } from "./test-installations.js";

/** The last schema before people consented to be named apart from being a public contact. */
const OLDER = "016-dates-as-written";
let work: string;
let older: Installation;
let archive: string;
let manifest: BackupManifest;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "conventio-schema-"));
  older = await freshInstallation(ENGINE);
  await migrateTo(older.database.db, OLDER);
  const now = "2024-05-02T10:00:00.000Z";
  const person = (id: string, family: string, publicContact: number) => ({
    id,
    given_name: "Anna",
    family_name: family,
    sort_name: `${family.toLowerCase()} anna`,
    languages: "[]",
    public_contact: publicContact,
    created_at: now,
    updated_at: now,
  });
  await sql`insert into person (id, given_name, family_name, sort_name, languages, public_contact, created_at, updated_at)
    values ${sql.join(
      [
        person("0190a000-0000-7000-8000-000000000001", "Lindqvist", 1),
        person("0190a000-0000-7000-8000-000000000002", "Berg", 0),
      ].map(
        (p) =>
          sql`(${p.id}, ${p.given_name}, ${p.family_name}, ${p.sort_name}, ${p.languages}, ${p.public_contact}, ${p.created_at}, ${p.updated_at})`,
      ),
    )}`.execute(older.database.db);
  const result = await createBackup({ database: older.database, dataDir: older.dataDir, file: work });
  archive = result.file;
  manifest = result.manifest;
}, 60_000);

afterAll(async () => {
  await older.close();
  rmSync(work, { recursive: true, force: true });
});

/** The archive with its manifest changed, packed again. */
async function withManifest(change: (m: BackupManifest) => BackupManifest): Promise<string> {
  const dir = mkdtempSync(join(work, "changed-"));
  await tar.x({ file: archive, cwd: dir });
  const m = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as BackupManifest;
  writeFileSync(join(dir, "manifest.json"), JSON.stringify(change(m)));
  const file = join(dir, "changed.tar.gz");
  await tar.c({ gzip: true, file, cwd: dir }, ["manifest.json", ...m.tables.map((t) => t.file)]);
  return file;
}

describe("restoring a backup of an older schema", () => {
  it("loads the rows at the archive's schema, then applies the later migrations to them", async () => {
    expect(manifest.schemaVersion).toBe(OLDER);
    expect(manifest.tables.find((t) => t.name === "person")?.columns).not.toContain("named_in_public");
    const target = await freshInstallation(ENGINE);
    try {
      const report = await restoreBackup({ database: target.database, dataDir: target.dataDir, file: archive });
      expect(report).toMatchObject({ restored: true, mismatches: [] });
      expect(report.upgradedWith).toEqual(MIGRATION_NAMES.slice(MIGRATION_NAMES.indexOf(OLDER) + 1));
      // Migration 017 ran on the restored rows: the public contact is now named in public, the other is not.
      const people = await target.database.db
        .selectFrom("person")
        .select(["family_name", "named_in_public"])
        .orderBy("family_name")
        .execute();
      expect(people).toEqual([
        { family_name: "Berg", named_in_public: 0 },
        { family_name: "Lindqvist", named_in_public: 1 },
      ]);
    } finally {
      await target.close();
    }
  });

  it("refuses a target already set up at a newer schema, and leaves it empty", async () => {
    const target = await freshInstallation(ENGINE);
    try {
      await migrateToLatest(target.database.db);
      const err = await restoreBackup({ database: target.database, dataDir: target.dataDir, file: archive }).catch(
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe("conflict");
      expect((err as AppError).message).toBe(
        `The target database is at schema ${MIGRATION_NAMES.at(-1)}, newer than ${OLDER}; use a database that has not been set up yet.`,
      );
    } finally {
      await target.close();
    }
  });

  it("refuses an archive written by a newer Conventio, before creating any table", async () => {
    const future = await withManifest((m) => ({ ...m, schemaVersion: "999-from-a-later-version" }));
    const target = await freshInstallation(ENGINE);
    try {
      const err = await restoreBackup({ database: target.database, dataDir: target.dataDir, file: future }).catch(
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).status).toBe(422);
      expect((err as AppError).message).toBe(
        "These rows were written by a newer Conventio (schema 999-from-a-later-version); upgrade Conventio first.",
      );
      const tables =
        target.database.dialect === "sqlite"
          ? await sql`select name from sqlite_master where type = 'table'`.execute(target.database.db)
          : await sql`select tablename from pg_tables where schemaname = current_schema()`.execute(target.database.db);
      expect(tables.rows).toEqual([]);
    } finally {
      await target.close();
    }
  });

  it("refuses a manifest that does not say what a backup's manifest says", async () => {
    const odd = await withManifest(
      (m) => ({ ...m, tables: [{ name: "../person", rows: -1 }] }) as unknown as BackupManifest,
    );
    const target = await freshInstallation(ENGINE);
    try {
      const err = await restoreBackup({ database: target.database, dataDir: target.dataDir, file: odd }).catch(
        (e: unknown) => e,
      );
      expect((err as AppError).message).toBe("This file is not a Conventio backup.");
    } finally {
      await target.close();
    }
  });
});
