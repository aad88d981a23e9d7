import { type Actor, type CreateOrganisationInput, UNIQUE_SCHEMES } from "@conventio/domain";
import type { Kysely } from "kysely";
import type { DB } from "#db/schema.js";
import type { SearchIndex } from "#db/search-index.js";
import { type AuditEntry, recordAudits } from "#modules/audit/audit.service.js";
import { AppError, fieldError } from "#shared/app-error.js";
import { CHUNK, chunksOf } from "#shared/chunks.js";
import { type Deps, nowIso } from "#shared/deps.js";
import { organisationPolicy } from "./organisation.policy.js";
import { heldUniqueIdentifiers, type IdentifierRow, type OrganisationRow } from "./organisation.repository.js";
import { organisationRow, searchParts, snapshot } from "./organisation-records.js";

export interface NewOrganisation {
  row: OrganisationRow;
  identifiers: IdentifierRow[];
  /** What the search index finds it by, when more than its row and identifiers (e.g. a registry's aliases). */
  searchParts?: ReadonlyArray<string | null>;
}

/**
 * Writes new organisations with a few statements per few hundred: their rows, identifiers,
 * search documents and one audit entry each. The caller has checked them.
 */
export async function insertOrganisations<T extends NewOrganisation>(
  trx: Kysely<DB>,
  search: SearchIndex,
  items: ReadonlyArray<T>,
  audit: (item: T) => AuditEntry,
  now: string,
): Promise<void> {
  for (const chunk of chunksOf(items.map((i) => i.row))) await trx.insertInto("organisation").values(chunk).execute();
  const identifiers = items.flatMap(({ row, identifiers }) =>
    [...new Map(identifiers.map((i) => [`${i.scheme}\u0000${i.value}`, i])).values()].map((i) => ({
      organisation_id: row.id,
      scheme: i.scheme,
      value: i.value,
      unique_value: UNIQUE_SCHEMES.has(i.scheme) ? i.value : null,
    })),
  );
  for (const chunk of chunksOf(identifiers, 2 * CHUNK)) {
    await trx.insertInto("organisation_identifier").values(chunk).execute();
  }
  await search.putMany(
    trx,
    "organisation",
    items.map((i) => ({ id: i.row.id, parts: i.searchParts ?? searchParts(i.row, i.identifiers) })),
  );
  await recordAudits(trx, now, items.map(audit));
}

/** The ids among these that no organisation has. */
async function missingOrganisations(trx: Kysely<DB>, ids: ReadonlySet<string>): Promise<Set<string>> {
  const missing = new Set(ids);
  for (const chunk of chunksOf([...ids])) {
    const found = await trx.selectFrom("organisation").select("id").where("id", "in", chunk).execute();
    for (const f of found) missing.delete(f.id);
  }
  return missing;
}

export function createBulkOrganisations(deps: Deps) {
  const { db, search } = deps;
  return {
    /**
     * Creates many organisations at once with the rules of one: each identifier free (in the
     * store and in the batch), each parent and successor existing or created earlier in the
     * batch. An error names the item by its position (`3.identifiers.0.value`); nothing is written then.
     */
    async createOrganisations(
      actor: Actor,
      items: ReadonlyArray<{ id: string; input: CreateOrganisationInput }>,
    ): Promise<void> {
      organisationPolicy.write(actor);
      const now = nowIso(deps);
      const rows = items.map(({ id, input }) => ({
        row: organisationRow(id, input, now),
        identifiers: input.identifiers,
      }));
      await db.transaction().execute(async (trx) => {
        const taken = new Map<string, number>();
        for (const chunk of chunksOf(rows.flatMap((r) => r.identifiers))) {
          for (const h of await heldUniqueIdentifiers(trx, chunk)) taken.set(`${h.scheme}\u0000${h.value}`, -1);
        }
        const errors = [];
        const earlier = new Set<string>();
        const referred = new Set<string>();
        for (const [n, { row, identifiers }] of rows.entries()) {
          for (const [j, i] of identifiers.entries()) {
            if (!UNIQUE_SCHEMES.has(i.scheme)) continue;
            const key = `${i.scheme}\u0000${i.value}`;
            if (taken.has(key)) {
              errors.push(
                fieldError(`${n}.identifiers.${j}.value`, "{{value}} already identifies another organisation.", {
                  value: i.value,
                }),
              );
            }
            taken.set(key, n);
          }
          for (const ref of [row.parent_id, row.successor_id]) if (ref && !earlier.has(ref)) referred.add(ref);
          earlier.add(row.id);
        }
        const missing = await missingOrganisations(trx, referred);
        for (const [n, { row }] of rows.entries()) {
          if (row.parent_id && missing.has(row.parent_id))
            errors.push(fieldError(`${n}.parentId`, "No organisation has this id."));
          if (row.successor_id && missing.has(row.successor_id))
            errors.push(fieldError(`${n}.successorId`, "No organisation has this id."));
        }
        const first = errors[0];
        if (first)
          throw new AppError("validation_failed", first.key ?? first.message, { errors, params: first.params ?? {} });
        await insertOrganisations(
          trx,
          search,
          rows,
          ({ row, identifiers }) => ({
            actor,
            action: "organisation.create",
            entity: "organisation",
            entityId: row.id,
            changes: snapshot(row, identifiers),
          }),
          now,
        );
      });
    },
  };
}
