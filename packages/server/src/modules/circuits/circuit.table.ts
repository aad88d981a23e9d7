/** Internal approval circuits before signature: the tables, by name. */
export interface CircuitTables {
  approval_circuit: ApprovalCircuitTable;
  approval_circuit_step: ApprovalCircuitStepTable;
  approval_run: ApprovalRunTable;
  approval_run_step: ApprovalRunStepTable;
  approval_decision: ApprovalDecisionTable;
}

/** One circuit per kind of agreement. */
export interface ApprovalCircuitTable {
  id: string;
  kind: string;
  name: string;
  created_at: string;
  updated_at: string;
}

export interface ApprovalCircuitStepTable {
  id: string;
  circuit_id: string;
  position: number;
  name: string;
  /** Either a named account or a role approves the step. */
  approver_user_id: string | null;
  approver_role: string | null;
  /** JSON array of the items to tick. */
  checklist: string;
}

/** An agreement's pass through its circuit, started when its signature is requested. */
export interface ApprovalRunTable {
  id: string;
  agreement_id: string;
  circuit_name: string;
  /** pending, approved or superseded (by a later run, or when the agreement is reopened). */
  status: string;
  /** The position of the step whose turn it is, while pending. */
  current_position: number;
  /** From 1; each send-back starts the next round at the first step. */
  round: number;
  /** When the current step's turn came. */
  step_since: string;
  started_at: string;
  finished_at: string | null;
}

/** The circuit's steps as they were when the run started: later edits of the circuit leave it alone. */
export interface ApprovalRunStepTable {
  id: string;
  run_id: string;
  position: number;
  name: string;
  approver_user_id: string | null;
  approver_role: string | null;
  checklist: string;
}

export interface ApprovalDecisionTable {
  id: string;
  run_id: string;
  run_step_id: string;
  round: number;
  /** approve or send_back. */
  decision: string;
  comment: string | null;
  /** JSON array of the items ticked. */
  checklist: string;
  actor_id: string | null;
  at: string;
}
