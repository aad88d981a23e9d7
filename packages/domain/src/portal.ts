import { z } from "zod";
import { AgreementKind, AgreementStatus, AxisKind, CommitmentKind, PartyRole } from "./agreement.js";
import { UiLanguage } from "./auth.js";
import { EventView } from "./event.js";
import { ShownText } from "./language.js";
import { OrganisationKind } from "./organisation.js";
import { NewsSummary } from "./publication.js";

/**
 * What the public portal serves: one page per public partnership and per public partner,
 * already in the reader's language. Every multilingual text comes with the language it is
 * shown in (null when unknown), so a page can mark a French original inside an English page.
 */

export const PublicOrganisationRef = z.object({
  id: z.string(),
  name: ShownText,
  kind: OrganisationKind,
  public: z.boolean().describe("True when the organisation has a public page of its own"),
});
export type PublicOrganisationRef = z.infer<typeof PublicOrganisationRef>;

/**
 * A person on a public page: named only if they agreed to be named (else their role and
 * organisation stand alone), e-mail and phone only for those who agreed to be a public contact.
 */
export const PublicContact = z.object({
  name: z.string().nullable().describe("Null when the person did not agree to be named in public"),
  title: z.string().nullable().describe("Their position; null when they are not named"),
  organisation: PublicOrganisationRef.nullable(),
  role: z.string(),
  studentRepresentative: z.boolean(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});
export type PublicContact = z.infer<typeof PublicContact>;

export const PublicAgreementRef = z.object({
  id: z.string(),
  reference: z.string(),
  kind: AgreementKind,
  title: ShownText,
  status: AgreementStatus,
  signedOn: z.string().nullable(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  recordedAsPast: z.boolean(),
});
export type PublicAgreementRef = z.infer<typeof PublicAgreementRef>;

export const PublicSignatory = z.object({
  name: z
    .string()
    .nullable()
    .describe("As printed; null for a person of the register who did not agree to be named in public"),
  title: ShownText.nullable().describe("Title or function, in the reader's language when known"),
  organisation: PublicOrganisationRef.nullable(),
  signedOn: z.string().nullable().describe("As written: YYYY-MM-DD, YYYY-MM or YYYY"),
  place: z.string().nullable(),
});

export const PublicFunding = z.object({
  funder: z.string(),
  programme: z.string().nullable(),
  amount: z.number().nullable().describe("The amount granted, else the amount asked"),
  currency: z.string(),
  outcome: z.string(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
});

export const PublicPartnershipPage = z.object({
  lang: UiLanguage.describe("The reader's language the page is assembled in"),
  preview: z.boolean().describe("True for an editor's preview of what would be published"),
  agreement: PublicAgreementRef.extend({
    summary: ShownText.nullable(),
    noticeMonths: z.number().nullable(),
    tacitRenewal: z.boolean(),
    terminatedOn: z.string().nullable(),
    parties: z.array(
      z.object({
        organisation: PublicOrganisationRef,
        role: PartyRole,
        responsibleUnit: PublicOrganisationRef.nullable(),
      }),
    ),
    signatories: z.array(PublicSignatory),
    themes: z.array(ShownText),
    fields: z.array(z.object({ code: z.string(), name: z.string() })),
    objectives: z.array(z.string()),
    commitments: z.array(
      z.object({
        organisation: PublicOrganisationRef.nullable(),
        kind: CommitmentKind,
        description: z.string(),
        levels: z.array(z.string()),
      }),
    ),
    axes: z.array(
      z.object({
        id: z.string(),
        kind: AxisKind,
        title: z.string(),
        description: z.string().nullable(),
        objectives: z.array(z.string()),
        coordinators: z.array(PublicContact),
      }),
    ),
  }),
  history: z
    .object({
      chain: z.array(PublicAgreementRef).describe("The renewal chain, oldest first, this agreement included"),
      framework: PublicAgreementRef.nullable(),
      specifics: z.array(PublicAgreementRef),
    })
    .describe("Empty of internal agreements; the chain is this agreement alone when its history is kept internal"),
  governance: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.string(),
      theme: z.string().nullable(),
      members: z.array(PublicContact),
      meetings: z.array(
        z.object({
          id: z.string(),
          heldOn: z.string(),
          place: z.string().nullable(),
          decisions: z.array(z.string()),
        }),
      ),
    }),
  ),
  events: z.array(EventView),
  news: z.array(NewsSummary),
  activities: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      title: z.string(),
      description: z.string().nullable(),
      startsOn: z.string().nullable(),
      endsOn: z.string().nullable(),
      status: z.string(),
      place: z.string().nullable(),
      partners: z.array(PublicOrganisationRef),
      funding: PublicFunding.nullable(),
    }),
  ),
  publicFields: z
    .array(z.string())
    .describe("The parts of the agreement shown to the public; the others are kept internal"),
});
export type PublicPartnershipPage = z.infer<typeof PublicPartnershipPage>;

const PublicRef = z.object({ id: z.string(), name: ShownText, kind: OrganisationKind });

/** A partner as the public sees it: public facts, public networks and members, public partnerships. */
export const PublicOrganisationPage = z.object({
  lang: UiLanguage,
  organisation: z.object({
    id: z.string(),
    name: ShownText,
    names: z.array(z.object({ lang: z.string(), value: z.string() })),
    acronym: z.string().nullable(),
    kind: OrganisationKind,
    countryCode: z.string().nullable(),
    city: z.string().nullable(),
    website: z.string().nullable(),
    description: z.string().nullable(),
    parent: PublicRef.nullable(),
  }),
  units: z.array(PublicRef),
  memberOf: z.array(z.object({ network: PublicRef, since: z.string().nullable(), until: z.string().nullable() })),
  members: z.array(z.object({ member: PublicRef, since: z.string().nullable(), until: z.string().nullable() })),
  partnerships: z.array(PublicAgreementRef),
});
export type PublicOrganisationPage = z.infer<typeof PublicOrganisationPage>;

/** Which way to read a partnership page: the public's, or an editor's preview of it. */
export const PortalQuery = z.object({
  lang: z.string().trim().max(35).optional().describe("The reader's language: en, fr or sv"),
});

/** The public home page: the latest published news and the coming public events. */
export const PublicHome = z.object({ news: z.array(NewsSummary), events: z.array(EventView) });
export type PublicHome = z.infer<typeof PublicHome>;
