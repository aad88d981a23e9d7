import type {
  AgreementCircuitView,
  CircuitDecisionInput,
  CircuitInput,
  CircuitView,
  PendingApprovalView,
} from "@conventio/domain";
import { get, id, post, put, remove } from "./core";

/** Approval circuits: their administration, an agreement's run and decisions, and the reader's queue. */
export const circuits = {
  list: () => get<{ items: CircuitView[] }>("/api/circuits"),
  create: (input: CircuitInput) => post<CircuitView>("/api/circuits", input),
  update: (circuitId: string, input: CircuitInput) => put<CircuitView>(`/api/circuits/${id(circuitId)}`, input),
  remove: (circuitId: string) => remove(`/api/circuits/${id(circuitId)}`),
  ofAgreement: (agreementId: string) => get<AgreementCircuitView>(`/api/agreements/${id(agreementId)}/circuit`),
  decide: (agreementId: string, stepId: string, input: CircuitDecisionInput) =>
    post<AgreementCircuitView>(`/api/agreements/${id(agreementId)}/circuit/steps/${id(stepId)}/decision`, input),
  mine: () => get<{ items: PendingApprovalView[] }>("/api/me/approvals"),
};

export const circuitKeys = {
  all: ["circuits"] as const,
  // Under the agreement's keys, so a lifecycle move (which starts or sets aside a run) refreshes it too.
  agreement: (agreementId: string) => ["agreements", "circuit", agreementId] as const,
  mine: ["me", "approvals"] as const,
};
