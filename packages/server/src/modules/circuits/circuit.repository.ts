import type { Kysely, Selectable } from "kysely";
import type { DB } from "#db/schema.js";
import type {
  ApprovalCircuitStepTable,
  ApprovalCircuitTable,
  ApprovalDecisionTable,
  ApprovalRunStepTable,
  ApprovalRunTable,
} from "./circuit.table.js";

export type CircuitRow = Selectable<ApprovalCircuitTable>;
export type CircuitStepRow = Selectable<ApprovalCircuitStepTable> & { approver_name: string | null };
export type RunRow = Selectable<ApprovalRunTable>;
export type RunStepRow = Selectable<ApprovalRunStepTable> & { approver_name: string | null };
export type DecisionRow = Selectable<ApprovalDecisionTable> & { actor_name: string | null };

export async function listCircuits(db: Kysely<DB>): Promise<CircuitRow[]> {
  return db.selectFrom("approval_circuit").selectAll().orderBy("kind").execute();
}

export async function findCircuit(db: Kysely<DB>, id: string): Promise<CircuitRow | undefined> {
  return db.selectFrom("approval_circuit").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function findCircuitForKind(db: Kysely<DB>, kind: string): Promise<CircuitRow | undefined> {
  return db.selectFrom("approval_circuit").selectAll().where("kind", "=", kind).executeTakeFirst();
}

/** The steps of several circuits, in order, with the named approver's name. */
export async function circuitSteps(db: Kysely<DB>, circuitIds: string[]): Promise<CircuitStepRow[]> {
  if (circuitIds.length === 0) return [];
  return db
    .selectFrom("approval_circuit_step as s")
    .leftJoin("app_user as u", "u.id", "s.approver_user_id")
    .selectAll("s")
    .select("u.name as approver_name")
    .where("s.circuit_id", "in", circuitIds)
    .orderBy("s.circuit_id")
    .orderBy("s.position")
    .execute();
}

/** The agreement's latest run, whatever its status. */
export async function latestRun(db: Kysely<DB>, agreementId: string): Promise<RunRow | undefined> {
  return db
    .selectFrom("approval_run")
    .selectAll()
    .where("agreement_id", "=", agreementId)
    .orderBy("started_at", "desc")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
}

export async function runSteps(db: Kysely<DB>, runId: string): Promise<RunStepRow[]> {
  return db
    .selectFrom("approval_run_step as s")
    .leftJoin("app_user as u", "u.id", "s.approver_user_id")
    .selectAll("s")
    .select("u.name as approver_name")
    .where("s.run_id", "=", runId)
    .orderBy("s.position")
    .execute();
}

export async function runDecisions(db: Kysely<DB>, runId: string): Promise<DecisionRow[]> {
  return db
    .selectFrom("approval_decision as d")
    .leftJoin("app_user as u", "u.id", "d.actor_id")
    .selectAll("d")
    .select("u.name as actor_name")
    .where("d.run_id", "=", runId)
    .orderBy("d.at")
    .orderBy("d.id")
    .execute();
}

/** Pending runs with the step whose turn it is and the agreement it belongs to. */
export function waitingSteps(db: Kysely<DB>) {
  return db
    .selectFrom("approval_run as r")
    .innerJoin("approval_run_step as s", (j) =>
      j.onRef("s.run_id", "=", "r.id").onRef("s.position", "=", "r.current_position"),
    )
    .innerJoin("agreement as a", "a.id", "r.agreement_id")
    .select([
      "r.id as run_id",
      "r.round",
      "r.step_since",
      "r.circuit_name",
      "s.id as step_id",
      "s.position",
      "s.name as step_name",
      "s.approver_user_id",
      "s.approver_role",
      "a.id as agreement_id",
      "a.reference",
      "a.title",
      "a.language",
    ])
    .where("r.status", "=", "pending");
}
