import { readFileSync } from "node:fs";
import { join } from "node:path";
import { normaliseErasmusCode } from "@conventio/domain";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "#test/harness.js";
import { readRorRecords } from "./ror-file.js";

/**
 * The whole charter list (5,912 rows) and the whole crosswalk, over a registry holding the ROR
 * records the crosswalk names (a slice of the all-types file: 1,629 records).
 */
const DATA = join(import.meta.dirname, "../../../../../../shared/data");
const ECHE = join(DATA, "eche-holders-2024-06.csv");
const CROSSWALK = join(DATA, "eche-ror-crosswalk.csv");
const actor = { kind: "public" } as const;

type Row = Record<string, string>;
const eche = parse(readFileSync(ECHE), { columns: true, bom: true }) as Row[];
const crosswalk = parse(readFileSync(CROSSWALK), { columns: true, bom: true }) as Row[];
const rorIds = new Set(crosswalk.map((r) => r.ror_id));
const code = (raw: string | undefined) => {
  const n = normaliseErasmusCode(raw ?? "");
  return n.ok ? n.value : "";
};

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
  async function* records() {
    for await (const record of readRorRecords(join(DATA, "ror-records-all-types.jsonl.gz"))) {
      if (rorIds.has(String(record.id))) yield record;
    }
  }
  const loaded = await ctx.services.registry.refreshFromRor(records());
  expect(loaded.created).toBe(rorIds.size);
}, 120_000);
afterAll(() => ctx.close());

describe("the Erasmus charter list into the registry", () => {
  it("accounts for every row: merged with the ROR entry the crosswalk names, or imported on its own", async () => {
    const r = await ctx.services.registry.importEcheFile(actor, ECHE, { into: "registry", crosswalk: CROSSWALK });
    expect(eche).toHaveLength(5912);
    // One Erasmus code per ROR entry: where sister entities share one, the first matched on its own website wins.
    expect(r).toMatchObject({ rows: 5912, skipped: 0, merged: rorIds.size, imported: 5912 - rorIds.size });
    expect(r).toMatchObject({ created: 5912 - rorIds.size, updated: rorIds.size, unchanged: 0 });
    expect(r.imported + r.merged + r.skipped).toBe(r.rows);
  });

  it("reads Greece's EL as GR and #N/A as no OID, so no row is refused for them", async () => {
    const greek = eche.filter((r) => r.country_code === "EL").map((r) => code(r.erasmus_code));
    expect(greek).toHaveLength(32);
    const rows = await ctx.database.db
      .selectFrom("registry_entry")
      .select(["country_code", "oid"])
      .where("erasmus_code", "in", greek)
      .execute();
    expect(rows).toHaveLength(32);
    expect(new Set(rows.map((x) => x.country_code))).toEqual(new Set(["GR"]));
    const noOid = await ctx.database.db
      .selectFrom("registry_entry")
      .select((eb) => eb.fn.countAll<string | number>().as("n"))
      .where("erasmus_code", "is not", null)
      .where("oid", "is", null)
      .executeTakeFirstOrThrow();
    expect(Number(noOid.n)).toBe(eche.filter((r) => r.oid === "#N/A").length);
  });

  it("puts Lille's code on its ROR entry, whose description stays ROR's", async () => {
    const lille = await ctx.database.db
      .selectFrom("registry_entry")
      .selectAll()
      .where("id", "=", "https://ror.org/02kzqn938")
      .executeTakeFirstOrThrow();
    expect(lille).toMatchObject({
      name: "Université de Lille",
      erasmus_code: "F  LILLE103",
      pic: "888146648",
      source: "ror+eche",
    });
  });

  it("changes nothing the second time: every row unchanged", async () => {
    const r = await ctx.services.registry.importEcheFile(actor, ECHE, { into: "registry", crosswalk: CROSSWALK });
    expect(r).toMatchObject({ rows: 5912, created: 0, updated: 0, unchanged: 5912, skipped: 0 });
  });

  it("refuses a file that is not a charter list, naming the missing column", async () => {
    await expect(ctx.services.registry.importEcheFile(actor, CROSSWALK, { into: "registry" })).rejects.toMatchObject({
      code: "validation_failed",
      details: { params: { column: "legal_name" } },
    });
  });
});

describe("the Erasmus charter list as partner organisations", () => {
  it("merges rows into partners holding their ROR id, creates the others, and changes nothing the second time", async () => {
    const someRor = [...rorIds].slice(0, 10);
    const records = (async function* () {
      for await (const record of readRorRecords(join(DATA, "ror-records-all-types.jsonl.gz"))) {
        if (someRor.includes(String(record.id))) yield record;
      }
    })();
    expect((await ctx.services.registry.importRorOrganisations(actor, records)).created).toBe(10);
    const r = await ctx.services.registry.importEcheFile(actor, ECHE, { into: "organisations", crosswalk: CROSSWALK });
    expect(r).toMatchObject({ rows: 5912, skipped: 0, merged: 10, updated: 10, created: 5902, unchanged: 0 });
    const again = await ctx.services.registry.importEcheFile(actor, ECHE, {
      into: "organisations",
      crosswalk: CROSSWALK,
    });
    expect(again).toMatchObject({ rows: 5912, created: 0, updated: 0, merged: 0, unchanged: 5912 });
    const athens = await ctx.database.db
      .selectFrom("organisation_identifier as i")
      .innerJoin("organisation as o", "o.id", "i.organisation_id")
      .select(["o.country_code"])
      .where("i.scheme", "=", "erasmus")
      .where("i.value", "like", "G  %")
      .execute();
    expect(athens).toHaveLength(32);
    expect(new Set(athens.map((a) => a.country_code))).toEqual(new Set(["GR"]));
  });
});
