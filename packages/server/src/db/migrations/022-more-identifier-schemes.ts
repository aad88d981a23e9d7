import { type Kysely, sql } from "kysely";

/** Identifier systems kept until now as "other" with their name in front, with the scheme they now have. */
const FORMERLY_OTHER: ReadonlyArray<[prefix: string, scheme: string]> = [
  ["FundRef ", "fundref"],
  ["OrgRef ", "orgref"],
  ["CNRS ", "cnrs"],
  ["HESA ", "hesa"],
  ["UKPRN ", "ukprn"],
  ["UCAS ", "ucas"],
];

/**
 * Crossref funder ids, OrgRef, CNRS unit codes and the UK's HESA, UKPRN and UCAS codes become
 * schemes of their own, on partners and on registry entries: ROR lists them, and an office looks
 * them up by name.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [prefix, scheme] of FORMERLY_OTHER) {
    await sql`update organisation_identifier
      set scheme = ${scheme}, value = substr(value, ${prefix.length + 1})
      where scheme = 'other' and substr(value, 1, ${prefix.length}) = ${prefix}`.execute(db);
    // Registry entries keep their further identifiers as JSON text written without spaces.
    await sql`update registry_entry
      set identifiers = replace(identifiers, ${`{"scheme":"other","value":"${prefix}`}, ${`{"scheme":"${scheme}","value":"`})`.execute(
      db,
    );
  }
}
