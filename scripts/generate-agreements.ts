/**
 * Deterministic agreements at scale for the benchmark: the same seed gives the same rows.
 * Rows go straight into the tables in batches (agreements, parties, themes, search documents),
 * as an import would, without per-row audit events.
 */
import { AGREEMENT_KINDS, addDays, foldText, searchDocument } from "@conventio/domain";
import type { Database, DB } from "@conventio/server";
import type { Insertable } from "kysely";

/** mulberry32: a small, fast, seedable generator. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const THEMES = [
  "Mobility",
  "Research",
  "Engineering",
  "Health",
  "Climate",
  "Inclusion",
  "Digital",
  "Territory",
  "Materials",
  "Languages",
];
const WORDS = [
  "Exchange",
  "Cooperation",
  "Double degree",
  "Research",
  "Framework",
  "Mobility",
  "Cotutelle",
  "Staff",
  "Summer school",
  "Innovation",
];

export async function generateAgreements(
  database: Database,
  count: number,
  onProgress?: (done: number) => void,
): Promise<void> {
  const { db } = database;
  const orgs = await db.selectFrom("organisation").select(["id", "name"]).orderBy("id").execute();
  if (orgs.length < 2) throw new Error("Import organisations first.");
  const rnd = random(20_260_301);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const now = new Date().toISOString();
  const BATCH = 500;
  for (let start = 0; start < count; start += BATCH) {
    const agreements: Insertable<DB["agreement"]>[] = [];
    const parties: Insertable<DB["agreement_party"]>[] = [];
    const themes: Insertable<DB["agreement_theme"]>[] = [];
    const docs: Insertable<DB["search_document"]>[] = [];
    for (let i = start; i < Math.min(count, start + BATCH); i++) {
      const a = pick(orgs);
      let b = pick(orgs);
      if (b.id === a.id) b = orgs[(orgs.indexOf(a) + 1) % orgs.length] ?? b;
      const id = `bench-${String(i).padStart(7, "0")}`;
      const startsOn = addDays("2000-01-01", Math.floor(rnd() * 11_000));
      const ends = rnd() < 0.15 ? null : addDays(startsOn, 365 * (1 + Math.floor(rnd() * 6)));
      const r = rnd();
      const status: DB["agreement"]["status"] =
        r < 0.7 ? "active" : r < 0.8 ? "draft" : r < 0.85 ? "negotiation" : r < 0.9 ? "terminated" : "renewed";
      const title = `${pick(WORDS)} ${a.name} – ${b.name}`;
      const reference = `B-${String(i).padStart(7, "0")}`;
      const theme = pick(THEMES);
      agreements.push({
        id,
        reference,
        kind: pick(AGREEMENT_KINDS),
        title,
        sort_key: foldText(title),
        titles: "[]",
        summary: null,
        summaries: "[]",
        status,
        signed_on: status === "draft" || status === "negotiation" ? null : startsOn,
        starts_on: startsOn,
        ends_on: ends,
        notice_months: null,
        tacit_renewal: 0,
        terminated_on: null,
        termination_reason: null,
        framework_id: null,
        predecessor_id: null,
        visibility: "internal" as const,
        internal_fields: "[]",
        fields: "[]",
        objectives: "[]",
        created_at: now,
        updated_at: now,
      });
      parties.push({
        agreement_id: id,
        organisation_id: a.id,
        role: "partner" as const,
        responsible_unit_id: null,
        position: 0,
      });
      parties.push({
        agreement_id: id,
        organisation_id: b.id,
        role: "partner" as const,
        responsible_unit_id: null,
        position: 1,
      });
      themes.push({ agreement_id: id, theme: foldText(theme), label: theme });
      docs.push({ entity: "agreement", entity_id: id, body: searchDocument([reference, title, theme]) });
    }
    await db.transaction().execute(async (trx) => {
      await trx.insertInto("agreement").values(agreements).execute();
      await trx.insertInto("agreement_party").values(parties).execute();
      await trx.insertInto("agreement_theme").values(themes).execute();
      await trx.insertInto("search_document").values(docs).execute();
    });
    onProgress?.(Math.min(count, start + BATCH));
  }
}
