import type { CircuitDecision, CircuitRunView, CircuitStepView, CircuitView, UserRole } from "@conventio/domain";
import type { SignedIn } from "#shared/policy.js";
import { mayDecide } from "./circuit.policy.js";
import type { CircuitRow, CircuitStepRow, DecisionRow, RunRow, RunStepRow } from "./circuit.repository.js";

const items = (json: string): string[] => JSON.parse(json) as string[];

function stepView(s: CircuitStepRow | RunStepRow): CircuitStepView {
  return {
    id: s.id,
    position: s.position,
    name: s.name,
    approverUser: s.approver_user_id ? { id: s.approver_user_id, name: s.approver_name ?? "" } : null,
    approverRole: (s.approver_role as UserRole | null) ?? null,
    checklist: items(s.checklist),
  };
}

export function circuitView(c: CircuitRow, steps: CircuitStepRow[]): CircuitView {
  return {
    id: c.id,
    kind: c.kind as CircuitView["kind"],
    name: c.name,
    steps: steps.filter((s) => s.circuit_id === c.id).map(stepView),
    createdAt: c.created_at,
    updatedAt: c.updated_at,
  };
}

/** A run as the reader sees it: each step's state in the current round, and whether the reader may decide it. */
export function runView(run: RunRow, steps: RunStepRow[], decisions: DecisionRow[], reader: SignedIn): CircuitRunView {
  const names = new Map(steps.map((s) => [s.id, s.name]));
  return {
    id: run.id,
    circuitName: run.circuit_name,
    status: run.status as CircuitRunView["status"],
    round: run.round,
    startedAt: run.started_at,
    finishedAt: run.finished_at,
    steps: steps.map((s) => {
      const state =
        run.status === "approved" || s.position < run.current_position
          ? "approved"
          : run.status === "pending" && s.position === run.current_position
            ? "waiting"
            : "upcoming";
      return {
        ...stepView(s),
        state,
        waitingSince: state === "waiting" ? run.step_since : null,
        canDecide: state === "waiting" && mayDecide(reader, s),
      };
    }),
    decisions: decisions.map((d) => ({
      id: d.id,
      stepId: d.run_step_id,
      stepName: names.get(d.run_step_id) ?? "",
      round: d.round,
      decision: d.decision as CircuitDecision,
      comment: d.comment,
      checklist: items(d.checklist),
      actor: d.actor_id ? { id: d.actor_id, name: d.actor_name ?? "" } : null,
      at: d.at,
    })),
  };
}
