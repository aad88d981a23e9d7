import type { GuardedField } from "@conventio/domain";
import type { Kysely } from "kysely";
import type { DB } from "#db/schema.js";
import type { SearchDocumentParts, SearchIndex } from "#db/search-index.js";
import type { AgreementRow } from "./agreement.repository.js";

/**
 * Agreements reindexed together: one query per kind of content for the whole batch, so that a
 * partner of thousands of agreements is reindexed with a few dozen statements, not thousands.
 */
const BATCH = 500;

/** The agreement columns its documents are made of. */
const INDEXED = [
  "id",
  "reference",
  "title",
  "titles",
  "summary",
  "summaries",
  "visibility",
  "internal_fields",
] as const;
type IndexedRow = Pick<AgreementRow, (typeof INDEXED)[number]>;

/**
 * A signatory's title and its translations are read when their columns exist: the rebuild of
 * migration 015 runs on databases that do not have them yet.
 */
type SignatoryText = { agreement_id: string; person_id: string | null; name: string; place: string | null } & {
  title?: string | null;
  titles?: string | null;
};

const localised = (json: string | null | undefined): string[] =>
  json ? (JSON.parse(json) as Array<{ value: string }>).map((t) => t.value) : [];

/**
 * Rewrites the documents of a batch of agreements: the staff document with everything
 * searchable and, for a public agreement, the public document with only what its public page shows.
 */
async function reindexBatch(db: Kysely<DB>, search: SearchIndex, rows: IndexedRow[]): Promise<void> {
  if (rows.length === 0) return;
  const ids = rows.map((r) => r.id);
  const [parties, themes, signatories] = await Promise.all([
    db
      .selectFrom("agreement_party as p")
      .innerJoin("organisation as o", "o.id", "p.organisation_id")
      .select(["p.agreement_id", "o.name", "o.acronym", "o.names"])
      .where("p.agreement_id", "in", ids)
      .execute(),
    db.selectFrom("agreement_theme").select(["agreement_id", "label"]).where("agreement_id", "in", ids).execute(),
    db.selectFrom("agreement_signatory").selectAll().where("agreement_id", "in", ids).execute() as Promise<
      SignatoryText[]
    >,
  ]);
  const byAgreement = <T extends { agreement_id: string }>(items: T[]) => {
    const map = new Map<string, T[]>();
    for (const item of items) {
      const list = map.get(item.agreement_id);
      if (list) list.push(item);
      else map.set(item.agreement_id, [item]);
    }
    return (id: string) => map.get(id) ?? [];
  };
  // Public documents leave out the names of signatories who did not agree to be named in public.
  // Read with selectAll: the rebuild of migration 015 runs before people have that consent, and
  // until then everyone was named.
  const linked = [...new Set(signatories.flatMap((s) => (s.person_id ? [s.person_id] : [])))];
  const consents = linked.length
    ? ((await db.selectFrom("person").selectAll().where("id", "in", linked).execute()) as Array<{
        id: string;
        named_in_public?: number;
      }>)
    : [];
  const unnamed = new Set(consents.filter((p) => p.named_in_public === 0).map((p) => p.id));
  const partiesOf = byAgreement(parties);
  const themesOf = byAgreement(themes);
  const signatoriesOf = byAgreement(signatories);

  const staff: SearchDocumentParts[] = [];
  const open: SearchDocumentParts[] = [];
  const closed: string[] = [];
  for (const row of rows) {
    const heading = [row.reference, row.title, ...localised(row.titles)];
    const summary = [row.summary, ...localised(row.summaries)];
    const partners = partiesOf(row.id).flatMap((p) => [p.name, p.acronym, ...localised(p.names)]);
    const labels = themesOf(row.id).map((t) => t.label);
    const signed = signatoriesOf(row.id).flatMap((s) => [s.name, s.title, ...localised(s.titles), s.place]);
    const signedInPublic = signatoriesOf(row.id).flatMap((s) => [
      s.person_id && unnamed.has(s.person_id) ? null : s.name,
      s.title,
      ...localised(s.titles),
      s.place,
    ]);
    staff.push({ id: row.id, parts: [...heading, ...summary, ...partners, ...labels, ...signed] });
    if (row.visibility !== "public") {
      closed.push(row.id);
      continue;
    }
    // The same choice as the public page: the parts the editor keeps internal are left out.
    const hidden = new Set(JSON.parse(row.internal_fields) as GuardedField[]);
    open.push({
      id: row.id,
      parts: [
        ...heading,
        ...(hidden.has("summary") ? [] : summary),
        ...partners,
        ...labels,
        ...(hidden.has("signatories") ? [] : signedInPublic),
      ],
    });
  }
  await search.putMany(db, "agreement", staff);
  await search.putMany(db, "agreement_public", open);
  await search.removeMany(db, "agreement_public", closed);
}

/** Rewrites an agreement's documents from its row, parties, themes and signatories. */
export function reindexAgreement(db: Kysely<DB>, search: SearchIndex, row: IndexedRow): Promise<void> {
  return reindexBatch(db, search, [row]);
}

/** Removes both documents of a deleted agreement. */
export async function unindexAgreement(db: Kysely<DB>, search: SearchIndex, id: string): Promise<void> {
  await search.remove(db, "agreement", id);
  await search.remove(db, "agreement_public", id);
}

/** Rewrites the documents of every agreement a person signed, when their consent to be named changes. */
export async function reindexAgreementsSignedBy(db: Kysely<DB>, search: SearchIndex, personId: string): Promise<void> {
  const rows = await db
    .selectFrom("agreement as a")
    .select(INDEXED.map((c) => `a.${c}` as const))
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("agreement_signatory as s")
          .select("s.id")
          .whereRef("s.agreement_id", "=", "a.id")
          .where("s.person_id", "=", personId),
      ),
    )
    .execute();
  for (let i = 0; i < rows.length; i += BATCH) await reindexBatch(db, search, rows.slice(i, i + BATCH));
}

/** Rewrites the documents of every agreement a partner is party to, when its names change. */
export async function reindexAgreementsOfPartner(
  db: Kysely<DB>,
  search: SearchIndex,
  organisationId: string,
): Promise<void> {
  // Keyset over the (organisation_id, agreement_id) index, a batch at a time.
  let after = "";
  for (;;) {
    const rows = await db
      .selectFrom("agreement_party as p")
      .innerJoin("agreement as a", "a.id", "p.agreement_id")
      .select(INDEXED.map((c) => `a.${c}` as const))
      .where("p.organisation_id", "=", organisationId)
      .where("p.agreement_id", ">", after)
      .orderBy("p.agreement_id")
      .limit(BATCH)
      .execute();
    await reindexBatch(db, search, rows);
    const last = rows.at(-1);
    if (!last || rows.length < BATCH) return;
    after = last.id;
  }
}

/** Rewrites the documents of every agreement, a batch at a time. */
export async function reindexAllAgreements(db: Kysely<DB>, search: SearchIndex): Promise<void> {
  let after = "";
  for (;;) {
    const rows = await db
      .selectFrom("agreement")
      .select(INDEXED)
      .where("id", ">", after)
      .orderBy("id")
      .limit(BATCH)
      .execute();
    await reindexBatch(db, search, rows);
    const last = rows.at(-1);
    if (!last || rows.length < BATCH) return;
    after = last.id;
  }
}
