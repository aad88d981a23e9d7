import { z } from "zod";
import { FieldError } from "../errors.js";
import { Iia } from "./iia.js";

const Hash = z.string().describe("iia-hash: lowercase hexadecimal SHA-256");

/** One field on which our copy of an agreement and the partner's differ; values as text, null when absent. */
export const IiaDifference = z.object({
  path: z.string().describe("Dotted path in our copy's terms, e.g. mobilitySpecs.0.mobilitiesPerYear"),
  ours: z.string().nullable(),
  theirs: z.string().nullable(),
});
export type IiaDifference = z.infer<typeof IiaDifference>;

/** An approval: of which version (its hash), when, and whether that version is still the current one. */
export const IiaApprovalState = z.object({
  iiaHash: Hash,
  at: z.string(),
  current: z.boolean().describe("False once the approved content has changed: the approval is void"),
});
export type IiaApprovalState = z.infer<typeof IiaApprovalState>;

/** A version that was approved, kept as it was. */
export const IiaVersionView = z.object({
  side: z
    .enum(["ours", "theirs"])
    .describe("ours: our copy approved by the partner; theirs: the partner's copy approved by us"),
  id: z.string(),
  iiaHash: Hash,
  approvedAt: z.string(),
  iia: Iia,
  hasProof: z
    .boolean()
    .describe("The partner's approval response is kept as received (ours side, when it came over EWP)"),
});
export type IiaVersionView = z.infer<typeof IiaVersionView>;

/** The partner's copy as last received. */
export const IiaPartnerCopy = z.object({
  iia: Iia,
  iiaHash: Hash,
  validForApproval: z.boolean(),
  receivedAt: z.string(),
});

/** An agreement's IIA: our copy with its hash, the partner's copy, how they differ, and the approvals. */
export const IiaView = z.object({
  agreementId: z.string(),
  iia: Iia.describe("Our copy: we are the first partner"),
  iiaHash: Hash,
  validForApproval: z.boolean(),
  modifiedAt: z.string().describe("When hashed content last changed"),
  partnerCopy: IiaPartnerCopy.nullable(),
  differences: z.array(IiaDifference).describe("Empty when both copies say the same"),
  approvedByUs: IiaApprovalState.nullable().describe("Our approval of the partner's copy"),
  approvedByPartner: IiaApprovalState.nullable().describe("The partner's approval of our copy"),
  versions: z.array(IiaVersionView).describe("Approved versions, newest first"),
});
export type IiaView = z.infer<typeof IiaView>;

/** What importing a partner's IIAs get-response did with each agreement in it. */
export const IiaImportOutcome = z.object({
  partnerIiaId: z.string(),
  partnerHeiId: z.string(),
  action: z.enum(["created", "mapped", "updated", "unchanged"]),
  agreementId: z.string(),
  differences: z.number().int().describe("Fields on which the two copies differ"),
});
export const IiaImportReport = z.object({ iias: z.array(IiaImportOutcome) });
export type IiaImportReport = z.infer<typeof IiaImportReport>;

/** What importing a partner's approvals did with each. */
export const IiaApprovalOutcome = z.object({
  iiaId: z.string().describe("Our iia-id, which the partner approved"),
  iiaHash: Hash,
  action: z.enum(["recorded", "unchanged", "refused"]),
  agreementId: z.string().nullable(),
  reason: FieldError.omit({ field: true }).nullable().describe("Why an approval was not recorded"),
});
export const IiaApprovalsReport = z.object({ approvals: z.array(IiaApprovalOutcome) });
export type IiaApprovalsReport = z.infer<typeof IiaApprovalsReport>;

const OWN_IDS = /^partners\.\d+\.(iiaId|iiaCode)$/;

/** Flattens a value into dotted paths and their text, arrays by position. */
function flatten(value: unknown, path: string, out: Map<string, string>): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) flatten(v, path ? `${path}.${i}` : String(i), out);
  } else if (typeof value === "object") {
    for (const [k, v] of Object.entries(value)) flatten(v, path ? `${path}.${k}` : k, out);
  } else out.set(path, String(value));
}

/**
 * Where the partner's copy says something else than ours. The partner lists itself first, so its
 * partners are swapped to compare like with like. Contacts count; the ids and codes each side
 * gives the agreement do not (whether the copies are mapped is shown apart), nor the PDF's file id.
 */
export function iiaDifferences(ours: Iia, theirs: Iia): IiaDifference[] {
  const swapped = { ...theirs, partners: [...theirs.partners].reverse(), pdfFile: undefined };
  const a = new Map<string, string>();
  const b = new Map<string, string>();
  flatten({ ...ours, pdfFile: undefined }, "", a);
  flatten(swapped, "", b);
  const paths = [...new Set([...a.keys(), ...b.keys()])];
  return paths
    .filter((p) => !OWN_IDS.test(p) && a.get(p) !== b.get(p))
    .map((path) => ({ path, ours: a.get(path) ?? null, theirs: b.get(path) ?? null }));
}

/** A first IIA to edit: the parties' SCHAC codes (empty when a party has none), the reference, no conditions yet. */
export const IiaDraft = z.object({
  partners: z.array(z.object({ heiId: z.string(), iiaCode: z.string().optional(), contacts: z.array(z.never()) })),
  inEffect: z.boolean(),
  terminatedAsAWhole: z.boolean(),
  mobilitySpecs: z.array(z.never()),
});
export type IiaDraft = z.infer<typeof IiaDraft>;
