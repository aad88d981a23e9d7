import { z } from "zod";

/** What the outbox holds: notifications to send, partner documents to fetch. */
export const EwpOutboxKind = z.enum(["iia_cnr", "iia_approval_cnr", "fetch_iia", "fetch_approval"]);
export type EwpOutboxKind = z.infer<typeof EwpOutboxKind>;

export const EwpOutboxStatus = z.enum(["pending", "running", "done", "failed", "skipped"]);
export type EwpOutboxStatus = z.infer<typeof EwpOutboxStatus>;

export const EwpOutboxEntry = z.object({
  id: z.string(),
  kind: EwpOutboxKind,
  partnerHeiId: z.string(),
  iiaId: z.string(),
  status: EwpOutboxStatus,
  attempts: z.number().int(),
  nextAttemptAt: z.string().describe("When a pending item is tried next"),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EwpOutboxEntry = z.infer<typeof EwpOutboxEntry>;

/** One EWP call, made to a partner (`out`) or answered to one (`in`). */
export const EwpCall = z.object({
  id: z.string(),
  at: z.string(),
  direction: z.enum(["in", "out"]),
  api: z.string(),
  method: z.string(),
  url: z.string(),
  status: z.number().int().nullable().describe("The HTTP status, null when no answer came"),
  durationMs: z.number().int(),
  error: z.string().nullable(),
  partnerHeiId: z.string().nullable(),
});
export type EwpCall = z.infer<typeof EwpCall>;

/**
 * Where an agreement stands with the partner's node: our copy sent, the copies mapped, each side's
 * approval and whether it is of the current version, with the outbox and the log of calls.
 */
export const IiaExchangeView = z.object({
  agreementId: z.string(),
  partnerHeiId: z.string(),
  ourHash: z.string(),
  partnerHash: z.string().nullable(),
  sent: z.boolean().describe("The partner was notified of our current copy"),
  mapped: z.boolean().describe("Each copy names the other's iia-id"),
  approvedByUs: z.boolean().describe("We approved the partner's current copy"),
  approvedByPartner: z.boolean().describe("The partner approved our current copy"),
  approvedByUsHash: z.string().nullable(),
  approvedByPartnerHash: z.string().nullable(),
  outbox: z.array(EwpOutboxEntry),
  calls: z.array(EwpCall),
});
export type IiaExchangeView = z.infer<typeof IiaExchangeView>;

/** The installation's node: its address, keys and catalogue, and how its outbox stands. */
export const EwpNodeStatus = z.object({
  baseUrl: z.string(),
  manifestUrl: z.string(),
  heiIds: z.array(z.string()),
  clientKeyId: z.string(),
  serverKeyId: z.string(),
  catalogue: z.object({
    location: z.string(),
    hosts: z.number().int().nullable(),
    heis: z.number().int().nullable(),
    error: z.string().nullable().describe("Why the catalogue could not be read, if it could not"),
  }),
  outbox: z.record(EwpOutboxStatus, z.number().int()),
  agreements: z.array(
    z.object({
      agreementId: z.string(),
      reference: z.string(),
      partnerHeiId: z.string(),
      mapped: z.boolean(),
      approvedByUs: z.boolean(),
      approvedByPartner: z.boolean(),
    }),
  ),
  recentCalls: z.array(EwpCall),
});
export type EwpNodeStatus = z.infer<typeof EwpNodeStatus>;
