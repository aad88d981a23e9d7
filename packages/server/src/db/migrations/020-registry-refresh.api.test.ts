import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "#config.js";
import type { Database } from "#db/connection.js";
import { migrateTo, migrateToLatest } from "#db/migrate.js";
import { createLogger } from "#shared/logger.js";
import { emptyTestDatabase } from "#test/harness.js";
import { createServices } from "../../services.js";

/** A registry loaded before migration 020 keeps its charter codes through the next ROR refresh. */
let database: Database;
let close: () => Promise<void> = async () => {};

const row = (over: Record<string, unknown>) => ({
  names: "[]",
  acronym: null,
  kind: "university",
  country_code: "FR",
  city: "Lille",
  lat: null,
  lng: null,
  website: "https://www.univ-lille.fr",
  ror_id: null,
  erasmus_code: null,
  pic: null,
  oid: null,
  identifiers: "[]",
  ...over,
});

beforeAll(async () => {
  const opened = await emptyTestDatabase("m020");
  database = opened.database;
  close = opened.close;
  await migrateTo(database.db, "019-import-mappings");
  const db = database.db as unknown as import("kysely").Kysely<Record<string, Record<string, unknown>>>;
  await db
    .insertInto("registry_entry")
    .values([
      row({
        id: "https://ror.org/02kzqn938",
        name: "Université de Lille",
        ror_id: "https://ror.org/02kzqn938",
        erasmus_code: "F  LILLE103",
        pic: "888146648",
        source: "ror+eche",
      }),
      row({ id: "eche:F__LILLE101", name: "ÉCOLE CENTRALE DE LILLE", erasmus_code: "F  LILLE101", source: "eche" }),
    ])
    .execute();
  await migrateToLatest(database.db);
}, 60_000);
afterAll(() => close());

describe("migration 020 on a registry loaded before it", () => {
  it("folds names for search and keeps what the charter list said", async () => {
    const rows = await database.db.selectFrom("registry_entry").selectAll().orderBy("id").execute();
    expect(rows.map((r) => [r.match_name, r.status, r.relationships])).toEqual([
      ["ecole centrale de lille", "active", "[]"],
      ["universite de lille", "active", "[]"],
    ]);
    expect(JSON.parse(rows[1]?.eche_record ?? "null")).toMatchObject({ erasmusCode: "F  LILLE103", pic: "888146648" });
  });

  it("lets a ROR refresh update the description without losing the Erasmus code", async () => {
    const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent" });
    const services = createServices(database, config, createLogger(config));
    const report = await services.registry.refreshFromRor(
      (async function* () {
        yield { id: "https://ror.org/02kzqn938", name: "University of Lille", types: ["education"], status: "active" };
      })(),
    );
    expect(report).toMatchObject({ rows: 1, updated: 1, merged: 1 });
    const lille = await database.db
      .selectFrom("registry_entry")
      .selectAll()
      .where("id", "=", "https://ror.org/02kzqn938")
      .executeTakeFirstOrThrow();
    expect(lille).toMatchObject({ name: "University of Lille", erasmus_code: "F  LILLE103", pic: "888146648" });
  });
});
