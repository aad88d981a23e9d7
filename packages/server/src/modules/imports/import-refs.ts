import {
  foldText,
  IDENTIFIER_SCHEMES,
  type IdentifierScheme,
  normaliseIdentifier,
  UNIQUE_SCHEMES,
} from "@conventio/domain";
import type { Kysely } from "kysely";
import type { DB } from "#db/schema.js";
import { holdersOfIdentifiers } from "#modules/organisations/organisation.repository.js";
import type { RowReader } from "./import-row.js";

const LOOKUP_SCHEMES = IDENTIFIER_SCHEMES.filter((s): s is IdentifierScheme => UNIQUE_SCHEMES.has(s));

export interface OrganisationRef {
  id: string;
  name: string;
}

/**
 * The organisation a cell names: by Conventio id, by a unique identifier (ROR, Erasmus code, PIC,
 * OID, SCHAC) or by its exact name (case and accents aside). Null, with the error on the row,
 * when none or several match.
 */
export async function resolveOrganisation(
  db: Kysely<DB>,
  r: RowReader,
  field: string,
  ref: string,
): Promise<OrganisationRef | null> {
  const byId = await db.selectFrom("organisation").select(["id", "name"]).where("id", "=", ref).executeTakeFirst();
  if (byId) return byId;
  const ids = LOOKUP_SCHEMES.flatMap((scheme) => {
    const n = normaliseIdentifier(scheme, ref);
    return n.ok ? [{ scheme, value: n.value }] : [];
  });
  const held = await holdersOfIdentifiers(db, ids, null);
  const holder = held[0];
  if (holder) return { id: holder.id, name: holder.name };
  const named = await db
    .selectFrom("organisation")
    .select(["id", "name"])
    .where((eb) => eb.or([eb("sort_name", "=", foldText(ref)), eb("acronym", "=", ref)]))
    .limit(3)
    .execute();
  const [first, second] = named;
  if (first && !second) return first;
  if (second) {
    r.fail(field, "Several organisations are named {{value}}; give an identifier instead.", { value: ref });
    return null;
  }
  r.fail(field, "No organisation is named or identified by {{value}}.", { value: ref });
  return null;
}

/** Every organisation a list cell names, in its order; null when any cannot be found. */
export async function resolveOrganisations(db: Kysely<DB>, r: RowReader, field: string): Promise<string[] | null> {
  const out: string[] = [];
  let ok = true;
  for (const ref of r.list(field)) {
    const found = await resolveOrganisation(db, r, field, ref);
    if (found) {
      if (!out.includes(found.id)) out.push(found.id);
    } else ok = false;
  }
  return ok ? out : null;
}

/** The agreement a cell names, by id or reference; null, with the error on the row, when none does. */
export async function resolveAgreement(
  db: Kysely<DB>,
  r: RowReader,
  field: string,
): Promise<string | null | undefined> {
  const ref = r.text(field);
  if (!ref) return undefined;
  const found = await db
    .selectFrom("agreement")
    .select("id")
    .where((eb) => eb.or([eb("id", "=", ref), eb("reference", "=", ref)]))
    .executeTakeFirst();
  if (found) return found.id;
  r.fail(field, "No agreement has the id or reference {{value}}.", { value: ref });
  return null;
}

/** The person a cell names, by id or e-mail; null, with the error on the row, when none does. */
export async function resolvePerson(db: Kysely<DB>, r: RowReader, field: string): Promise<string | null | undefined> {
  const ref = r.text(field);
  if (!ref) return undefined;
  const found = await db
    .selectFrom("person")
    .select("id")
    .where((eb) => eb.or([eb("id", "=", ref), eb("email", "=", ref.toLowerCase())]))
    .executeTakeFirst();
  if (found) return found.id;
  r.fail(field, "No person has the id or e-mail {{value}}.", { value: ref });
  return null;
}
