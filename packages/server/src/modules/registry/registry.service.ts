import type { Actor, OrganisationView, RegistryEntryView, RegistryRelative } from "@conventio/domain";
import type { Selectable } from "kysely";
import { heldUniqueIdentifiers } from "#modules/organisations/organisation.repository.js";
import type { OrganisationService } from "#modules/organisations/organisation.service.js";
import { AppError } from "#shared/app-error.js";
import { type Deps, nowIso } from "#shared/deps.js";
import { readCrosswalk, readEcheFile } from "./eche-file.js";
import { registryPolicy } from "./registry.policy.js";
import { entriesByRorIds, relativesNaming, searchEntries } from "./registry.repository.js";
import type { RegistryEntryTable } from "./registry.table.js";
import { candidateOfEntry } from "./registry-entry.js";
import type { ImportProgress, RegistryImport } from "./registry-import.js";
import { createRegistryJobs } from "./registry-jobs.js";
import { importEche, loadCandidates, refreshFromRor } from "./registry-load.js";
import { createRegistryOrganisations, identifiersOf } from "./registry-organisations.js";
import { emptyLinks, linkOrganisations } from "./registry-relatives.js";
import { type IndexedCandidate, readRorRecord } from "./ror-record.js";

export type { ImportProgress, RegistryImport } from "./registry-import.js";
export type { IndexedCandidate } from "./ror-record.js";

type OnProgress = (p: ImportProgress) => void;

export function createRegistryService(deps: Deps, organisations: OrganisationService) {
  const { db } = deps;
  const bulk = createRegistryOrganisations(deps);

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
    const out = new Map();
    for (const r of rows) {
      const org =
        (r.ror_id && byKey.get(`ror:${r.ror_id}`)) || (r.erasmus_code && byKey.get(`erasmus:${r.erasmus_code}`));
      if (org) out.set(r.id, org);
    }
    return out;
  }

  /** The partner organisations holding these ROR ids. */
  async function partnersByRor(rorIds: Array<string | null>): Promise<Map<string, string>> {
    const wanted = rorIds.filter((r): r is string => !!r).map((value) => ({ scheme: "ror", value }));
    const held = await heldUniqueIdentifiers(db, wanted);
    return new Map(held.map((h) => [h.value, h.organisation_id]));
  }

  const service = {
    async searchRegistry(
      actor: Actor,
      q: { q: string; country?: string | undefined; limit: number },
    ): Promise<RegistryEntryView[]> {
      registryPolicy.search(actor);
      const rows = await searchEntries(db, deps, q);
      const adopted = await adoptedAs(rows);
      const relatives = await entriesByRorIds(
        db,
        rows.flatMap((r) => [r.parent_ror_id, r.successor_ror_id]).filter((x): x is string => !!x),
      );
      const relative = (rorId: string | null): RegistryRelative | null =>
        rorId ? { rorId, id: relatives.get(rorId)?.id ?? null, name: relatives.get(rorId)?.name ?? null } : null;
      return rows.map((r) => ({
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
        status: r.status,
        parent: relative(r.parent_ror_id),
        successor: relative(r.successor_ror_id),
      }));
    },

    /**
     * Creates a partner organisation from a registry entry, identifiers and coordinates included,
     * under its parent and with its successor when those are partners already; units and
     * predecessors that are partners already get it as their parent or successor.
     */
    async adoptEntry(actor: Actor, id: string, confirmDuplicate: boolean): Promise<OrganisationView> {
      registryPolicy.adopt(actor);
      const row = await db.selectFrom("registry_entry").selectAll().where("id", "=", id).executeTakeFirst();
      if (!row) throw AppError.notFound("This registry entry");
      const c = candidateOfEntry(row);
      const partners = await partnersByRor([row.parent_ror_id, row.successor_ror_id]);
      const parentId = (row.parent_ror_id && partners.get(row.parent_ror_id)) || null;
      const org = await organisations.createOrganisation(actor, {
        kind: c.kind === "unit" && !parentId ? "other" : c.kind,
        name: c.name,
        names: c.names,
        acronym: c.acronym,
        countryCode: c.countryCode,
        city: c.city,
        lat: c.lat,
        lng: c.lng,
        website: c.website && !/^https?:\/\//i.test(c.website) ? `https://${c.website}` : c.website,
        description: null,
        parentId,
        successorId: (row.successor_ror_id && partners.get(row.successor_ror_id)) || null,
        visibility: "internal",
        identifiers: identifiersOf(c).slice(0, 30),
        confirmDuplicate,
      });
      if (row.ror_id) {
        const links = emptyLinks();
        for (const n of await relativesNaming(db, row.ror_id)) {
          if (!n.ror_id) continue;
          if (n.parent_ror_id === row.ror_id) links.parents.set(n.ror_id, row.ror_id);
          if (n.kind === "unit") links.units.add(n.ror_id);
          if (n.successor_ror_id === row.ror_id) links.successors.set(n.ror_id, row.ror_id);
        }
        await db.transaction().execute((trx) => linkOrganisations(trx, actor, nowIso(deps), links));
      }
      return org;
    },

    async countEntries(): Promise<number> {
      const r = await db
        .selectFrom("registry_entry")
        .select(({ fn }) => fn.countAll<string | number>().as("n"))
        .executeTakeFirst();
      return Number(r?.n ?? 0);
    },

    /** Loads candidates (the bundled registry) into the registry; each source's part replaces only what that source said. */
    loadRegistry(
      candidates: AsyncIterable<IndexedCandidate> | Iterable<IndexedCandidate>,
      onProgress?: OnProgress,
    ): Promise<RegistryImport> {
      return loadCandidates(deps, candidates, onProgress);
    },

    /** Refreshes the registry from ROR records, keeping what the charter list gave (see refreshFromRor). */
    refreshFromRor(records: AsyncIterable<Record<string, unknown>>, onProgress?: OnProgress): Promise<RegistryImport> {
      return refreshFromRor(deps, records, onProgress);
    },

    /**
     * Creates partner organisations from candidates (see importOrganisations of the bulk import);
     * the bundled registry and the demo data use it.
     */
    importOrganisations: bulk.importOrganisations,

    /** Creates partner organisations from the records of a ROR dump, every record accounted for. */
    importRorOrganisations(
      actor: Actor,
      records: AsyncIterable<Record<string, unknown>>,
      onProgress?: OnProgress,
      options: { includeInactive?: boolean } = {},
    ): Promise<RegistryImport> {
      async function* candidates() {
        for await (const record of records) {
          const read = readRorRecord(record);
          yield read.ok ? read.candidate : read;
        }
      }
      return bulk.importOrganisations(actor, candidates(), onProgress, { ...options, source: "ror" });
    },

    /**
     * Imports a list of Erasmus charter holders (CSV) into the registry or as partner
     * organisations, merged with ROR entries through a crosswalk of Erasmus codes to ROR ids when
     * one is given, and by Erasmus code and PIC.
     */
    async importEcheFile(
      actor: Actor,
      path: string,
      options: {
        into: "registry" | "organisations";
        crosswalk?: string | undefined;
        /** How the files are named in messages, when their paths are not what the user chose. */
        names?: { file: string; crosswalk?: string | undefined };
      },
      onProgress?: OnProgress,
    ): Promise<RegistryImport> {
      const rows = await readEcheFile(path, options.names?.file);
      const crosswalk = options.crosswalk
        ? await readCrosswalk(options.crosswalk, options.names?.crosswalk)
        : new Map();
      return options.into === "registry"
        ? importEche(deps, rows, crosswalk, onProgress)
        : bulk.importEcheOrganisations(actor, rows, crosswalk, onProgress);
    },
  };
  return { ...service, jobs: createRegistryJobs(service, () => nowIso(deps)) };
}
export type RegistryService = ReturnType<typeof createRegistryService>;
