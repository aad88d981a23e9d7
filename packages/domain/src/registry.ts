import { z } from "zod";
import { Problem } from "./errors.js";
import { OrganisationKind } from "./organisation.js";

/** ROR's record status: withdrawn records are duplicates pointing to a successor, inactive ones closed or merged. */
export const REGISTRY_STATUSES = ["active", "inactive", "withdrawn"] as const;
export const RegistryStatus = z.enum(REGISTRY_STATUSES);
export type RegistryStatus = z.infer<typeof RegistryStatus>;

/** Another registry entry named by this one (its parent, or the one it is now known as). */
export const RegistryRelative = z.object({
  rorId: z.string(),
  id: z.string().nullable().describe("The registry entry of that ROR id, when the registry holds it"),
  name: z.string().nullable(),
});
export type RegistryRelative = z.infer<typeof RegistryRelative>;

/** An entry of the bundled registry (ROR and the Erasmus charter holders), not yet a partner. */
export const RegistryEntryView = z.object({
  id: z.string(),
  name: z.string(),
  acronym: z.string().nullable(),
  kind: OrganisationKind,
  countryCode: z.string().nullable(),
  city: z.string().nullable(),
  website: z.string().nullable(),
  rorId: z.string().nullable(),
  erasmusCode: z.string().nullable(),
  pic: z.string().nullable(),
  organisationId: z.string().nullable().describe("Set when this entry is already a partner organisation"),
  status: RegistryStatus,
  parent: RegistryRelative.nullable().describe("The organisation this one is a unit of, from ROR's relationships"),
  successor: RegistryRelative.nullable().describe("Now known as: the organisation that succeeded this one"),
});
export type RegistryEntryView = z.infer<typeof RegistryEntryView>;

export const RegistrySearchQuery = z.object({
  q: z.string().trim().min(1).max(200),
  country: z.string().trim().toUpperCase().length(2).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export type RegistrySearchQuery = z.infer<typeof RegistrySearchQuery>;

/** Why a record or row of an imported file was not taken. */
export const REGISTRY_SKIP_REASONS = [
  "no_ror_id",
  "no_name",
  "no_erasmus_code",
  "bad_erasmus_code",
  "repeated_in_file",
  "withdrawn",
  "inactive",
] as const;
export const RegistrySkipReason = z.enum(REGISTRY_SKIP_REASONS);
export type RegistrySkipReason = z.infer<typeof RegistrySkipReason>;

export const RegistrySkip = z.object({
  line: z.number().int().describe("Line of the record or row in the file, header included for a CSV"),
  key: z.string().nullable().describe("Its ROR id or Erasmus code, as written"),
  reason: RegistrySkipReason,
});
export type RegistrySkip = z.infer<typeof RegistrySkip>;

/**
 * What a registry import did with a file: every record accounted for. imported + merged + skipped
 * = rows; created + updated + unchanged = imported + merged.
 */
export const RegistryImportReport = z.object({
  source: z.enum(["ror", "eche", "bundle"]),
  into: z.enum(["registry", "organisations"]),
  rows: z.number().int().describe("Records (ROR) or data rows (CSV) read"),
  imported: z.number().int().describe("Taken as entries or organisations of their own"),
  merged: z.number().int().describe("Joined with what another source already holds (an Erasmus row with a ROR entry)"),
  skipped: z.number().int(),
  created: z.number().int(),
  updated: z.number().int().describe("Existing, and changed by this file"),
  unchanged: z.number().int().describe("Existing, and already as this file says"),
  withdrawn: z.number().int().describe("Records ROR has withdrawn: flagged in the registry, never made partners"),
  inactive: z.number().int().describe("Records ROR marks inactive: flagged in the registry"),
  parentsLinked: z.number().int().describe("Units given their parent organisation by this import"),
  successorsLinked: z.number().int().describe("Organisations given their successor (now known as) by this import"),
  skips: z.array(RegistrySkip),
  seconds: z.number(),
});
export type RegistryImportReport = z.infer<typeof RegistryImportReport>;

export const REGISTRY_IMPORT_TARGETS = ["registry", "organisations"] as const;
export const RegistryImportTarget = z.enum(REGISTRY_IMPORT_TARGETS);
export type RegistryImportTarget = z.infer<typeof RegistryImportTarget>;

/** A registry import running or run from the web app: its progress, then its report or its problem. */
export const RegistryImportJob = z.object({
  id: z.string(),
  file: z.string().describe("The uploaded file's name"),
  source: z.enum(["ror", "eche"]).describe("A ROR dump, or the Erasmus charter list"),
  into: RegistryImportTarget,
  status: z.enum(["running", "done", "failed"]),
  processed: z.number().int().describe("Records or rows handled so far"),
  fraction: z.number().min(0).max(1).describe("How far through the file, from 0 to 1"),
  report: RegistryImportReport.nullable(),
  problem: Problem.nullable().describe("Why it failed, when it did"),
  startedAt: z.string(),
});
export type RegistryImportJob = z.infer<typeof RegistryImportJob>;
