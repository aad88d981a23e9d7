import { z } from "zod";
import { OrganisationKind } from "./organisation.js";

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
});
export type RegistryEntryView = z.infer<typeof RegistryEntryView>;

export const RegistrySearchQuery = z.object({
  q: z.string().trim().min(1).max(200),
  country: z.string().trim().toUpperCase().length(2).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export type RegistrySearchQuery = z.infer<typeof RegistrySearchQuery>;
