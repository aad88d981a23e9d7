import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#db/connection.js";
import { migrateTo, migrateToLatest } from "#db/migrate.js";
import { emptyTestDatabase } from "#test/harness.js";

/** Identifiers stored as "other" with their system's name before migration 022 take their own scheme. */
let database: Database;
let close: () => Promise<void> = async () => {};
const NOW = "2026-01-01T00:00:00.000Z";

beforeAll(async () => {
  const opened = await emptyTestDatabase("m022");
  database = opened.database;
  close = opened.close;
  await migrateTo(database.db, "021-ewp-agreements");
  const db = database.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  await db
    .insertInto("organisation")
    .values({
      id: "org-1",
      kind: "university",
      name: "Kyushu Institute of Technology",
      sort_name: "kyushu institute of technology",
      names: "[]",
      visibility: "internal",
      created_at: NOW,
      updated_at: NOW,
    })
    .execute();
  await db
    .insertInto("organisation_identifier")
    .values([
      { organisation_id: "org-1", scheme: "other", value: "FundRef 501100017170", unique_value: null },
      { organisation_id: "org-1", scheme: "other", value: "OrgRef 1139432", unique_value: null },
      { organisation_id: "org-1", scheme: "other", value: "Internal code 7", unique_value: null },
    ])
    .execute();
  await db
    .insertInto("registry_entry")
    .values({
      id: "https://ror.org/02278tr80",
      name: "Kyushu Institute of Technology",
      names: "[]",
      kind: "university",
      identifiers: JSON.stringify([
        { scheme: "grid", value: "grid.258806.1" },
        { scheme: "other", value: "UKPRN 10007785" },
      ]),
      source: "ror",
    })
    .execute();
  await migrateToLatest(database.db);
}, 60_000);
afterAll(() => close());

describe("migration 022", () => {
  it("gives FundRef, OrgRef and the UK's codes their own scheme on partners and registry entries, and leaves other identifiers", async () => {
    const ids = await database.db
      .selectFrom("organisation_identifier")
      .select(["scheme", "value"])
      .orderBy("scheme")
      .orderBy("value")
      .execute();
    expect(ids).toEqual([
      { scheme: "fundref", value: "501100017170" },
      { scheme: "orgref", value: "1139432" },
      { scheme: "other", value: "Internal code 7" },
    ]);
    const entry = await database.db.selectFrom("registry_entry").select("identifiers").executeTakeFirstOrThrow();
    expect(JSON.parse(entry.identifiers)).toEqual([
      { scheme: "grid", value: "grid.258806.1" },
      { scheme: "ukprn", value: "10007785" },
    ]);
  });
});
