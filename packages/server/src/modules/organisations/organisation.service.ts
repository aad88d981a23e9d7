import {
  type Actor,
  type CreateOrganisationInput,
  type DuplicateCandidate,
  foldText,
  hostOf,
  type OrganisationDetail,
  type OrganisationListQuery,
  type OrganisationSummary,
  type OrganisationView,
  type Page,
  type UiLanguage,
  type UnitNode,
  type UpdateOrganisationInput,
} from "@conventio/domain";
import type { Kysely } from "kysely";
import type { DB } from "#db/schema.js";
import { decodeCursor, toPage } from "#http/pagination.js";
import { reindexAgreementsOfPartner } from "#modules/agreements/agreement-search.js";
import { diffOf, recordAudit } from "#modules/audit/audit.service.js";
import { AppError, fieldError } from "#shared/app-error.js";
import { type Deps, nowIso } from "#shared/deps.js";
import { newId } from "#shared/ids.js";
import { createMembershipService, presentMembership } from "./membership.service.js";
import { organisationPolicy } from "./organisation.policy.js";
import { presentOrganisation, presentRef, presentSummary, shownName } from "./organisation.presenter.js";
import type { IdentifierRow, OrganisationRow } from "./organisation.repository.js";
import * as repo from "./organisation.repository.js";
import { requireOrganisation } from "./organisation.repository.js";
import { createBulkOrganisations } from "./organisation-bulk.js";
import { duplicateCandidate, duplicatesAmong, organisationRow, searchParts, snapshot } from "./organisation-records.js";
import { organisationKeyset } from "./organisation-sort.js";
import { createPartnerMap, type PartnerMapQuery } from "./partner-map.js";

/** `expiringWindowDays`: as for agreements, when an active agreement shows as expiring on the map's status filter. */
export function createOrganisationService(deps: Deps, settings: { expiringWindowDays?: number } = {}) {
  const { db, search } = deps;
  const partnerMap = createPartnerMap(deps, settings.expiringWindowDays);

  async function assertIdentifiersFree(trx: Kysely<DB>, ids: IdentifierRow[], except: string | null): Promise<void> {
    const taken = await repo.holdersOfIdentifiers(trx, ids, except);
    if (taken.length === 0) return;
    const errors = taken.map((t) =>
      fieldError(
        `identifiers.${ids.findIndex((i) => i.scheme === t.scheme && i.value === t.value)}.value`,
        "{{value}} already identifies {{name}}.",
        { value: t.value, name: t.name },
      ),
    );
    const first = errors[0];
    throw new AppError("conflict", first?.key ?? "Identifier already in use.", {
      errors,
      params: first?.params ?? {},
      candidates: taken.map((t) => duplicateCandidate(t, "same {{scheme}}", { scheme: t.scheme })),
    });
  }

  async function assertParent(trx: Kysely<DB>, id: string | null, parentId: string | null): Promise<void> {
    if (!parentId) return;
    if (parentId === id)
      throw AppError.field("validation_failed", "parentId", "An organisation cannot be its own parent.");
    await requireOrganisation(trx, parentId, "parentId");
    if (id && (await repo.descendantsOf(trx, id)).some((d) => d.id === parentId)) {
      throw AppError.field("validation_failed", "parentId", "This parent is one of the organisation's own units.");
    }
  }

  async function assertSuccessor(trx: Kysely<DB>, id: string | null, successorId: string | null): Promise<void> {
    if (!successorId) return;
    if (successorId === id)
      throw AppError.field("validation_failed", "successorId", "An organisation cannot succeed itself.");
    await requireOrganisation(trx, successorId, "successorId");
  }

  async function findDuplicates(
    input: { name: string; website: string | null; countryCode: string | null; city: string | null },
    except: string | null,
  ): Promise<DuplicateCandidate[]> {
    const cityFolded = input.city ? foldText(input.city) : null;
    const rows = await repo.duplicateCandidates(db, hostOf(input.website), input.countryCode, cityFolded, except);
    return duplicatesAmong(rows, input);
  }

  async function view(trx: Kysely<DB>, row: OrganisationRow, lang: UiLanguage): Promise<OrganisationView> {
    const [ids, refs] = await Promise.all([
      repo.identifiersOf(trx, [row.id]),
      repo.findRefs(trx, [row.parent_id, row.successor_id], lang),
    ]);
    return presentOrganisation(row, ids.get(row.id) ?? [], refs, lang);
  }

  // Every view names organisations in `lang`, the reader's language: routes pass the request's;
  // the command line and the demo seed read English.
  return {
    ...createMembershipService(deps),
    ...createBulkOrganisations(deps),

    /** Likely duplicates of a draft, shown before the user saves it. */
    async suggestDuplicates(
      actor: Actor,
      draft: { name: string; website: string | null; countryCode: string | null; city: string | null },
    ): Promise<DuplicateCandidate[]> {
      organisationPolicy.read(actor);
      return findDuplicates({ ...draft, countryCode: draft.countryCode?.toUpperCase() ?? null }, null);
    },

    async listOrganisations(
      actor: Actor,
      query: OrganisationListQuery & { cursor?: string | undefined; limit: number },
      lang: UiLanguage = "en",
    ): Promise<Page<OrganisationSummary>> {
      organisationPolicy.read(actor);
      const rows = await repo.listOrganisationRows(db, search, query, decodeCursor(query.cursor), query.limit);
      return toPage(
        rows,
        query.limit,
        (r) => organisationKeyset(query.sort, r),
        (r) => presentSummary(r, lang),
      );
    },

    /** The public's view: only organisations marked public. */
    async listPublicOrganisations(
      query: OrganisationListQuery & { cursor?: string | undefined; limit: number },
      lang: UiLanguage = "en",
    ): Promise<Page<OrganisationSummary>> {
      const rows = await repo.listOrganisationRows(
        db,
        search,
        { ...query, visibility: "public" },
        decodeCursor(query.cursor),
        query.limit,
      );
      return toPage(
        rows,
        query.limit,
        (r) => organisationKeyset(query.sort, r),
        (r) => presentSummary(r, lang),
      );
    },

    async getOrganisation(actor: Actor, id: string, lang: UiLanguage = "en"): Promise<OrganisationDetail> {
      organisationPolicy.read(actor);
      const row = await requireOrganisation(db, id);
      const [base, descendants, memberOf, members, predecessors, people] = await Promise.all([
        view(db, row, lang),
        repo.descendantsOf(db, id),
        repo.membershipsWhere(db, "member_id", id),
        repo.membershipsWhere(db, "network_id", id),
        db.selectFrom("organisation").select(["id", "name", "names", "kind"]).where("successor_id", "=", id).execute(),
        db
          .selectFrom("person")
          .select(["id", "given_name", "family_name", "title"])
          .where("organisation_id", "=", id)
          .orderBy("sort_name")
          .limit(200)
          .execute(),
      ]);
      const nodes = new Map<string, UnitNode>(
        descendants.map((d) => [
          d.id,
          { id: d.id, name: d.name, shown: shownName(d, lang), kind: d.kind, children: [] },
        ]),
      );
      const roots: UnitNode[] = [];
      for (const d of descendants) {
        const node = nodes.get(d.id);
        if (!node) continue;
        if (d.parent_id === id) roots.push(node);
        else nodes.get(d.parent_id ?? "")?.children.push(node);
      }
      return {
        ...base,
        units: roots,
        memberOf: memberOf.map((m) => presentMembership(m, lang)),
        members: members.map((m) => presentMembership(m, lang)),
        predecessors: predecessors.map((p) => presentRef(p, lang)),
        people: people.map((p) => ({ id: p.id, name: `${p.given_name} ${p.family_name}`, title: p.title })),
      };
    },

    async createOrganisation(
      actor: Actor,
      input: CreateOrganisationInput,
      lang: UiLanguage = "en",
    ): Promise<OrganisationView> {
      organisationPolicy.write(actor);
      if (!input.confirmDuplicate) {
        const candidates = await findDuplicates(input, null);
        if (candidates.length > 0) {
          throw new AppError(
            "duplicate_suspected",
            "This may already be in the registry: {{names}}. Confirm to create it anyway.",
            { candidates, params: { names: candidates.map((c) => c.name).join(", ") } },
          );
        }
      }
      const now = nowIso(deps);
      const row = organisationRow(newId(), input, now);
      return db.transaction().execute(async (trx) => {
        await assertParent(trx, null, row.parent_id);
        await assertSuccessor(trx, null, row.successor_id);
        await assertIdentifiersFree(trx, input.identifiers, null);
        await repo.insertOrganisation(trx, row);
        await repo.replaceIdentifiers(trx, row.id, input.identifiers);
        await search.put(trx, "organisation", row.id, searchParts(row, input.identifiers));
        await recordAudit(trx, now, {
          actor,
          action: "organisation.create",
          entity: "organisation",
          entityId: row.id,
          changes: snapshot(row, input.identifiers),
        });
        return view(trx, row, lang);
      });
    },

    async updateOrganisation(
      actor: Actor,
      id: string,
      patch: UpdateOrganisationInput,
      lang: UiLanguage = "en",
    ): Promise<OrganisationView> {
      organisationPolicy.write(actor);
      const now = nowIso(deps);
      return db.transaction().execute(async (trx) => {
        const before = await requireOrganisation(trx, id);
        const beforeIds = (await repo.identifiersOf(trx, [id])).get(id) ?? [];
        const kind = patch.kind ?? before.kind;
        const parentId = patch.parentId === undefined ? before.parent_id : patch.parentId;
        if (kind === "unit" && !parentId) {
          throw AppError.field("validation_failed", "parentId", "An organisational unit needs a parent organisation");
        }
        const lat = patch.lat === undefined ? before.lat : patch.lat;
        const lng = patch.lng === undefined ? before.lng : patch.lng;
        if ((lat == null) !== (lng == null)) {
          throw AppError.field(
            "validation_failed",
            lat == null ? "lat" : "lng",
            "Give both latitude and longitude, or neither",
          );
        }
        if (patch.parentId !== undefined) await assertParent(trx, id, patch.parentId);
        if (patch.successorId !== undefined) await assertSuccessor(trx, id, patch.successorId);
        const name = patch.name ?? before.name;
        const city = patch.city === undefined ? before.city : patch.city || null;
        const website = patch.website === undefined ? before.website : patch.website;
        const after: OrganisationRow = {
          ...before,
          kind,
          name,
          sort_name: foldText(name),
          names: patch.names ? JSON.stringify(patch.names) : before.names,
          acronym: patch.acronym === undefined ? before.acronym : patch.acronym || null,
          country_code: patch.countryCode === undefined ? before.country_code : patch.countryCode,
          city,
          city_folded: city ? foldText(city) : null,
          lat,
          lng,
          website,
          website_host: hostOf(website),
          description: patch.description === undefined ? before.description : patch.description || null,
          parent_id: parentId,
          successor_id: patch.successorId === undefined ? before.successor_id : patch.successorId,
          visibility: patch.visibility ?? before.visibility,
          updated_at: now,
        };
        const ids = patch.identifiers ?? beforeIds;
        if (patch.identifiers) {
          await assertIdentifiersFree(trx, ids, id);
          await repo.replaceIdentifiers(trx, id, ids);
        }
        const { id: _id, created_at: _c, ...set } = after;
        await trx.updateTable("organisation").set(set).where("id", "=", id).execute();
        await search.put(trx, "organisation", id, searchParts(after, ids));
        // Agreements are found by their partners' names too.
        if (after.name !== before.name || after.names !== before.names || after.acronym !== before.acronym)
          await reindexAgreementsOfPartner(trx, search, id);
        await recordAudit(trx, now, {
          actor,
          action: "organisation.update",
          entity: "organisation",
          entityId: id,
          changes: diffOf(snapshot(before, beforeIds), snapshot(after, ids)),
        });
        return view(trx, after, lang);
      });
    },

    async deleteOrganisation(actor: Actor, id: string): Promise<void> {
      organisationPolicy.write(actor);
      const now = nowIso(deps);
      await db.transaction().execute(async (trx) => {
        const row = await requireOrganisation(trx, id);
        const units = await trx.selectFrom("organisation").select("id").where("parent_id", "=", id).limit(1).execute();
        if (units.length > 0) {
          throw new AppError("conflict", "This organisation still has units; move or delete them first.");
        }
        await trx.deleteFrom("organisation").where("id", "=", id).execute();
        await search.remove(trx, "organisation", id);
        await recordAudit(trx, now, {
          actor,
          action: "organisation.delete",
          entity: "organisation",
          entityId: id,
          changes: { name: row.name },
        });
      });
    },

    /**
     * Partners per country for the map: organisations party to an agreement the actor may see,
     * narrowed by the partner's kind, the agreement's status and its responsible unit.
     */
    countByCountry: (actor: Actor, filters?: PartnerMapQuery) => partnerMap.countPartnersByCountry(actor, filters),
  };
}
export type OrganisationService = ReturnType<typeof createOrganisationService>;
