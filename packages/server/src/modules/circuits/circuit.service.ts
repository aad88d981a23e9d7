import type {
  Actor,
  AgreementCircuitView,
  CircuitDecisionInput,
  CircuitInput,
  CircuitRunView,
  CircuitView,
  PendingApprovalView,
  UserRole,
} from "@conventio/domain";
import { type Kysely, sql } from "kysely";
import type { DB } from "#db/schema.js";
import { recordAudit } from "#modules/audit/audit.service.js";
import { AppError, fieldError } from "#shared/app-error.js";
import { type Deps, nowIso } from "#shared/deps.js";
import { newId } from "#shared/ids.js";
import { actorId, type SignedIn } from "#shared/policy.js";
import { circuitPolicy } from "./circuit.policy.js";
import { circuitView, runView } from "./circuit.presenter.js";
import * as repo from "./circuit.repository.js";
import { rolesUpTo } from "./circuit-run.js";

/** Circuits per kind of agreement, and the decisions of each agreement's run through its circuit. */
export function createCircuitService(deps: Deps) {
  const { db } = deps;

  async function viewOf(trx: Kysely<DB>, id: string): Promise<CircuitView> {
    const row = await repo.findCircuit(trx, id);
    if (!row) throw AppError.notFound("This circuit");
    return circuitView(row, await repo.circuitSteps(trx, [id]));
  }

  /** The kind is free and every named approver is an active account. */
  async function checkCircuit(trx: Kysely<DB>, input: CircuitInput, id: string | null): Promise<void> {
    const other = await repo.findCircuitForKind(trx, input.kind);
    if (other && other.id !== id) {
      throw AppError.field("conflict", "kind", "This kind of agreement already has a circuit.");
    }
    const userIds = input.steps.flatMap((s) => (s.approverUserId ? [s.approverUserId] : []));
    const known = new Set(
      userIds.length
        ? (
            await trx.selectFrom("app_user").select("id").where("id", "in", userIds).where("disabled", "=", 0).execute()
          ).map((u) => u.id)
        : [],
    );
    const errors = input.steps.flatMap((s, i) =>
      s.approverUserId && !known.has(s.approverUserId)
        ? [fieldError(`steps.${i}.approverUserId`, "No active account has this id.")]
        : [],
    );
    if (errors.length) throw AppError.invalid(errors);
  }

  async function writeSteps(trx: Kysely<DB>, circuitId: string, input: CircuitInput): Promise<void> {
    await trx.deleteFrom("approval_circuit_step").where("circuit_id", "=", circuitId).execute();
    await trx
      .insertInto("approval_circuit_step")
      .values(
        input.steps.map((s, position) => ({
          id: newId(),
          circuit_id: circuitId,
          position,
          name: s.name,
          approver_user_id: s.approverUserId,
          approver_role: s.approverRole,
          checklist: JSON.stringify(s.checklist),
        })),
      )
      .execute();
  }

  async function runOf(trx: Kysely<DB>, agreementId: string, reader: SignedIn): Promise<CircuitRunView | null> {
    const run = await repo.latestRun(trx, agreementId);
    if (!run) return null;
    const [steps, decisions] = await Promise.all([repo.runSteps(trx, run.id), repo.runDecisions(trx, run.id)]);
    return runView(run, steps, decisions, reader);
  }

  async function lockAgreement(trx: Kysely<DB>, id: string) {
    let q = trx.selectFrom("agreement").select(["id", "kind", "status"]).where("id", "=", id);
    if (deps.dialect === "postgres") q = q.forUpdate();
    const row = await q.executeTakeFirst();
    if (!row) throw AppError.notFound("This agreement");
    return row;
  }

  return {
    async listCircuits(actor: Actor): Promise<{ items: CircuitView[] }> {
      circuitPolicy.manage(actor);
      const rows = await repo.listCircuits(db);
      const steps = await repo.circuitSteps(
        db,
        rows.map((r) => r.id),
      );
      return { items: rows.map((r) => circuitView(r, steps)) };
    },

    async getCircuit(actor: Actor, id: string): Promise<CircuitView> {
      circuitPolicy.manage(actor);
      return viewOf(db, id);
    },

    async createCircuit(actor: Actor, input: CircuitInput): Promise<CircuitView> {
      circuitPolicy.manage(actor);
      return db.transaction().execute(async (trx) => {
        await checkCircuit(trx, input, null);
        const id = newId();
        const now = nowIso(deps);
        await trx
          .insertInto("approval_circuit")
          .values({ id, kind: input.kind, name: input.name, created_at: now, updated_at: now })
          .execute();
        await writeSteps(trx, id, input);
        await recordAudit(trx, now, {
          actor,
          action: "circuit.create",
          entity: "circuit",
          entityId: id,
          changes: input,
        });
        return viewOf(trx, id);
      });
    },

    async updateCircuit(actor: Actor, id: string, input: CircuitInput): Promise<CircuitView> {
      circuitPolicy.manage(actor);
      return db.transaction().execute(async (trx) => {
        if (!(await repo.findCircuit(trx, id))) throw AppError.notFound("This circuit");
        await checkCircuit(trx, input, id);
        const now = nowIso(deps);
        await trx
          .updateTable("approval_circuit")
          .set({ kind: input.kind, name: input.name, updated_at: now })
          .where("id", "=", id)
          .execute();
        await writeSteps(trx, id, input);
        await recordAudit(trx, now, {
          actor,
          action: "circuit.update",
          entity: "circuit",
          entityId: id,
          changes: input,
        });
        return viewOf(trx, id);
      });
    },

    async deleteCircuit(actor: Actor, id: string): Promise<void> {
      circuitPolicy.manage(actor);
      await db.transaction().execute(async (trx) => {
        const r = await trx.deleteFrom("approval_circuit").where("id", "=", id).executeTakeFirst();
        if (Number(r.numDeletedRows) === 0) throw AppError.notFound("This circuit");
        await recordAudit(trx, nowIso(deps), {
          actor,
          action: "circuit.delete",
          entity: "circuit",
          entityId: id,
          changes: {},
        });
      });
    },

    /** The circuit an agreement's kind goes through and its latest run, as the reader may act on it. */
    async agreementCircuit(actor: Actor, agreementId: string): Promise<AgreementCircuitView> {
      circuitPolicy.read(actor);
      const agreement = await db
        .selectFrom("agreement")
        .select(["id", "kind"])
        .where("id", "=", agreementId)
        .executeTakeFirst();
      if (!agreement) throw AppError.notFound("This agreement");
      const circuit = await repo.findCircuitForKind(db, agreement.kind);
      return {
        agreementId,
        circuit: circuit ? { id: circuit.id, name: circuit.name } : null,
        run: await runOf(db, agreementId, actor),
      };
    },

    /**
     * The approver of the step whose turn it is approves (every checklist item ticked) or sends
     * back with a comment, which returns the run to its first step for a new round. Each decision
     * goes into the agreement's history; the last approval opens activation.
     */
    async decideStep(
      actor: Actor,
      agreementId: string,
      stepId: string,
      input: CircuitDecisionInput,
    ): Promise<AgreementCircuitView> {
      circuitPolicy.read(actor);
      return db.transaction().execute(async (trx) => {
        const agreement = await lockAgreement(trx, agreementId);
        const run = await repo.latestRun(trx, agreementId);
        const steps = run ? await repo.runSteps(trx, run.id) : [];
        const step = steps.find((s) => s.id === stepId);
        if (!run || !step) throw AppError.notFound("This step");
        circuitPolicy.decide(actor, step);
        if (run.status !== "pending") {
          throw new AppError("conflict", "The approval circuit is not waiting for a decision.");
        }
        const current = steps.find((s) => s.position === run.current_position);
        if (step.position !== run.current_position) {
          throw new AppError("conflict", "Steps approve in order: it is the turn of {{step}}.", {
            params: { step: current?.name ?? "" },
          });
        }
        const checklist = JSON.parse(step.checklist) as string[];
        const ticked = [...new Set(input.checklist)];
        const unknown = ticked.find((item) => !checklist.includes(item));
        if (unknown !== undefined) {
          throw AppError.field(
            "validation_failed",
            "checklist",
            "This item is not on the step's checklist: {{item}}.",
            {
              item: unknown,
            },
          );
        }
        if (input.decision === "approve" && ticked.length < checklist.length) {
          throw AppError.field("validation_failed", "checklist", "Tick every item of the checklist before approving.");
        }
        if (input.decision === "send_back" && !input.comment) {
          throw AppError.field("validation_failed", "comment", "Say why the step is sent back.");
        }
        const now = nowIso(deps);
        await trx
          .insertInto("approval_decision")
          .values({
            id: newId(),
            run_id: run.id,
            run_step_id: step.id,
            round: run.round,
            decision: input.decision,
            comment: input.comment,
            checklist: JSON.stringify(ticked),
            actor_id: actorId(actor),
            at: now,
          })
          .execute();
        const last = step.position === steps.length - 1;
        const next =
          input.decision === "send_back"
            ? { round: run.round + 1, current_position: 0, step_since: now }
            : last
              ? { status: "approved", finished_at: now }
              : { current_position: step.position + 1, step_since: now };
        await trx.updateTable("approval_run").set(next).where("id", "=", run.id).execute();
        // A decision moves no status: the history row keeps the status the agreement is in.
        await trx
          .insertInto("agreement_event")
          .values({
            id: newId(),
            agreement_id: agreementId,
            at: now,
            actor_id: actorId(actor),
            action: input.decision === "approve" ? "circuit_approve" : "circuit_send_back",
            from_status: null,
            to_status: agreement.status,
            note: historyNote(input.decision, step.name, input.comment),
          })
          .execute();
        await recordAudit(trx, now, {
          actor,
          action: `agreement.circuit_${input.decision}`,
          entity: "agreement",
          entityId: agreementId,
          changes: { step: step.name, round: run.round, comment: input.comment, checklist: ticked },
        });
        const circuit = await repo.findCircuitForKind(trx, agreement.kind);
        return {
          agreementId,
          circuit: circuit ? { id: circuit.id, name: circuit.name } : null,
          run: await runOf(trx, agreementId, actor),
        };
      });
    },

    /** The steps waiting for the reader's decision, oldest first: a named step, or one asking for a role they hold. */
    async myApprovals(actor: Actor): Promise<{ items: PendingApprovalView[] }> {
      circuitPolicy.read(actor);
      const rows = await repo
        .waitingSteps(db)
        .where((eb) =>
          eb.or([
            eb("s.approver_user_id", "=", actor.id),
            eb.and([
              eb("s.approver_user_id", "is", null),
              eb("s.approver_role", "in", rolesUpTo(actor.role as UserRole)),
            ]),
          ]),
        )
        .orderBy("r.step_since")
        .orderBy(sql`r.id`)
        .execute();
      return {
        items: rows.map((r) => ({
          agreement: { id: r.agreement_id, reference: r.reference, title: r.title, lang: r.language },
          runId: r.run_id,
          stepId: r.step_id,
          stepName: r.step_name,
          circuitName: r.circuit_name,
          waitingSince: r.step_since,
        })),
      };
    },
  };
}

/** The history's note: the step, the decision and the comment, in the words the history is kept in. */
function historyNote(decision: "approve" | "send_back", step: string, comment: string | null): string {
  const what = decision === "approve" ? "approved" : "sent back";
  return comment ? `${step}: ${what}. ${comment}` : `${step}: ${what}.`;
}

export type CircuitService = ReturnType<typeof createCircuitService>;
