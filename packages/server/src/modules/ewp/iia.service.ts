import {
  type Actor,
  Iia,
  type IiaApprovalState,
  type IiaDraft,
  type IiaView,
  iiaDifferences,
  issueMessage,
  type UiLanguage,
} from "@conventio/domain";
import type { Kysely } from "kysely";
import type { DB } from "#db/schema.js";
import { requireInScope } from "#modules/accounts/unit-scope.js";
import { agreementPolicy } from "#modules/agreements/agreement.policy.js";
import { findAgreement } from "#modules/agreements/agreement.repository.js";
import { recordAudit } from "#modules/audit/audit.service.js";
import { institutionNameOf, type SiteBrand } from "#modules/site-settings/site-settings.service.js";
import { AppError } from "#shared/app-error.js";
import { type Deps, nowIso } from "#shared/deps.js";
import { newId } from "#shared/ids.js";
import { enqueue } from "./ewp-outbox.js";
import type { IiaRow } from "./iia.repository.js";
import * as repo from "./iia.repository.js";
import { renderIiaPdf } from "./iia-pdf.js";
import { hashIiaModel, specsInDocumentOrder, writeIiasGetResponse } from "./iia-xml-writer.js";

/** A zod-checked IIA, or a validation error naming each field at fault under `iia.` paths. */
export function parseIia(input: unknown, prefix = ""): Iia {
  const parsed = Iia.safeParse(input);
  if (parsed.success) return parsed.data;
  throw AppError.invalid(
    parsed.error.issues.map((issue) => ({ field: prefix + issue.path.map(String).join("."), ...issueMessage(issue) })),
  );
}

const approval = (hash: string | null, at: string | null, current: string | null): IiaApprovalState | null =>
  hash && at ? { iiaHash: hash, at, current: hash === current } : null;

/** The stored IIA as the API shows it. */
export async function presentIia(db: Kysely<DB>, row: IiaRow): Promise<IiaView> {
  const iia = JSON.parse(row.data) as Iia;
  const partner = row.partner_data ? (JSON.parse(row.partner_data) as Iia) : null;
  const versions = await repo.versionsOf(db, row.agreement_id);
  return {
    agreementId: row.agreement_id,
    iia,
    iiaHash: row.iia_hash,
    validForApproval: row.valid_for_approval === 1,
    modifiedAt: row.modified_at,
    partnerCopy:
      partner && row.partner_hash && row.partner_received_at
        ? {
            iia: partner,
            iiaHash: row.partner_hash,
            validForApproval: row.partner_valid_for_approval === 1,
            receivedAt: row.partner_received_at,
          }
        : null,
    differences: partner ? iiaDifferences(iia, partner) : [],
    approvedByUs: approval(row.approved_by_us_hash, row.approved_by_us_at, row.partner_hash),
    approvedByPartner: approval(row.approved_by_partner_hash, row.approved_by_partner_at, row.iia_hash),
    versions: versions.map((v) => ({
      id: v.id,
      side: v.side,
      iiaHash: v.iia_hash,
      approvedAt: v.approved_at,
      iia: JSON.parse(v.data) as Iia,
      hasProof: v.proof !== null,
    })),
  };
}

/**
 * Writes our copy: our iia-id (kept once given) and iia-code (the agreement's reference) are set
 * here, the hash computed from the XML a partner would receive, and the change time moved only
 * when hashed content changed. Answers the stored row.
 */
export async function storeOwnCopy(
  db: Kysely<DB>,
  agreementId: string,
  reference: string,
  iia: Iia,
  now: string,
  before: IiaRow | undefined,
): Promise<IiaRow> {
  const [own, partner] = iia.partners;
  if (!own || !partner) throw AppError.field("validation_failed", "partners", "An IIA has exactly two partners");
  const iiaId = before?.iia_id ?? newId();
  // Conditions are kept in the order the XML gives them, so both copies compare position by position.
  const stored: Iia = {
    ...iia,
    partners: [{ ...own, iiaId, iiaCode: reference }, partner],
    mobilitySpecs: specsInDocumentOrder(iia.mobilitySpecs),
  };
  const hash = hashIiaModel(stored);
  const row = {
    agreement_id: agreementId,
    iia_id: iiaId,
    hei_id: own.heiId,
    partner_hei_id: partner.heiId,
    partner_iia_id: partner.iiaId ?? null,
    data: JSON.stringify(stored),
    iia_hash: hash.iiaHash,
    valid_for_approval: hash.validForApproval ? 1 : 0,
    modified_at: before && before.iia_hash === hash.iiaHash ? before.modified_at : now,
    partner_data: before?.partner_data ?? null,
    partner_hash: before?.partner_hash ?? null,
    partner_valid_for_approval: before?.partner_valid_for_approval ?? null,
    partner_received_at: before?.partner_received_at ?? null,
    approved_by_us_hash: before?.approved_by_us_hash ?? null,
    approved_by_us_at: before?.approved_by_us_at ?? null,
    approved_by_partner_hash: before?.approved_by_partner_hash ?? null,
    approved_by_partner_at: before?.approved_by_partner_at ?? null,
  };
  await repo.saveIiaRow(db, row, stored);
  if (!before || before.data !== row.data) {
    // The partner learns of every change of what it would fetch, through the outbox.
    await enqueue(db, {
      kind: "iia_cnr",
      heiId: row.hei_id,
      partnerHeiId: row.partner_hei_id,
      iiaId: row.iia_id,
      agreementId,
      now,
    });
  }
  return row;
}

/** Checks that the first partner is one of the installation's institutions and the second a party of the agreement. */
export async function checkPartners(db: Kysely<DB>, agreementId: string, iia: Iia, prefix = ""): Promise<void> {
  const own = await repo.ownInstitutions(db);
  const [first, second] = iia.partners;
  if (!first || !second) return;
  if (!own.some((i) => i.heiId === first.heiId)) {
    throw AppError.field(
      "validation_failed",
      `${prefix}partners.0.heiId`,
      "{{heiId}} is not one of this installation's institutions.",
      { heiId: first.heiId },
    );
  }
  const holders = await repo.holdersOfSchac(db, [second.heiId]);
  const holder = holders.get(second.heiId);
  const party = holder
    ? await db
        .selectFrom("agreement_party")
        .select("organisation_id")
        .where("agreement_id", "=", agreementId)
        .where("organisation_id", "=", holder.id)
        .executeTakeFirst()
    : undefined;
  if (!party) {
    throw AppError.field(
      "validation_failed",
      `${prefix}partners.1.heiId`,
      "No party of this agreement has the SCHAC code {{heiId}}.",
      { heiId: second.heiId },
    );
  }
}

/** `brand`: the institution named on the PDF; Conventio when not given. */
export function createIiaService(deps: Deps, brand?: SiteBrand) {
  const { db } = deps;

  async function requireErasmus(trx: Kysely<DB>, agreementId: string) {
    const agreement = await findAgreement(trx, agreementId);
    if (!agreement) throw new AppError("not_found", "No agreement has this id.");
    if (agreement.kind !== "erasmus_iia") {
      throw new AppError("conflict", "Only an Erasmus+ inter-institutional agreement holds an IIA.");
    }
    return agreement;
  }

  return {
    /** The agreement's IIA with the partner's copy, the differences and the approvals. */
    async getIia(actor: Actor, agreementId: string): Promise<IiaView> {
      agreementPolicy.read(actor);
      const row = await repo.findIia(db, agreementId);
      if (!row) {
        await requireErasmus(db, agreementId);
        throw new AppError("not_found", "This agreement has no IIA yet.");
      }
      return presentIia(db, row);
    },

    /**
     * A first IIA for an agreement that has none: our institution and the partner named by the
     * parties' SCHAC codes, the reference as iia-code, in effect when the agreement is.
     */
    async draftIia(actor: Actor, agreementId: string): Promise<IiaDraft> {
      agreementPolicy.read(actor);
      const agreement = await requireErasmus(db, agreementId);
      const own = await repo.ownInstitutions(db);
      const codes = await db
        .selectFrom("agreement_party as p")
        .innerJoin("organisation_identifier as i", "i.organisation_id", "p.organisation_id")
        .select("i.value")
        .where("p.agreement_id", "=", agreementId)
        .where("i.scheme", "=", "schac")
        .orderBy("p.position")
        .execute();
      const ours = codes.find((c) => own.some((i) => i.heiId === c.value))?.value ?? own[0]?.heiId ?? "";
      const theirs = codes.find((c) => c.value !== ours)?.value ?? "";
      return {
        partners: [
          { heiId: ours, iiaCode: agreement.reference, contacts: [] },
          { heiId: theirs, contacts: [] },
        ],
        inEffect: agreement.status === "active" || agreement.status === "renewed",
        terminatedAsAWhole: false,
        mobilitySpecs: [],
      };
    },

    /** Creates or changes our copy; a change of hashed content voids the partner's approval, which the view then says. */
    async saveIia(actor: Actor, agreementId: string, input: unknown): Promise<IiaView> {
      agreementPolicy.write(actor);
      const iia = parseIia(input);
      const now = nowIso(deps);
      return db.transaction().execute(async (trx) => {
        const agreement = await requireErasmus(trx, agreementId);
        await requireInScope(trx, actor, agreementId);
        await checkPartners(trx, agreementId, iia);
        const before = await repo.findIia(trx, agreementId);
        const row = await storeOwnCopy(trx, agreementId, agreement.reference, iia, now, before);
        if (!before || before.data !== row.data) {
          await recordAudit(trx, now, {
            actor,
            action: before ? "agreement.iia.update" : "agreement.iia.create",
            entity: "agreement",
            entityId: agreementId,
            changes: { iiaId: row.iia_id, iiaHash: [before?.iia_hash ?? null, row.iia_hash] },
          });
        }
        return presentIia(trx, row);
      });
    },

    /**
     * Approves the partner's copy as last received: it must be mapped to ours (its iia-id in our
     * copy) and free of values carried over from v6. The version approved is kept.
     */
    async approvePartnerCopy(actor: Actor, agreementId: string): Promise<IiaView> {
      agreementPolicy.write(actor);
      const now = nowIso(deps);
      return db.transaction().execute(async (trx) => {
        const row = await repo.findIia(trx, agreementId);
        if (!row) throw new AppError("not_found", "This agreement has no IIA yet.");
        await requireInScope(trx, actor, agreementId);
        if (!row.partner_data || !row.partner_hash)
          throw new AppError("conflict", "The partner's copy has not been received yet.");
        if (!row.partner_iia_id) throw new AppError("conflict", "Map the partner's copy to ours before approving it.");
        if (row.partner_valid_for_approval !== 1) {
          throw new AppError(
            "conflict",
            "The partner's copy still holds values carried over from v6; it cannot be approved.",
          );
        }
        if (row.approved_by_us_hash === row.partner_hash) return presentIia(trx, row);
        await trx
          .updateTable("agreement_iia")
          .set({ approved_by_us_hash: row.partner_hash, approved_by_us_at: now })
          .where("agreement_id", "=", agreementId)
          .execute();
        await enqueue(trx, {
          kind: "iia_approval_cnr",
          heiId: row.hei_id,
          partnerHeiId: row.partner_hei_id,
          iiaId: row.partner_iia_id,
          agreementId,
          now,
        });
        await repo.addVersion(trx, {
          agreement_id: agreementId,
          side: "theirs",
          iia_hash: row.partner_hash,
          data: row.partner_data,
          approved_at: now,
          proof: null,
        });
        await recordAudit(trx, now, {
          actor,
          action: "agreement.iia.approve",
          entity: "agreement",
          entityId: agreementId,
          changes: { partnerIiaId: row.partner_iia_id, iiaHash: row.partner_hash },
        });
        return presentIia(trx, { ...row, approved_by_us_hash: row.partner_hash, approved_by_us_at: now });
      });
    },

    /** The partner's approval response kept with a version it approved. */
    async approvalProof(actor: Actor, agreementId: string, versionId: string): Promise<string> {
      agreementPolicy.read(actor);
      const version = await db
        .selectFrom("agreement_iia_version")
        .select("proof")
        .where("agreement_id", "=", agreementId)
        .where("id", "=", versionId)
        .executeTakeFirst();
      if (!version?.proof) throw new AppError("not_found", "No approval response is kept for this version.");
      return version.proof;
    },

    /** The IIA as a PDF to sign, in the reader's language, with the hash of the version printed. */
    async pdf(actor: Actor, agreementId: string, lang: UiLanguage): Promise<Buffer> {
      agreementPolicy.read(actor);
      const row = await repo.findIia(db, agreementId);
      const agreement = await findAgreement(db, agreementId);
      if (!row || !agreement) throw new AppError("not_found", "This agreement has no IIA yet.");
      const iia = JSON.parse(row.data) as Iia;
      const holders = await repo.holdersOfSchac(
        db,
        iia.partners.map((p) => p.heiId),
      );
      const units = iia.mobilitySpecs
        .flatMap((s) => [s.sendingOunitId, s.receivingOunitId])
        .filter((u) => u !== undefined);
      const unitRows = units.length
        ? await db.selectFrom("organisation").select(["id", "name"]).where("id", "in", units).execute()
        : [];
      return renderIiaPdf({
        iia,
        title: agreement.title,
        institutionNames: Object.fromEntries([...holders].map(([hei, o]) => [hei, o.name])),
        unitNames: Object.fromEntries(unitRows.map((u) => [u.id, u.name])),
        lang,
        iiaHash: row.iia_hash,
        generatedOn: nowIso(deps).slice(0, 10),
        issuer: await institutionNameOf(brand),
      });
    },

    /** An IIAs get-response holding one agreement, or every one when no id is given. */
    async exportXml(actor: Actor, agreementId?: string): Promise<string> {
      agreementPolicy.read(actor);
      const rows = agreementId ? [await repo.findIia(db, agreementId)] : await repo.allIias(db);
      const found = rows.filter((r): r is IiaRow => r !== undefined);
      if (agreementId && found.length === 0) throw new AppError("not_found", "This agreement has no IIA yet.");
      return writeIiasGetResponse(found.map((r) => JSON.parse(r.data) as Iia)).xml;
    },
  };
}
export type IiaService = ReturnType<typeof createIiaService>;
