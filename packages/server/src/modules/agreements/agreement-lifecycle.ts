import {
  type Actor,
  type AgreementStatus,
  type AgreementView,
  addDays,
  allowedActions,
  type BulkTransitionInput,
  type BulkTransitionResult,
  type CreateAgreementInput,
  type StoredStatus,
  type TransitionInput,
  targetStatus,
  transitionViolations,
  type UiLanguage,
} from "@conventio/domain";
import type { Kysely } from "kysely";
import type { DB } from "#db/schema.js";
import { requireInScope } from "#modules/accounts/unit-scope.js";
import { recordAudit } from "#modules/audit/audit.service.js";
import { applyCircuitRules } from "#modules/circuits/circuit-run.js";
import { AppError, fieldError } from "#shared/app-error.js";
import { type Deps, nowIso } from "#shared/deps.js";
import { newId } from "#shared/ids.js";
import { actorId } from "#shared/policy.js";
import { agreementPolicy } from "./agreement.policy.js";
import type { AgreementPresenter } from "./agreement.presenter.js";
import type { AgreementRow } from "./agreement.repository.js";
import * as repo from "./agreement.repository.js";

/** What the lifecycle borrows from the agreement service. */
export interface LifecycleParts {
  today(): string;
  statusOf(r: Pick<AgreementRow, "status" | "ends_on">): AgreementStatus;
  presenter: AgreementPresenter;
  lockAgreement(trx: Kysely<DB>, id: string): Promise<AgreementRow>;
  insertAgreement(
    trx: Kysely<DB>,
    actor: Actor,
    input: CreateAgreementInput,
    predecessorId: string | null,
    action: string,
  ): Promise<AgreementRow>;
}

/** The lifecycle of an agreement: explicit moves with rules, and renewal into a pre-filled successor. */
export function createAgreementLifecycle(deps: Deps, parts: LifecycleParts) {
  const { db } = deps;
  const { today, statusOf, lockAgreement, insertAgreement } = parts;
  const { view } = parts.presenter;

  async function recordEvent(
    trx: Kysely<DB>,
    row: AgreementRow,
    actor: Actor,
    action: string,
    to: StoredStatus,
    note: string | null,
  ) {
    await trx
      .insertInto("agreement_event")
      .values({
        id: newId(),
        agreement_id: row.id,
        at: nowIso(deps),
        actor_id: actorId(actor),
        action,
        from_status: row.status,
        to_status: to,
        note,
      })
      .execute();
  }

  /** One move of one agreement's life, inside the caller's transaction; refused moves throw the rule that stops them. */
  async function applyTransition(
    trx: Kysely<DB>,
    actor: Actor,
    id: string,
    input: TransitionInput,
  ): Promise<AgreementRow> {
    const row = await lockAgreement(trx, id);
    await requireInScope(trx, actor, id);
    const status = statusOf(row);
    const [signatories, parties] = await Promise.all([
      trx.selectFrom("agreement_signatory").select("id").where("agreement_id", "=", id).execute(),
      trx.selectFrom("agreement_party").select("organisation_id").where("agreement_id", "=", id).execute(),
    ]);
    const violations = transitionViolations(
      input.action,
      {
        status,
        signedOn: row.signed_on,
        startsOn: row.starts_on,
        endsOn: row.ends_on,
        signatories: signatories.length,
        parties: parties.length,
      },
      { on: input.on, reason: input.reason },
    );
    const [first] = violations;
    if (first?.field === "action") {
      throw new AppError("conflict", first.key ?? first.message, {
        errors: violations,
        params: first.params ?? {},
      });
    }
    if (first) throw AppError.invalid(violations);
    const to = targetStatus(input.action, status);
    const now = nowIso(deps);
    // Requesting the signature starts the approval circuit; activation waits for its last approval.
    await applyCircuitRules(trx, { agreement: row, action: input.action, at: now });
    const after: AgreementRow = {
      ...row,
      status: to,
      starts_on: input.action === "activate" ? (row.starts_on ?? row.signed_on) : row.starts_on,
      starts_on_precision:
        input.action === "activate" && !row.starts_on ? row.signed_on_precision : row.starts_on_precision,
      terminated_on: input.action === "terminate" ? input.on : row.terminated_on,
      termination_reason: input.action === "terminate" ? input.reason : row.termination_reason,
      ends_on:
        input.action === "terminate" && input.on && (!row.ends_on || input.on < row.ends_on) ? input.on : row.ends_on,
      updated_at: now,
    };
    await trx
      .updateTable("agreement")
      .set({
        status: to,
        starts_on: after.starts_on,
        starts_on_precision: after.starts_on_precision,
        ends_on: after.ends_on,
        terminated_on: after.terminated_on,
        termination_reason: after.termination_reason,
        updated_at: now,
      })
      .where("id", "=", id)
      .execute();
    await recordEvent(trx, row, actor, input.action, to, input.note ?? input.reason);
    // Activating a renewal closes the agreement it renews.
    if (input.action === "activate" && row.predecessor_id) {
      const previous = await repo.findAgreement(trx, row.predecessor_id);
      if (previous && previous.status === "active") {
        await trx
          .updateTable("agreement")
          .set({ status: "renewed", updated_at: now })
          .where("id", "=", previous.id)
          .execute();
        await recordEvent(trx, previous, actor, "renewed", "renewed", `Renewed by ${row.reference}`);
      }
    }
    await recordAudit(trx, now, {
      actor,
      action: `agreement.${input.action}`,
      entity: "agreement",
      entityId: id,
      changes: { status: [status, to], on: input.on, reason: input.reason },
    });
    return after;
  }

  return {
    /** Moves an agreement through its life; refused moves answer with the rule that stops them. */
    /** `lang`: the reader's language, which the answer's titles and names are shown in. */
    async transitionAgreement(
      actor: Actor,
      id: string,
      input: TransitionInput,
      lang: UiLanguage = "en",
    ): Promise<AgreementView> {
      agreementPolicy.write(actor);
      return db.transaction().execute(async (trx) => view(trx, await applyTransition(trx, actor, id, input), lang));
    },

    /**
     * The same move for several agreements, all or none: the first agreement whose rules refuse it
     * refuses the whole request, named by its reference, and nothing changes.
     */
    async transitionAgreements(actor: Actor, input: BulkTransitionInput): Promise<BulkTransitionResult> {
      agreementPolicy.write(actor);
      const ids = [...new Set(input.ids)];
      const { ids: _ids, ...move } = input;
      return db.transaction().execute(async (trx) => {
        const known = await trx.selectFrom("agreement").select(["id", "reference"]).where("id", "in", ids).execute();
        if (known.length < ids.length) {
          const found = new Set(known.map((r) => r.id));
          const unknown = ids.filter((id) => !found.has(id)).join(", ");
          throw AppError.field("validation_failed", "ids", "No agreement has the id {{unknown}}.", { unknown });
        }
        const references = new Map(known.map((r) => [r.id, r.reference]));
        for (const id of ids) {
          try {
            await applyTransition(trx, actor, id, move);
          } catch (err) {
            if (!(err instanceof AppError) || err.status === 403 || err.status === 404) throw err;
            // The agreement is named on the selection; the rules that stop it follow, as for one.
            const params = { reference: references.get(id) ?? id };
            const message = "The agreement {{reference}} cannot make this move.";
            throw new AppError(err.code, message, {
              errors: [fieldError("ids", message, params), ...(err.details.errors ?? [])],
              params,
            });
          }
        }
        return { updated: ids.length };
      });
    },

    /** Creates the successor of an agreement as a draft, pre-filled, linked into the renewal chain. */
    async renewAgreement(actor: Actor, id: string, lang: UiLanguage = "en"): Promise<AgreementView> {
      agreementPolicy.write(actor);
      return db.transaction().execute(async (trx) => {
        const row = await lockAgreement(trx, id);
        await requireInScope(trx, actor, id);
        const status = statusOf(row);
        if (!allowedActions(status).includes("renew")) {
          throw AppError.field("conflict", "action", "An agreement that is {{status}} cannot be renewed.", {
            status: status.replace("_", " "),
          });
        }
        const existing = await trx
          .selectFrom("agreement")
          .select(["reference"])
          .where("predecessor_id", "=", id)
          .executeTakeFirst();
        if (existing) {
          throw new AppError("conflict", "This agreement is already renewed by {{reference}}.", {
            params: { reference: existing.reference },
          });
        }
        const current = await view(trx, row, lang);
        const startsOn = row.ends_on ? addDays(row.ends_on, 1) : today();
        const lengthDays =
          row.starts_on && row.ends_on
            ? Math.round((Date.parse(row.ends_on) - Date.parse(row.starts_on)) / 86_400_000)
            : null;
        const successor = await insertAgreement(
          trx,
          actor,
          {
            kind: row.kind,
            reference: null,
            title: row.title,
            titles: current.titles,
            language: current.language,
            summary: row.summary,
            summaries: current.summaries,
            signedOn: null,
            startsOn,
            endsOn: lengthDays === null ? null : addDays(startsOn, lengthDays),
            noticeMonths: row.notice_months,
            tacitRenewal: row.tacit_renewal === 1,
            frameworkId: row.framework_id,
            visibility: row.visibility,
            internalFields: current.internalFields,
            parties: current.partyDetails.map((p) => ({
              organisationId: p.organisation.id,
              role: p.role,
              responsibleUnitId: p.responsibleUnit?.id ?? null,
            })),
            signatories: [],
            themes: current.themes,
            fields: current.fields.map((f) => f.code),
            objectives: current.objectives,
            axes: current.axes.map((a) => ({
              kind: a.kind,
              title: a.title,
              description: a.description,
              coordinatorIds: a.coordinators.map((c) => c.id),
              objectives: a.objectives,
            })),
            commitments: current.commitments.map((c) => ({
              organisationId: c.organisation?.id ?? null,
              kind: c.kind,
              description: c.description,
              levels: c.levels as Array<"bachelor" | "master" | "doctorate" | "postdoc" | "staff">,
            })),
          },
          id,
          "renew",
        );
        return view(trx, successor, lang);
      });
    },
  };
}
