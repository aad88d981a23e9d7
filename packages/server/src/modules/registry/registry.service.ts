import type { Actor, OrganisationView, RegistryEntryView } from "@conventio/domain";
import { foldText, hostOf, searchDocument, UNIQUE_SCHEMES } from "@conventio/domain";
import type { Insertable, Kysely, Selectable } from "kysely";
import type { DB } from "#db/schema.js";
import { recordAudit } from "#modules/audit/audit.service.js";
import { heldUniqueIdentifiers } from "#modules/organisations/organisation.repository.js";
import type { OrganisationService } from "#modules/organisations/organisation.service.js";
import type { OrganisationTable } from "#modules/organisations/organisation.table.js";
import { AppError } from "#shared/app-error.js";
import { type Deps, nowIso } from "#shared/deps.js";
import { newId } from "#shared/ids.js";
import { actorId } from "#shared/policy.js";
import { registryPolicy } from "./registry.policy.js";
import type { RegistryEntryTable } from "./registry.table.js";
import type { RegistryCandidate } from "./ror-record.js";

/** A candidate with every name it can be found by (aliases included). */
export type IndexedCandidate = RegistryCandidate & { aliases?: string[] };

export interface ImportProgress {
  processed: number;
  inserted: number;
  skipped: number;
}

const BATCH = 500;

function entryRow(c: RegistryCandidate): Insertable<RegistryEntryTable> {
  return {
    id: c.id,
    name: c.name,
    names: JSON.stringify(c.names),
    acronym: c.acronym,
    kind: c.kind,
    country_code: c.countryCode,
    city: c.city,
    lat: c.lat,
    lng: c.lng,
    website: c.website,
    ror_id: c.rorId,
    erasmus_code: c.erasmusCode,
    pic: c.pic,
    oid: c.oid,
    identifiers: JSON.stringify(c.identifiers),
    source: c.source,
  };
}

function identifiersOf(c: RegistryCandidate) {
  return [
    ...(c.rorId ? [{ scheme: "ror" as const, value: c.rorId }] : []),
    ...(c.erasmusCode ? [{ scheme: "erasmus" as const, value: c.erasmusCode }] : []),
    ...(c.pic ? [{ scheme: "pic" as const, value: c.pic }] : []),
    ...(c.oid ? [{ scheme: "oid" as const, value: c.oid }] : []),
    ...c.identifiers,
  ];
}

function candidateOf(row: Selectable<RegistryEntryTable>): RegistryCandidate {
  return {
    id: row.id,
    name: row.name,
    names: JSON.parse(row.names) as RegistryCandidate["names"],
    acronym: row.acronym,
    kind: row.kind,
    countryCode: row.country_code,
    city: row.city,
    lat: row.lat,
    lng: row.lng,
    website: row.website,
    rorId: row.ror_id,
    erasmusCode: row.erasmus_code,
    pic: row.pic,
    oid: row.oid,
    identifiers: JSON.parse(row.identifiers) as RegistryCandidate["identifiers"],
    source: row.source,
    status: "active",
  };
}

export function createRegistryService(deps: Deps, organisations: OrganisationService) {
  const { db, search } = deps;

  /** Which registry entries are already partner organisations, by shared ROR id or Erasmus code. */
  async function adoptedAs(rows: Selectable<RegistryEntryTable>[]): Promise<Map<string, string>> {
    const held = await heldUniqueIdentifiers(
      db,
      rows.flatMap((r) => [
        ...(r.ror_id ? [{ scheme: "ror", value: r.ror_id }] : []),
        ...(r.erasmus_code ? [{ scheme: "erasmus", value: r.erasmus_code }] : []),
      ]),
    );
    const byKey = new Map(held.map((h) => [`${h.scheme}:${h.value}`, h.organisation_id]));
    const out = new Map<string, string>();
    for (const r of rows) {
      const org =
        (r.ror_id && byKey.get(`ror:${r.ror_id}`)) || (r.erasmus_code && byKey.get(`erasmus:${r.erasmus_code}`));
      if (org) out.set(r.id, org);
    }
    return out;
  }

  async function insertOrganisationBatch(
    trx: Kysely<DB>,
    batch: IndexedCandidate[],
    now: string,
    actor: Actor,
  ): Promise<number> {
    // Skip candidates whose unique identifiers (ROR id, Erasmus code, PIC…) a partner already holds.
    const held = await heldUniqueIdentifiers(trx, batch.flatMap(identifiersOf));
    const taken = new Set(held.map((h) => `${h.scheme}:${h.value}`));
    const fresh = batch.filter((c) => !identifiersOf(c).some((i) => taken.has(`${i.scheme}:${i.value}`)));
    if (fresh.length === 0) return 0;
    const rows: Insertable<OrganisationTable>[] = fresh.map((c) => ({
      id: newId(),
      kind: c.kind,
      name: c.name,
      sort_name: foldText(c.name),
      names: JSON.stringify(c.names),
      acronym: c.acronym,
      country_code: c.countryCode,
      city: c.city,
      city_folded: c.city ? foldText(c.city) : null,
      lat: c.lat,
      lng: c.lng,
      website: c.website,
      website_host: hostOf(c.website),
      description: null,
      parent_id: null,
      successor_id: null,
      visibility: "internal",
      created_at: now,
      updated_at: now,
    }));
    await trx.insertInto("organisation").values(rows).execute();
    const ids = fresh.flatMap((c, i) => {
      const seen = new Set<string>();
      return identifiersOf(c)
        .filter((x) => !seen.has(`${x.scheme}:${x.value}`) && seen.add(`${x.scheme}:${x.value}`))
        .map((x) => ({
          organisation_id: rows[i]?.id ?? "",
          scheme: x.scheme,
          value: x.value,
          unique_value: UNIQUE_SCHEMES.has(x.scheme) ? x.value : null,
        }));
    });
    for (let i = 0; i < ids.length; i += 1000) {
      await trx
        .insertInto("organisation_identifier")
        .values(ids.slice(i, i + 1000))
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    await trx
      .insertInto("search_document")
      .values(
        fresh.map((c, i) => ({
          entity: "organisation",
          entity_id: rows[i]?.id ?? "",
          body: searchBody(c),
        })),
      )
      .execute();
    await trx
      .insertInto("audit_event")
      .values(
        rows.map((r, i) => ({
          id: newId(),
          at: now,
          actor_id: actorId(actor),
          action: "organisation.import",
          entity: "organisation",
          entity_id: r.id,
          changes: JSON.stringify({ source: fresh[i]?.source, from: fresh[i]?.id, name: r.name }),
        })),
      )
      .execute();
    return fresh.length;
  }

  function searchBody(c: IndexedCandidate): string {
    return searchDocument([
      c.name,
      ...c.names.map((n) => n.value),
      ...(c.aliases ?? []),
      c.acronym,
      c.city,
      hostOf(c.website),
      c.erasmusCode,
      c.pic,
    ]);
  }

  return {
    async searchRegistry(
      actor: Actor,
      q: { q: string; country?: string | undefined; limit: number },
    ): Promise<RegistryEntryView[]> {
      registryPolicy.search(actor);
      const ids = await search.ranked(db, "registry", q.q, q.country ? q.limit * 10 : q.limit);
      if (ids.length === 0) return [];
      let query = db.selectFrom("registry_entry").selectAll().where("id", "in", ids);
      if (q.country) query = query.where("country_code", "=", q.country);
      const rows = await query.execute();
      const order = new Map(ids.map((id, i) => [id, i]));
      rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
      const shown = rows.slice(0, q.limit);
      const adopted = await adoptedAs(shown);
      return shown.map((r) => ({
        id: r.id,
        name: r.name,
        acronym: r.acronym,
        kind: r.kind,
        countryCode: r.country_code,
        city: r.city,
        website: r.website,
        rorId: r.ror_id,
        erasmusCode: r.erasmus_code,
        pic: r.pic,
        organisationId: adopted.get(r.id) ?? null,
      }));
    },

    /** Creates a partner organisation from a registry entry, identifiers and coordinates included. */
    async adoptEntry(actor: Actor, id: string, confirmDuplicate: boolean): Promise<OrganisationView> {
      registryPolicy.adopt(actor);
      const row = await db.selectFrom("registry_entry").selectAll().where("id", "=", id).executeTakeFirst();
      if (!row) throw AppError.notFound("This registry entry");
      const c = candidateOf(row);
      return organisations.createOrganisation(actor, {
        kind: c.kind,
        name: c.name,
        names: c.names,
        acronym: c.acronym,
        countryCode: c.countryCode,
        city: c.city,
        lat: c.lat,
        lng: c.lng,
        website: c.website && !/^https?:\/\//i.test(c.website) ? `https://${c.website}` : c.website,
        description: null,
        parentId: null,
        successorId: null,
        visibility: "internal",
        identifiers: identifiersOf(c),
        confirmDuplicate,
      });
    },

    async countEntries(): Promise<number> {
      const r = await db
        .selectFrom("registry_entry")
        .select(({ fn }) => fn.countAll<string | number>().as("n"))
        .executeTakeFirst();
      return Number(r?.n ?? 0);
    },

    /** Loads candidates into the reference registry in batches; existing entries are replaced. */
    async loadRegistry(
      candidates: AsyncIterable<IndexedCandidate> | Iterable<IndexedCandidate>,
      onProgress?: (p: ImportProgress) => void,
    ): Promise<ImportProgress> {
      const progress: ImportProgress = { processed: 0, inserted: 0, skipped: 0 };
      let batch: IndexedCandidate[] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        const unique = [...new Map(batch.map((c) => [c.id, c])).values()];
        await db.transaction().execute(async (trx) => {
          const rows = unique.map(entryRow);
          await trx
            .deleteFrom("registry_entry")
            .where(
              "id",
              "in",
              rows.map((r) => r.id),
            )
            .execute();
          await trx.insertInto("registry_entry").values(rows).execute();
          await trx
            .deleteFrom("search_document")
            .where("entity", "=", "registry")
            .where(
              "entity_id",
              "in",
              rows.map((r) => r.id),
            )
            .execute();
          await trx
            .insertInto("search_document")
            .values(unique.map((c) => ({ entity: "registry", entity_id: c.id, body: searchBody(c) })))
            .execute();
        });
        progress.inserted += unique.length;
        progress.skipped += batch.length - unique.length;
        batch = [];
        onProgress?.({ ...progress });
      };
      for await (const c of candidates) {
        progress.processed++;
        batch.push(c);
        if (batch.length >= BATCH) await flush();
      }
      await flush();
      return progress;
    },

    /**
     * Creates partner organisations in bulk (one transaction per batch), skipping those whose
     * ROR id is already held. Each organisation gets its identifiers, search document and audit event.
     */
    async importOrganisations(
      actor: Actor,
      candidates: AsyncIterable<IndexedCandidate> | Iterable<IndexedCandidate>,
      onProgress?: (p: ImportProgress) => void,
    ): Promise<ImportProgress> {
      const progress: ImportProgress = { processed: 0, inserted: 0, skipped: 0 };
      let batch: IndexedCandidate[] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        const unique = [...new Map(batch.map((c) => [c.id, c])).values()];
        const now = nowIso(deps);
        const n = await db.transaction().execute((trx) => insertOrganisationBatch(trx, unique, now, actor));
        progress.inserted += n;
        progress.skipped += batch.length - n;
        batch = [];
        onProgress?.({ ...progress });
      };
      for await (const c of candidates) {
        progress.processed++;
        batch.push(c);
        if (batch.length >= BATCH) await flush();
      }
      await flush();
      await recordAudit(db, nowIso(deps), {
        actor,
        action: "organisation.import.run",
        entity: "import",
        entityId: newId(),
        changes: { ...progress },
      });
      return progress;
    },
  };
}
export type RegistryService = ReturnType<typeof createRegistryService>;
