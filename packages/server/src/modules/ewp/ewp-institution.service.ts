import { type Actor, EwpInstitution, type EwpOunit } from "@conventio/domain";
import type { Kysely } from "kysely";
import type { DB } from "#db/schema.js";
import { recordAudit } from "#modules/audit/audit.service.js";
import { descendantsOf } from "#modules/organisations/organisation.repository.js";
import { AppError } from "#shared/app-error.js";
import { type Deps, nowIso } from "#shared/deps.js";
import { ewpPolicy } from "./ewp.policy.js";
import { allIias, heldApprovals, holdersOfSchac, ownInstitutions } from "./iia.repository.js";
import { writeIiasApprovalResponse, writeIiasIndexResponse } from "./iia-xml-writer.js";
import { writeFactsheetResponse, writeInstitutionsResponse, writeOunitsResponse } from "./institution-xml-writer.js";

/**
 * The units the institution serves: those described by hand, then every unit of the organisation
 * holding its SCHAC code in Conventio's units tree (the unit's id as ounit-id, its acronym or name as code).
 */
async function withUnitsTree(db: Kysely<DB>, hei: EwpInstitution): Promise<EwpInstitution> {
  const holder = (await holdersOfSchac(db, [hei.heiId])).get(hei.heiId);
  if (!holder) return hei;
  const described = new Set(hei.ounits.map((u) => u.ounitId));
  const units = await descendantsOf(db, holder.id);
  if (units.length === 0) return hei;
  const acronyms = new Map(
    (
      await db
        .selectFrom("organisation")
        .select(["id", "acronym"])
        .where(
          "id",
          "in",
          units.map((u) => u.id),
        )
        .execute()
    ).map((r) => [r.id, r.acronym]),
  );
  const fromTree: EwpOunit[] = units
    .filter((u) => !described.has(u.id))
    .map((u) => ({
      ounitId: u.id,
      ounitCode: acronyms.get(u.id) ?? u.name,
      names: [{ value: u.name }, ...(JSON.parse(u.names) as Array<{ lang: string; value: string }>)],
      ...(u.parent_id && u.parent_id !== holder.id ? { parentOunitId: u.parent_id } : {}),
      websiteUrls: [],
      mobilityFactsheetUrls: [],
      contacts: [],
    }));
  return { ...hei, ounits: [...hei.ounits, ...fromTree] };
}

/** The installation's institutions as the EWP APIs serve them, units from the tree included. */
export async function servedInstitutions(db: Kysely<DB>): Promise<EwpInstitution[]> {
  return Promise.all((await ownInstitutions(db)).map((hei) => withUnitsTree(db, hei)));
}

export function createEwpInstitutionService(deps: Deps) {
  const { db } = deps;
  const served = () => servedInstitutions(db);

  return {
    /** The installation's institutions as they are served, units from the tree included. */
    async listInstitutions(actor: Actor): Promise<EwpInstitution[]> {
      ewpPolicy.read(actor);
      return served();
    },

    /** Describes one of the installation's institutions (its SCHAC code is the key). */
    async saveInstitution(actor: Actor, heiId: string, input: EwpInstitution): Promise<EwpInstitution> {
      ewpPolicy.describeInstitution(actor);
      if (input.heiId !== heiId) {
        throw AppError.field(
          "validation_failed",
          "heiId",
          "The SCHAC code cannot change; describe another institution instead.",
        );
      }
      const data = EwpInstitution.parse(input);
      const now = nowIso(deps);
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto("ewp_institution")
          .values({ hei_id: heiId, data: JSON.stringify(data), updated_at: now })
          .onConflict((oc) => oc.column("hei_id").doUpdateSet({ data: JSON.stringify(data), updated_at: now }))
          .execute();
        await recordAudit(trx, now, {
          actor,
          action: "ewp.institution.save",
          entity: "ewp_institution",
          entityId: heiId,
          changes: { names: data.names.map((n) => n.value) },
        });
      });
      return withUnitsTree(db, data);
    },

    /** The documents the EWP APIs answer with, to download and check. */
    async document(
      actor: Actor,
      kind: "institutions" | "ounits" | "factsheet" | "iias-index" | "approvals",
    ): Promise<string> {
      ewpPolicy.read(actor);
      switch (kind) {
        case "institutions":
          return writeInstitutionsResponse(await served());
        case "ounits":
          return writeOunitsResponse((await served()).flatMap((h) => h.ounits));
        case "factsheet":
          return writeFactsheetResponse((await served()).filter((h) => h.factsheet));
        case "iias-index":
          return writeIiasIndexResponse((await allIias(db)).map((r) => r.iia_id));
        case "approvals":
          return writeIiasApprovalResponse(heldApprovals(await allIias(db)));
      }
    },
  };
}
export type EwpInstitutionService = ReturnType<typeof createEwpInstitutionService>;
