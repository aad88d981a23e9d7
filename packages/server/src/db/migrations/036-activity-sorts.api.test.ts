import { foldText } from "@conventio/domain";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#db/connection.js";
import { migrateTo, migrateToLatest } from "#db/migrate.js";
import { emptyTestDatabase } from "#test/harness.js";

/** Activities recorded before migration 036 get their title key, across more than one batch. */
let database: Database;
let close: () => Promise<void> = async () => {};

const TITLES = ["Étude des matériaux", "Summer school in Nancy", "Ørestad field trip", "Åbo seminar"];
const COUNT = 1_203;

beforeAll(async () => {
  const opened = await emptyTestDatabase("m036");
  database = opened.database;
  close = opened.close;
  await migrateTo(database.db, "035-person-sorts");
  const db = database.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  const rows = Array.from({ length: COUNT }, (_, i) => ({
    id: `act-${String(i).padStart(5, "0")}`,
    kind: "seminar",
    title: `${TITLES[i % TITLES.length]} ${i}`,
    status: "completed",
    sort_key: "2024-01-01",
    laboratories: "[]",
    created_at: "2024-01-01T00:00:00.000Z",
    updated_at: "2024-01-01T00:00:00.000Z",
  }));
  for (let i = 0; i < rows.length; i += 300)
    await db
      .insertInto("activity")
      .values(rows.slice(i, i + 300))
      .execute();
  await migrateToLatest(database.db);
}, 60_000);
afterAll(() => close());

describe("migration 036 on activities recorded before it", () => {
  it("gives every activity its folded title as its sort key", async () => {
    const rows = await database.db.selectFrom("activity").select(["id", "title", "sort_title"]).orderBy("id").execute();
    expect(rows).toHaveLength(COUNT);
    expect(rows.filter((r) => r.sort_title !== foldText(r.title))).toEqual([]);
    expect(rows.slice(0, 4).map((r) => r.sort_title)).toEqual([
      "etude des materiaux 0",
      "summer school in nancy 1",
      "orestad field trip 2",
      "abo seminar 3",
    ]);
  });
});
