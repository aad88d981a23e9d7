/**
 * Deterministic people at scale for the benchmark: contacts of the organisations already there,
 * each with a role, and their search documents, written in batches as an import would.
 */
import { foldText, searchDocument } from "@conventio/domain";
import { type Database, type DB, sortTitle } from "@conventio/server";
import type { Insertable } from "kysely";

const GIVEN = [
  "Anna",
  "Erik",
  "Marie",
  "Jean",
  "Sofia",
  "Lars",
  "Camille",
  "Hiroshi",
  "Elena",
  "Pierre",
  "Ingrid",
  "Ana",
];
const FAMILY = [
  "Lindqvist",
  "Dupont",
  "Nakamura",
  "Rossi",
  "García",
  "Müller",
  "Öberg",
  "Lefèvre",
  "Kowalski",
  "Silva",
];
const TITLES = ["International officer", "Dean", "Coordinator", "Professor", "Head of unit", null];
const ROLES = ["contact", "coordinator", "signatory", "academic_lead"];

export async function generatePeople(database: Database, count: number): Promise<void> {
  const { db } = database;
  const orgs = (await db.selectFrom("organisation").select("id").orderBy("id").limit(20_000).execute()).map(
    (o) => o.id,
  );
  const now = new Date().toISOString();
  const BATCH = 500;
  for (let start = 0; start < count; start += BATCH) {
    const people: Insertable<DB["person"]>[] = [];
    const roles: Insertable<DB["person_role"]>[] = [];
    const docs: Insertable<DB["search_document"]>[] = [];
    for (let i = start; i < Math.min(count, start + BATCH); i++) {
      const id = `person-${String(i).padStart(7, "0")}`;
      const given = GIVEN[i % GIVEN.length] ?? "Anna";
      const family = `${FAMILY[Math.floor(i / GIVEN.length) % FAMILY.length]}${i > 120 ? `-${i}` : ""}`;
      const title = TITLES[i % TITLES.length] ?? null;
      const email = `${foldText(given)}.${i}@example.org`;
      const organisation = orgs[(i * 7919) % orgs.length] ?? null;
      people.push({
        id,
        given_name: given,
        family_name: family,
        sort_name: foldText(`${family} ${given}`),
        sort_title: sortTitle(title, foldText(`${family} ${given}`)),
        title,
        organisation_id: organisation,
        email,
        phone: null,
        languages: "[]",
        public_contact: 0,
        created_at: now,
        updated_at: now,
      });
      roles.push({
        id: `role-${String(i).padStart(7, "0")}`,
        person_id: id,
        role: ROLES[i % ROLES.length] ?? "contact",
        organisation_id: organisation,
        since: null,
        until: null,
      });
      docs.push({ entity: "person", entity_id: id, body: searchDocument([given, family, title, email]) });
    }
    await db.transaction().execute(async (trx) => {
      await trx.insertInto("person").values(people).execute();
      await trx.insertInto("person_role").values(roles).execute();
      await trx.insertInto("search_document").values(docs).execute();
    });
  }
}
