import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateAgreementInput, CreateOrganisationInput, CreatePersonInput } from "@conventio/domain";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoData } from "#db/seed/demo.js";
import { SYSTEM_ACTOR } from "#db/seed/system-actor.js";
import { createTestContext, ENGINE, type TestContext } from "#test/harness.js";
import { createBackup } from "./backup.js";
import { restoreBackup } from "./restore.js";
import { freshInstallation, tableCounts } from "./test-installations.js";

let ctx: TestContext;
let work: string;

beforeAll(async () => {
  ctx = await createTestContext();
  await loadDemoData(ctx.services);
  work = mkdtempSync(join(tmpdir(), "conventio-consistency-"));
}, 120_000);

afterAll(async () => {
  await ctx.close();
  rmSync(work, { recursive: true, force: true });
});

/**
 * One unit of work that spans tables: a partner, a person of it and an agreement with it as a
 * party, each written in its own transaction, with its search documents and audit events.
 */
async function writeOnce(n: number): Promise<void> {
  const { organisations, people, agreements } = ctx.services;
  const org = await organisations.createOrganisation(
    SYSTEM_ACTOR,
    CreateOrganisationInput.parse({
      kind: "company",
      name: `Partner under load ${n}`,
      countryCode: "SE",
      identifiers: [],
      confirmDuplicate: true,
    }),
  );
  await people.createPerson(
    SYSTEM_ACTOR,
    CreatePersonInput.parse({ givenName: "Load", familyName: `Tester ${n}`, organisationId: org.id, languages: [] }),
  );
  await agreements.createAgreement(
    SYSTEM_ACTOR,
    CreateAgreementInput.parse({
      kind: "memorandum_of_understanding",
      title: `Agreement under load ${n}`,
      parties: [{ organisationId: org.id, role: "partner" }],
    }),
  );
}

describe("a backup taken while the server writes", () => {
  it("holds one moment of the database: counts match the manifest and every reference resolves", async () => {
    const before = await tableCounts(ctx.database);
    let written = 0;
    let stop = false;
    // Each unit of work gives the event loop a turn, as requests arriving over the network do:
    // on SQLite the driver answers synchronously, and a loop of microtasks would starve the backup.
    const writer = (async () => {
      while (!stop) {
        await writeOnce(written + 1);
        written += 1;
        await new Promise((r) => setImmediate(r));
      }
    })();
    while (written < 5) await new Promise((r) => setTimeout(r, 10));
    const { manifest, file } = await createBackup({ database: ctx.database, dataDir: ctx.config.dataDir, file: work });
    const atBackup = written;
    while (written < atBackup + 5) await new Promise((r) => setTimeout(r, 10));
    stop = true;
    await writer;
    const after = await tableCounts(ctx.database);

    const inArchive = Object.fromEntries(manifest.tables.map((t) => [t.name, t.rows]));
    // The snapshot fell between the writes: some are in it, not all.
    expect(inArchive.organisation).toBeGreaterThan(before.organisation ?? 0);
    expect(inArchive.organisation).toBeLessThan(after.organisation ?? 0);

    const target = await freshInstallation(ENGINE);
    try {
      const report = await restoreBackup({ database: target.database, dataDir: target.dataDir, file });
      expect(report).toMatchObject({ restored: true, mismatches: [] });
      expect(await tableCounts(target.database)).toEqual(inArchive);

      const db = target.database.db;
      if (target.database.dialect === "sqlite") {
        expect((await sql`pragma foreign_key_check`.execute(db)).rows).toEqual([]);
      }
      // Units of work are whole: every partner written under load has its agreement, and the
      // search documents and audit events of the rows that are there, and of no others.
      const count = async (query: ReturnType<typeof sql<{ n: number | string }>>) =>
        Number((await query.execute(db)).rows[0]?.n);
      const partners = await count(sql`select count(*) as n from organisation where name like 'Partner under load %'`);
      const deals = await count(sql`select count(*) as n from agreement where title like 'Agreement under load %'`);
      expect(partners).toBeGreaterThan(0);
      expect(deals === partners || deals === partners - 1).toBe(true);
      expect(
        await count(sql`select count(*) as n from search_document d where d.entity = 'organisation'
          and not exists (select 1 from organisation o where o.id = d.entity_id)`),
      ).toBe(0);
      expect(
        await count(sql`select count(*) as n from organisation o where not exists
          (select 1 from search_document d where d.entity = 'organisation' and d.entity_id = o.id)`),
      ).toBe(0);
      expect(
        await count(sql`select count(*) as n from agreement_party p where not exists
          (select 1 from organisation o where o.id = p.organisation_id)`),
      ).toBe(0);
      expect(
        await count(sql`select count(*) as n from audit_event e where e.entity = 'organisation'
          and e.action = 'organisation.create' and not exists (select 1 from organisation o where o.id = e.entity_id)`),
      ).toBe(0);
    } finally {
      await target.close();
    }
  }, 120_000);
});
