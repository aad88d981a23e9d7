/**
 * Deterministic mobility rows at scale for the benchmark (activities of kind student_mobility),
 * each with its search document as the activity service writes one.
 */
import { foldText, searchDocument } from "@conventio/domain";
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
    const docs: Insertable<DB["search_document"]>[] = [];
    for (let i = start; i < Math.min(count, start + BATCH); i++) {
      const year = 2005 + Math.floor(rnd() * 20);
      const direction = rnd() < 0.5 ? "incoming" : "outgoing";
      const level = levels[Math.floor(rnd() * levels.length)] ?? "master";
      const id = `mob-${String(i).padStart(8, "0")}`;
      const title = `${level[0]?.toUpperCase()}${level.slice(1)} ${direction} mobility ${year}`;
      docs.push({ entity: "activity", entity_id: id, body: searchDocument([title]) });
      rows.push({
        id,
        kind: "student_mobility",
        title,
        description: null,
        status: "completed",
        starts_on: `${year}-09-01`,
        ends_on: null,
        sort_key: `${year}-09-01`,
        sort_title: foldText(title),
        agreement_id: agreements.length ? (agreements[Math.floor(rnd() * agreements.length)] ?? null) : null,
        axis_id: null,
        partner_id: orgs[Math.floor(rnd() * orgs.length)] ?? null,
        owner_id: null,
        place: null,
        laboratories: "[]",
        direction,
        level,
        academic_year: `${year}-${year + 1}`,
        participants: 1 + Math.floor(rnd() * 4),
        funding: null,
        created_at: now,
        updated_at: now,
      });
    }
    await db.transaction().execute(async (trx) => {
      await trx.insertInto("activity").values(rows).execute();
      await trx.insertInto("search_document").values(docs).execute();
    });
  }
}
