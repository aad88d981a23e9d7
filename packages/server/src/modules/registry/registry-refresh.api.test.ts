import { join } from "node:path";
import type { RegistryEntryView } from "@conventio/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type Session, signedIn, type TestContext } from "#test/harness.js";
import { readBundledRegistry } from "./bundled-registry.js";
import type { RegistryImport } from "./registry-import.js";
import { readRorRecords } from "./ror-file.js";
import type { IndexedCandidate } from "./ror-record.js";

/**
 * A refresh from a newer ROR dump, on a slice of the real files: the bundled registry's French
 * and Greek entries, then every French record of the all-types file (4,604, education and
 * otherwise) as a "newer dump" in which three records changed.
 */
const ALL_TYPES = join(import.meta.dirname, "../../../../../../shared/data/ror-records-all-types.jsonl.gz");
const LILLE = "https://ror.org/02kzqn938";
const ENSAIT = "https://ror.org/0002cnv45";
const AUDENCIA = "https://ror.org/000axn811";
const LILLE_1 = "https://ror.org/040hwdc70";
const LILLE_2 = "https://ror.org/012y58k53";
const LILLE_MANAGEMENT = "https://ror.org/02hkbys70";

let ctx: TestContext;
let editor: Session;
const bundled = new Map<string, IndexedCandidate>();
const newer: Array<Record<string, unknown>> = [];
let first: RegistryImport;

type Ids = Record<string, { preferred: string | null; all: string[] }>;

/** The three changes of the "newer" dump. */
function changed(record: Record<string, unknown>): Record<string, unknown> {
  const ids = record.external_ids as Ids;
  if (record.id === LILLE) {
    const names = (record.names as Array<{ value: string; types: string[] }>).map((n) =>
      n.types.includes("ror_display") ? { ...n, value: "Université de Lille (ULille)" } : n,
    );
    return { ...record, name: "Université de Lille (ULille)", names };
  }
  if (record.id === ENSAIT) {
    return { ...record, status: "inactive", relationships: [{ type: "successor", id: LILLE, label: "Lille" }] };
  }
  if (record.id === AUDENCIA) {
    return {
      ...record,
      external_ids: {
        ...ids,
        fundref: { preferred: "501100017170", all: ["501100017170"] },
        grid: { preferred: "grid.462031.3", all: ["grid.462031.3"] },
        wikidata: { preferred: "Q1968396", all: ["Q1968396"] },
      },
    };
  }
  return record;
}

const entry = async (id: string): Promise<Record<string, unknown> | undefined> =>
  ctx.database.db.selectFrom("registry_entry").selectAll().where("id", "=", id).executeTakeFirst();

const codes = async () =>
  new Map(
    (
      await ctx.database.db
        .selectFrom("registry_entry")
        .select(["id", "erasmus_code", "pic", "oid"])
        .where("erasmus_code", "is not", null)
        .execute()
    ).map((r) => [r.id, `${r.erasmus_code}|${r.pic}|${r.oid}`]),
  );

const find = async (q: string): Promise<RegistryEntryView[]> =>
  (
    await ctx.app.inject({
      method: "GET",
      url: `/api/registry?q=${encodeURIComponent(q)}&limit=50`,
      headers: editor.headers,
    })
  ).json().items;

let codesBefore: Map<string, string>;

beforeAll(async () => {
  ctx = await createTestContext();
  editor = await signedIn(ctx, "editor");
  for await (const c of readBundledRegistry()) {
    if (c.countryCode === "FR" || c.countryCode === "GR") bundled.set(c.id, c);
  }
  await ctx.services.registry.loadRegistry(bundled.values());
  codesBefore = await codes();
  for await (const record of readRorRecords(ALL_TYPES)) {
    if (record.country_code === "FR") newer.push(changed(record));
  }
  first = await ctx.services.registry.refreshFromRor(
    (async function* () {
      yield* newer;
    })(),
  );
}, 120_000);
afterAll(() => ctx.close());

describe("refreshing the registry from a newer ROR dump", () => {
  it("accounts for every record: new ones created, the three changed updated, the rest unchanged", () => {
    const known = newer.filter((r) => bundled.has(String(r.id))).length;
    expect(first).toMatchObject({
      rows: 4604,
      skipped: 0,
      created: 4604 - known,
      updated: 3,
      unchanged: known - 3,
      withdrawn: 59,
      inactive: 312,
    });
    expect(first.imported + first.merged + first.skipped).toBe(first.rows);
    expect(first.merged).toBe(newer.filter((r) => bundled.get(String(r.id))?.erasmusCode).length);
  });

  it("keeps the Erasmus code, PIC and OID of every entry merged from the charter list", async () => {
    expect(codesBefore.size).toBeGreaterThan(1500);
    expect(await codes()).toEqual(codesBefore);
    expect(await entry(LILLE)).toMatchObject({
      name: "Université de Lille (ULille)",
      erasmus_code: "F  LILLE103",
      pic: "888146648",
      source: "ror+eche",
    });
  });

  it("updates the status and every identifier, FundRef, GRID, ISNI and Wikidata included", async () => {
    expect(await entry(ENSAIT)).toMatchObject({
      status: "inactive",
      successor_ror_id: LILLE,
      erasmus_code: "F  ROUBAIX03",
    });
    const audencia = await entry(AUDENCIA);
    expect(JSON.parse(String(audencia?.identifiers))).toEqual([
      { scheme: "grid", value: "grid.462031.3" },
      { scheme: "isni", value: "0000 0004 1798 339X" },
      { scheme: "wikidata", value: "Q1968396" },
      { scheme: "fundref", value: "501100017170" },
    ]);
    expect(audencia).toMatchObject({ erasmus_code: "F  NANTES12", pic: "945249384" });
  });

  it("flags withdrawn and inactive records with the organisation they are now known as", async () => {
    const [lille2] = await find("lille 2 droit sante");
    expect(lille2).toMatchObject({
      rorId: LILLE_2,
      status: "withdrawn",
      successor: { rorId: LILLE, id: LILLE, name: "Université de Lille (ULille)" },
    });
    const [ensait] = await find("ensait");
    expect(ensait).toMatchObject({ status: "inactive", successor: { rorId: LILLE }, erasmusCode: "F  ROUBAIX03" });
  });

  it("keeps parents: a facility of the university is one of its units", async () => {
    const [management] = await find("lille university management");
    expect(management).toMatchObject({
      rorId: LILLE_MANAGEMENT,
      kind: "unit",
      parent: { rorId: LILLE, id: LILLE, name: "Université de Lille (ULille)" },
    });
  });

  it("changes nothing the second time: every record unchanged", async () => {
    const again = await ctx.services.registry.refreshFromRor(
      (async function* () {
        yield* newer;
      })(),
    );
    expect(again).toMatchObject({ rows: 4604, created: 0, updated: 0, unchanged: 4604, skipped: 0 });
    expect(again.parentsLinked + again.successorsLinked).toBe(0);
  });
});

describe("relationships applied between partners", () => {
  const adopt = async (id: string) => {
    const res = await ctx.app.inject({
      method: "POST",
      url: `/api/registry/${encodeURIComponent(id)}/adopt`,
      headers: editor.headers,
      payload: { confirmDuplicate: true },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; kind: string };
  };
  const organisation = async (id: string) =>
    (await ctx.app.inject({ method: "GET", url: `/api/organisations/${id}`, headers: editor.headers })).json();

  it("gives units their parent and predecessors their successor, whichever is added first", async () => {
    const management = await adopt(LILLE_MANAGEMENT);
    expect(management.kind).toBe("other"); // a unit needs its parent, not a partner yet
    const lille1 = await adopt(LILLE_1);
    expect((await organisation(lille1.id)).successor).toBeNull();
    const lille = await adopt(LILLE);
    expect(await organisation(management.id)).toMatchObject({ kind: "unit", parent: { id: lille.id } });
    expect(await organisation(lille1.id)).toMatchObject({ successor: { id: lille.id } });
    const ensait = await adopt(ENSAIT);
    expect(await organisation(ensait.id)).toMatchObject({ successor: { id: lille.id } });
  });

  it("imports the dump as partners: withdrawn never, inactive when asked, relatives linked, and nothing the second time", async () => {
    const records = () =>
      (async function* () {
        yield* newer;
      })();
    const { registry } = ctx.services;
    const report = await registry.importRorOrganisations({ kind: "public" }, records(), undefined, {
      includeInactive: true,
    });
    expect(report).toMatchObject({ rows: 4604, withdrawn: 59, inactive: 312, skipped: 59, unchanged: 4 });
    expect(report.skips.every((s) => s.reason === "withdrawn")).toBe(true);
    expect(report.created).toBe(4604 - 59 - 4);
    expect(report.parentsLinked).toBeGreaterThan(1000);
    expect(report.successorsLinked).toBeGreaterThan(100);
    const lille3 = await ctx.database.db
      .selectFrom("organisation_identifier")
      .select("organisation_id")
      .where("scheme", "=", "ror")
      .where("value", "=", "https://ror.org/025b4c754")
      .executeTakeFirstOrThrow();
    expect((await organisation(lille3.organisation_id)).successor.name).toBe("Université de Lille (ULille)");
    const again = await registry.importRorOrganisations({ kind: "public" }, records(), undefined, {
      includeInactive: true,
    });
    expect(again).toMatchObject({ created: 0, unchanged: 4604 - 59, parentsLinked: 0, successorsLinked: 0 });
  });
});
