import type { Actor, EwpXmlProblem, FieldError, Iia, IiaApprovalsReport, IiaImportReport } from "@conventio/domain";
import { CreateAgreementInput, iiaDifferences } from "@conventio/domain";
import type { Transaction } from "kysely";
import type { DB } from "#db/schema.js";
import { requireUnlimited } from "#modules/accounts/unit-scope.js";
import { agreementPolicy } from "#modules/agreements/agreement.policy.js";
import { createAgreementService } from "#modules/agreements/agreement.service.js";
import { recordAudit } from "#modules/audit/audit.service.js";
import type { DocumentDetacher } from "#modules/documents/document.service.js";
import { joinedTransaction } from "#modules/imports/import-writers.js";
import { AppError, fieldError } from "#shared/app-error.js";
import { type Deps, nowIso } from "#shared/deps.js";
import type { EwpDocumentKind } from "./ewp-namespaces.js";
import * as repo from "./iia.repository.js";
import { storeOwnCopy } from "./iia.service.js";
import { readIiasApprovalResponse, readIiasGetResponse } from "./iia-xml-reader.js";
import { validateEwpXml } from "./xsd-validation.js";

/** Problems of a document as a refusal naming each by its line (`line.12`), nothing written. */
function refuse(problems: ReadonlyArray<EwpXmlProblem | (FieldError & { line: number | null })>): AppError {
  return AppError.invalid(
    problems.map((p) => ({
      field: p.line === null ? "file" : `line.${p.line}`,
      message: p.message,
      key: p.key,
      ...(p.params ? { params: p.params } : {}),
    })),
  );
}

/** The document if it is valid against its official schema and reads without problems. */
async function checked<T extends { problems: EwpXmlProblem[] }>(
  xml: string,
  kind: EwpDocumentKind,
  read: (xml: string) => T,
): Promise<T> {
  const schemaProblems = await validateEwpXml(xml, kind);
  if (schemaProblems.length > 0) throw refuse(schemaProblems);
  const reading = read(xml);
  if (reading.problems.length > 0) throw refuse(reading.problems);
  return reading;
}

/** Our copy of the partner's agreement: we first, the partner's entry second, its lists as the partner wrote them. */
function ourSideOf(theirs: Iia): Iia {
  const [partner, us] = theirs.partners;
  if (!partner || !us) return theirs;
  return { ...theirs, partners: [{ ...us, iiaId: undefined, iiaCode: undefined }, partner], pdfFile: undefined };
}

export function createIiaExchange(deps: Deps, settings: { expiringWindowDays: number }, detach: DocumentDetacher) {
  const { db } = deps;

  /** A new Erasmus+ agreement between the two institutions, for a partner's copy that maps to none of ours. */
  async function newAgreement(
    trx: Transaction<DB>,
    actor: Actor,
    theirs: Iia,
    line: number | null,
  ): Promise<{ id: string; reference: string }> {
    const [partner, us] = theirs.partners;
    const heis = await repo.holdersOfSchac(trx, [partner?.heiId ?? "", us?.heiId ?? ""]);
    const them = heis.get(partner?.heiId ?? "");
    const self = heis.get(us?.heiId ?? "");
    const where = line === null ? "file" : `line.${line}`;
    if (!them || !self) {
      const missing = !them ? partner?.heiId : us?.heiId;
      throw AppError.field("validation_failed", where, "No organisation has the SCHAC code {{heiId}}; add it first.", {
        heiId: missing ?? "",
      });
    }
    const agreements = createAgreementService({ ...deps, db: joinedTransaction(trx) }, settings, detach);
    const created = await agreements.createAgreement(
      actor,
      CreateAgreementInput.parse({
        kind: "erasmus_iia",
        title: `Erasmus+ inter-institutional agreement: ${self.name} – ${them.name}`,
        language: "en",
        parties: [{ organisationId: self.id }, { organisationId: them.id }],
      }),
    );
    return { id: created.id, reference: created.reference };
  }

  return {
    /**
     * Reads a partner's IIAs get-response: each agreement is mapped onto our copy (by the
     * partner's iia-id, or by ours when the partner names it), or becomes a new agreement with
     * our copy made from it. Its copy and hash are kept to compare and approve. All or nothing.
     */
    async importPartnerIias(actor: Actor, xml: string, from?: string): Promise<IiaImportReport> {
      agreementPolicy.write(actor);
      requireUnlimited(actor);
      const reading = await checked(xml, "iiasGet", readIiasGetResponse);
      const own = new Set((await repo.ownInstitutions(db)).map((i) => i.heiId));
      const now = nowIso(deps);
      return db.transaction().execute(async (trx) => {
        const outcomes: IiaImportReport["iias"] = [];
        for (const read of reading.iias) {
          const theirs = read.iia;
          const [partner, us] = theirs.partners;
          const where = read.line === null ? "file" : `line.${read.line}`;
          if (!partner?.iiaId || !us)
            throw AppError.field("validation_failed", where, "The partner's iia-id is missing.");
          if (from !== undefined && partner.heiId !== from) {
            throw AppError.field("validation_failed", where, "{{heiId}} served an agreement of another institution.", {
              heiId: from,
            });
          }
          if (!own.has(us.heiId)) {
            throw AppError.field(
              "validation_failed",
              where,
              "{{heiId}} is not one of this installation's institutions.",
              {
                heiId: us.heiId,
              },
            );
          }
          let row = await repo.findIiaOfPartner(trx, partner.heiId, partner.iiaId, us.iiaId);
          let action: IiaImportReport["iias"][number]["action"];
          if (!row) {
            const created = await newAgreement(trx, actor, theirs, read.line);
            row = await storeOwnCopy(trx, created.id, created.reference, ourSideOf(theirs), now, undefined);
            action = "created";
          } else if (!row.partner_iia_id) {
            // Mapping: the partner's id enters our copy, which changes our hash.
            const ours = JSON.parse(row.data) as Iia;
            const [self, other] = ours.partners;
            if (!self || !other) throw new Error("a stored IIA without its two partners");
            const reference = ours.partners[0]?.iiaCode ?? "";
            const mapped: Iia = { ...ours, partners: [self, { ...other, iiaId: partner.iiaId }] };
            row = await storeOwnCopy(trx, row.agreement_id, reference, mapped, now, row);
            action = "mapped";
          } else {
            action = row.partner_hash === read.hash.iiaHash ? "unchanged" : "updated";
          }
          if (action !== "unchanged") {
            await trx
              .updateTable("agreement_iia")
              .set({
                partner_iia_id: partner.iiaId,
                partner_data: JSON.stringify(theirs),
                partner_hash: read.hash.iiaHash,
                partner_valid_for_approval: read.hash.validForApproval ? 1 : 0,
                partner_received_at: now,
              })
              .where("agreement_id", "=", row.agreement_id)
              .execute();
            await recordAudit(trx, now, {
              actor,
              action: "agreement.iia.receive",
              entity: "agreement",
              entityId: row.agreement_id,
              changes: { partnerIiaId: partner.iiaId, partnerHash: read.hash.iiaHash, action },
            });
          }
          // Receiving the partner's copy changes only the partner's columns: our copy is the row's.
          const ours = JSON.parse(row.data) as Iia;
          outcomes.push({
            partnerIiaId: partner.iiaId,
            partnerHeiId: partner.heiId,
            action,
            agreementId: row.agreement_id,
            differences: iiaDifferences(ours, theirs).length,
          });
        }
        return { iias: outcomes };
      });
    },

    /**
     * Reads a partner's IIAs Approval response: an approval of our copy is recorded, and that
     * version kept, when its hash is our current one; otherwise it is reported and ignored.
     */
    async importPartnerApprovals(actor: Actor, xml: string, from?: string): Promise<IiaApprovalsReport> {
      agreementPolicy.write(actor);
      requireUnlimited(actor);
      const reading = await checked(xml, "iiasApproval", readIiasApprovalResponse);
      const now = nowIso(deps);
      return db.transaction().execute(async (trx) => {
        const out: IiaApprovalsReport["approvals"] = [];
        for (const a of reading.approvals) {
          const row = await repo.findIiaById(trx, a.iiaId);
          const refused = (template: string) => {
            const { field: _f, ...reason } = fieldError("iiaHash", template);
            out.push({
              iiaId: a.iiaId,
              iiaHash: a.iiaHash,
              action: "refused",
              agreementId: row?.agreement_id ?? null,
              reason,
            });
          };
          if (!row || (from !== undefined && row.partner_hei_id !== from))
            refused("No agreement of ours has this iia-id.");
          else if (row.iia_hash !== a.iiaHash) refused("The partner approved another version than our current one.");
          else if (row.approved_by_partner_hash === a.iiaHash) {
            out.push({
              iiaId: a.iiaId,
              iiaHash: a.iiaHash,
              action: "unchanged",
              agreementId: row.agreement_id,
              reason: null,
            });
          } else {
            await trx
              .updateTable("agreement_iia")
              .set({ approved_by_partner_hash: a.iiaHash, approved_by_partner_at: now })
              .where("agreement_id", "=", row.agreement_id)
              .execute();
            await repo.addVersion(trx, {
              agreement_id: row.agreement_id,
              side: "ours",
              iia_hash: a.iiaHash,
              data: row.data,
              approved_at: now,
              proof: xml,
            });
            await recordAudit(trx, now, {
              actor,
              action: "agreement.iia.approved_by_partner",
              entity: "agreement",
              entityId: row.agreement_id,
              changes: { iiaHash: a.iiaHash },
            });
            out.push({
              iiaId: a.iiaId,
              iiaHash: a.iiaHash,
              action: "recorded",
              agreementId: row.agreement_id,
              reason: null,
            });
          }
        }
        return { approvals: out };
      });
    },

    /**
     * The partner no longer serves its copy (it deleted an agreement never approved): its copy and
     * its id leave ours, which changes our hash and notifies it. False when nothing was mapped.
     */
    async partnerCopyGone(actor: Actor, partnerHeiId: string, partnerIiaId: string): Promise<boolean> {
      agreementPolicy.write(actor);
      const now = nowIso(deps);
      return db.transaction().execute(async (trx) => {
        const row = await repo.findIiaOfPartner(trx, partnerHeiId, partnerIiaId, undefined);
        if (!row || row.partner_iia_id !== partnerIiaId) return false;
        const ours = JSON.parse(row.data) as Iia;
        const [self, other] = ours.partners;
        if (!self || !other) throw new Error("a stored IIA without its two partners");
        const unmapped: Iia = { ...ours, partners: [self, { ...other, iiaId: undefined }] };
        const cleared = {
          ...row,
          partner_iia_id: null,
          partner_data: null,
          partner_hash: null,
          partner_valid_for_approval: null,
          partner_received_at: null,
        };
        // The upsert writes the partner's columns from `cleared`, so the copy and its id go in one write.
        await storeOwnCopy(trx, row.agreement_id, self.iiaCode ?? "", unmapped, now, cleared);
        await recordAudit(trx, now, {
          actor,
          action: "agreement.iia.partner_deleted",
          entity: "agreement",
          entityId: row.agreement_id,
          changes: { partnerIiaId },
        });
        return true;
      });
    },
  };
}
export type IiaExchange = ReturnType<typeof createIiaExchange>;
