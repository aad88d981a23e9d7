import type { LocalisedText } from "@conventio/domain";
import type { Kysely } from "kysely";
import type { DB } from "#db/schema.js";

/**
 * What the public lists leave out but the open data carries, read for one page of records the
 * public list has already selected (and so already allowed) at a time.
 */

/** An empty page still makes valid SQL: `in ('')` matches nothing, as no id is empty. */
const inList = (ids: readonly string[]): string[] => (ids.length ? [...new Set(ids)] : [""]);

/** The themes of agreements, with their labels in other languages, by agreement. */
export async function themesOf(db: Kysely<DB>, agreementIds: readonly string[]) {
  const rows = await db
    .selectFrom("agreement_theme as a")
    .leftJoin("theme as t", "t.theme", "a.theme")
    .select(["a.agreement_id", "a.label", "t.labels"])
    .where("a.agreement_id", "in", inList(agreementIds))
    .orderBy("a.agreement_id")
    .orderBy("a.label")
    .execute();
  const out = new Map<string, Array<{ label: string; labels: LocalisedText[] }>>();
  for (const r of rows) {
    const labels = r.labels ? (JSON.parse(r.labels) as LocalisedText[]) : [];
    out.set(r.agreement_id, [...(out.get(r.agreement_id) ?? []), { label: r.label, labels }]);
  }
  return out;
}

/** The country of each organisation, by id. */
export async function countriesOf(db: Kysely<DB>, organisationIds: readonly string[]) {
  const rows = await db
    .selectFrom("organisation")
    .select(["id", "country_code"])
    .where("id", "in", inList(organisationIds))
    .execute();
  return new Map(rows.map((r) => [r.id, r.country_code]));
}

/** The website, ROR id and Erasmus code of public organisations, by id. */
export async function partnerFactsOf(db: Kysely<DB>, organisationIds: readonly string[]) {
  const [rows, identifiers] = await Promise.all([
    db
      .selectFrom("organisation")
      .select(["id", "website"])
      .where("id", "in", inList(organisationIds))
      .where("visibility", "=", "public")
      .execute(),
    db
      .selectFrom("organisation_identifier")
      .select(["organisation_id", "scheme", "value"])
      .where("organisation_id", "in", inList(organisationIds))
      .where("scheme", "in", ["ror", "erasmus"])
      .orderBy("organisation_id")
      .orderBy("scheme")
      .orderBy("value")
      .execute(),
  ]);
  const first = (id: string, scheme: string) =>
    identifiers.find((i) => i.organisation_id === id && i.scheme === scheme)?.value ?? null;
  return new Map(
    rows.map((r) => [r.id, { website: r.website, ror: first(r.id, "ror"), erasmusCode: first(r.id, "erasmus") }]),
  );
}
