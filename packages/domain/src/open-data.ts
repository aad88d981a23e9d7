import { z } from "zod";
import { AgreementKind, AgreementStatus } from "./agreement.js";
import { OrganisationKind } from "./organisation.js";
import { OpenDataLicence } from "./site-settings.js";

/**
 * The open data: what the public portal shows of the public partnerships and partners, as files
 * anyone may download and reuse under the institution's licence.
 */
export const OPEN_DATA_SETS = ["partnerships", "partners"] as const;
export type OpenDataSet = (typeof OPEN_DATA_SETS)[number];
export const OPEN_DATA_FORMATS = ["csv", "json"] as const;
export type OpenDataFormat = (typeof OPEN_DATA_FORMATS)[number];

export const OpenDataPartnership = z.object({
  id: z.string(),
  reference: z.string(),
  title: z.string().describe("In the language asked for when translated, else as written"),
  kind: AgreementKind,
  status: AgreementStatus,
  signedOn: z.string().nullable().describe("YYYY, YYYY-MM or YYYY-MM-DD, as precisely as known"),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  partners: z.array(z.object({ name: z.string(), country: z.string().nullable().describe("ISO 3166-1 alpha-2") })),
  themes: z.array(z.string()),
  url: z.string().describe("The partnership's public page"),
});
export type OpenDataPartnership = z.infer<typeof OpenDataPartnership>;

export const OpenDataPartner = z.object({
  id: z.string(),
  name: z.string().describe("In the language asked for when translated, else as written"),
  acronym: z.string().nullable(),
  kind: OrganisationKind,
  country: z.string().nullable().describe("ISO 3166-1 alpha-2"),
  city: z.string().nullable(),
  website: z.string().nullable(),
  ror: z.string().nullable(),
  erasmusCode: z.string().nullable(),
  url: z.string().describe("The partner's public page"),
});
export type OpenDataPartner = z.infer<typeof OpenDataPartner>;

/** The JSON files: who publishes them, under which licence, when, and the items. */
export const openDataDocument = <T extends z.ZodType>(item: T) =>
  z.object({
    licence: OpenDataLicence,
    publisher: z.string().describe("The institution's name"),
    generatedAt: z.string().describe("When the file was written, ISO 8601"),
    items: z.array(item),
  });
