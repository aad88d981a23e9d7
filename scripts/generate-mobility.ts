/** Deterministic mobility rows at scale for the benchmark (activities of kind student_mobility). */
import type { Database, DB } from "@conventio/server";
import type { Insertable } from "kysely";

export async function generateMobility(database: Database, count: number): Promise<void> {
  const { db } = database;
  const orgs = (await db.selectFrom("organisation").select("id").orderBy("id").limit(5000).execute()).map((o) => o.id);
  const agreements = (await db.selectFrom("agreement").select("id").orderBy("id").limit(5000).execute()).map(
    (a) => a.id,
  );
  let seed = 7;
  const rnd = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const now = new Date().toISOString();
  const levels = ["bachelor", "master", "doctorate", "staff"];
  const BATCH = 1000;
  for (let start = 0; start < count; start += BATCH) {
    const rows: Insertable<DB["activity"]>[] = [];
    for (let i = start; i < Math.min(count, start + BATCH); i++) {
      const year = 2005 + Math.floor(rnd() * 20);
      const direction = rnd() < 0.5 ? "incoming" : "outgoing";
      rows.push({
        id: `mob-${String(i).padStart(8, "0")}`,
        kind: "student_mobility",
        title: "Mobility",
        description: null,
        status: "completed",
        starts_on: `${year}-09-01`,
        ends_on: null,
        sort_key: `${year}-09-01`,
        agreement_id: agreements.length ? (agreements[Math.floor(rnd() * agreements.length)] ?? null) : null,
        axis_id: null,
        partner_id: orgs[Math.floor(rnd() * orgs.length)] ?? null,
        owner_id: null,
        place: null,
        laboratories: "[]",
        direction,
        level: levels[Math.floor(rnd() * levels.length)] ?? "master",
        academic_year: `${year}-${year + 1}`,
        participants: 1 + Math.floor(rnd() * 4),
        funding: null,
        created_at: now,
        updated_at: now,
      });
    }
    await db.transaction().execute((trx) => trx.insertInto("activity").values(rows).execute());
  }
}
