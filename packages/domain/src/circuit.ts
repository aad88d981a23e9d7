import { z } from "zod";
import { AgreementKind } from "./agreement.js";
import { UserRole } from "./auth.js";

const Id = z.string().min(1).max(64);
const ChecklistItem = z.string().trim().min(1, "A checklist item cannot be empty").max(300);

/** One step of an approval circuit: who approves, and what they check first. */
export const CircuitStepInput = z
  .strictObject({
    name: z.string().trim().min(1, "A name is required").max(200).describe("e.g. Head of unit, Legal affairs"),
    approverUserId: Id.nullable().default(null).describe("The account that approves this step"),
    approverRole: UserRole.nullable()
      .default(null)
      .describe("Or: any account holding at least this role approves this step"),
    checklist: z.array(ChecklistItem).max(30).default([]).describe("What the approver ticks before approving"),
  })
  .superRefine((s, ctx) => {
    if ((s.approverUserId === null) === (s.approverRole === null)) {
      ctx.addIssue({
        code: "custom",
        path: ["approverUserId"],
        message: "Name the approver: one account or one role",
      });
    }
    const seen = new Set<string>();
    s.checklist.forEach((item, i) => {
      if (seen.has(item)) {
        ctx.addIssue({ code: "custom", path: ["checklist", i], message: "This item is already on the checklist" });
      }
      seen.add(item);
    });
  });
export type CircuitStepInput = z.output<typeof CircuitStepInput>;

/** A circuit for one kind of agreement; saving it replaces its steps (runs already started keep theirs). */
export const CircuitInput = z.strictObject({
  kind: AgreementKind.describe("The kind of agreement that goes through this circuit before signature"),
  name: z.string().trim().min(1, "A name is required").max(200),
  steps: z.array(CircuitStepInput).min(1, "A circuit has at least one step").max(20),
});
export type CircuitInput = z.output<typeof CircuitInput>;

const UserRef = z.object({ id: z.string(), name: z.string() });

export const CircuitStepView = z.object({
  id: z.string(),
  position: z.number().int().describe("From 0, in the order the steps approve"),
  name: z.string(),
  approverUser: UserRef.nullable(),
  approverRole: UserRole.nullable(),
  checklist: z.array(z.string()),
});
export type CircuitStepView = z.infer<typeof CircuitStepView>;

export const CircuitView = z.object({
  id: z.string(),
  kind: AgreementKind,
  name: z.string(),
  steps: z.array(CircuitStepView),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CircuitView = z.infer<typeof CircuitView>;

export const CircuitList = z.object({ items: z.array(CircuitView) });

export const CIRCUIT_DECISIONS = ["approve", "send_back"] as const;
export const CircuitDecision = z.enum(CIRCUIT_DECISIONS);
export type CircuitDecision = z.infer<typeof CircuitDecision>;

export const CircuitDecisionInput = z.strictObject({
  decision: CircuitDecision,
  comment: z.string().trim().max(2000).nullable().default(null).describe("Required when sending back"),
  checklist: z
    .array(z.string().trim().min(1).max(300))
    .max(30)
    .default([])
    .describe("The checklist items ticked, as written on the step"),
});
export type CircuitDecisionInput = z.output<typeof CircuitDecisionInput>;

export const RUN_STATUSES = ["pending", "approved", "superseded"] as const;
export const RUN_STEP_STATES = ["approved", "waiting", "upcoming"] as const;

export const CircuitRunStepView = CircuitStepView.extend({
  state: z.enum(RUN_STEP_STATES).describe("In the current round"),
  waitingSince: z.string().nullable().describe("When the step's turn came, while it waits"),
  canDecide: z.boolean().describe("True when the reader may decide this step now"),
});
export type CircuitRunStepView = z.infer<typeof CircuitRunStepView>;

export const CircuitDecisionView = z.object({
  id: z.string(),
  stepId: z.string(),
  stepName: z.string(),
  round: z.number().int().describe("From 1; a send-back starts the next round"),
  decision: CircuitDecision,
  comment: z.string().nullable(),
  checklist: z.array(z.string()).describe("The items ticked"),
  actor: UserRef.nullable(),
  at: z.string(),
});
export type CircuitDecisionView = z.infer<typeof CircuitDecisionView>;

export const CircuitRunView = z.object({
  id: z.string(),
  circuitName: z.string(),
  status: z.enum(RUN_STATUSES),
  round: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  steps: z.array(CircuitRunStepView),
  decisions: z.array(CircuitDecisionView).describe("Oldest first"),
});
export type CircuitRunView = z.infer<typeof CircuitRunView>;

/** An agreement's approval circuit: the one its kind has now, and its latest run. */
export const AgreementCircuitView = z.object({
  agreementId: z.string(),
  circuit: z
    .object({ id: z.string(), name: z.string() })
    .nullable()
    .describe("The circuit its kind goes through; null when none is defined"),
  run: CircuitRunView.nullable().describe("Started when the signature is requested"),
});
export type AgreementCircuitView = z.infer<typeof AgreementCircuitView>;

/** A step waiting for the reader's decision. */
export const PendingApprovalView = z.object({
  agreement: z.object({
    id: z.string(),
    reference: z.string(),
    title: z.string(),
    lang: z.string().nullable().describe("The language the title is written in; null when unknown"),
  }),
  runId: z.string(),
  stepId: z.string(),
  stepName: z.string(),
  circuitName: z.string(),
  waitingSince: z.string(),
});
export type PendingApprovalView = z.infer<typeof PendingApprovalView>;
export const PendingApprovalList = z.object({ items: z.array(PendingApprovalView) });
