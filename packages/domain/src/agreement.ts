import { z } from "zod";
import { isIscedCode } from "./isced.js";
import { ShownText } from "./language.js";
import { IsoDate, LocalisedName, OrganisationRef, Visibility } from "./organisation.js";
import { SortOrder } from "./page.js";
import { endsBeforeStart, PartialDate } from "./partial-date.js";

const Id = z.string().min(1).max(64);

export const AGREEMENT_KINDS = [
  "partnership_convention",
  "memorandum_of_understanding",
  "framework_agreement",
  "specific_agreement",
  "bilateral_exchange",
  "erasmus_iia",
  "double_degree",
  "joint_degree",
  "cotutelle",
  "consortium_charter",
  "network_membership",
  "programme_membership",
] as const;
export const AgreementKind = z.enum(AGREEMENT_KINDS);
export type AgreementKind = z.infer<typeof AgreementKind>;

/** Statuses kept in the database. */
export const STORED_STATUSES = [
  "draft",
  "negotiation",
  "awaiting_signature",
  "active",
  "renewed",
  "terminated",
] as const;
/** Statuses people see: an active agreement is "expiring" or "expired" according to the clock. */
export const AGREEMENT_STATUSES = [...STORED_STATUSES, "expiring", "expired"] as const;
export const AgreementStatus = z.enum(AGREEMENT_STATUSES);
export type AgreementStatus = z.infer<typeof AgreementStatus>;
export type StoredStatus = (typeof STORED_STATUSES)[number];

export const PARTY_ROLES = ["coordinator", "partner", "member", "associate"] as const;
export const PartyRole = z.enum(PARTY_ROLES);

export const AXIS_KINDS = ["operational", "transversal", "area"] as const;
export const AxisKind = z.enum(AXIS_KINDS);

export const COMMITMENT_KINDS = [
  "student_exchange",
  "new_programme",
  "double_degree",
  "publication_exchange",
  "staff_programme",
  "joint_project",
  "other",
] as const;
export const CommitmentKind = z.enum(COMMITMENT_KINDS);

/** Parts of a public agreement that can still be kept internal, one by one. */
export const GUARDED_FIELDS = ["summary", "signatories", "commitments", "objectives", "axes", "history"] as const;
export const GuardedField = z.enum(GUARDED_FIELDS);
export type GuardedField = z.infer<typeof GuardedField>;

const Language = z
  .string()
  .trim()
  .regex(/^[a-z]{2,3}$/, "A language code such as fr");

const LocalisedSummary = z.strictObject({
  lang: Language,
  value: z.string().trim().min(1).max(10_000),
});

export const PartyInput = z.strictObject({
  organisationId: Id,
  role: PartyRole.default("partner"),
  responsibleUnitId: Id.nullable().default(null).describe("The unit on our side that looks after the agreement"),
});

export const SignatoryInput = z.strictObject({
  personId: Id.nullable().default(null),
  name: z.string().trim().min(1).max(200).describe("As printed under the signature"),
  title: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .nullable()
    .default(null)
    .describe("Title or function as printed, e.g. Président, Secretary General"),
  titles: z.array(LocalisedName).max(10).default([]).describe("The title or function in other languages"),
  organisationId: Id.nullable().default(null),
  signedOn: PartialDate.nullable().default(null),
  place: z.string().trim().max(200).nullable().default(null),
});

export const AxisInput = z.strictObject({
  kind: AxisKind.default("operational"),
  title: z.string().trim().min(1).max(300),
  description: z.string().trim().max(5000).nullable().default(null),
  coordinatorIds: z.array(Id).max(20).default([]).describe("People who coordinate the axis or area"),
  objectives: z.array(z.string().trim().min(1).max(1000)).max(50).default([]),
});

export const CommitmentInput = z.strictObject({
  organisationId: Id.nullable().default(null).describe("The party that committed; null for all parties"),
  kind: CommitmentKind,
  description: z.string().trim().min(1).max(2000),
  levels: z
    .array(z.enum(["bachelor", "master", "doctorate", "postdoc", "staff"]))
    .max(5)
    .default([]),
});

const Isced = z.string().refine(isIscedCode, "An ISCED-F 2013 field code such as 061");

const agreementFields = {
  kind: AgreementKind,
  reference: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .nullable()
    .default(null)
    .describe("Human reference code; generated when empty"),
  title: z.string().trim().min(1, "A title is required").max(500),
  titles: z.array(LocalisedName).max(10).default([]),
  language: Language.nullable().default(null).describe("The language the title and summary are written in"),
  summary: z.string().trim().max(10_000).nullable().default(null),
  summaries: z.array(LocalisedSummary).max(10).default([]).describe("The summary in other languages"),
  signedOn: PartialDate.nullable().default(null),
  startsOn: PartialDate.nullable().default(null),
  endsOn: PartialDate.nullable().default(null).describe("Null for an open-ended agreement"),
  noticeMonths: z.number().int().min(0).max(120).nullable().default(null),
  tacitRenewal: z.boolean().default(false),
  frameworkId: Id.nullable().default(null).describe("The framework agreement this specific agreement is made under"),
  visibility: Visibility.default("internal"),
  internalFields: z
    .array(GuardedField)
    .max(GUARDED_FIELDS.length)
    .default(["signatories", "history"])
    .describe("Parts hidden from the public even when the agreement is public (contacts, by default)"),
  parties: z.array(PartyInput).max(200).default([]),
  signatories: z.array(SignatoryInput).max(50).default([]),
  themes: z.array(z.string().trim().min(1).max(80)).max(50).default([]),
  fields: z.array(Isced).max(40).default([]),
  objectives: z.array(z.string().trim().min(1).max(1000)).max(50).default([]),
  axes: z.array(AxisInput).max(30).default([]),
  commitments: z.array(CommitmentInput).max(50).default([]),
};

function checkDates(a: { startsOn?: string | null; endsOn?: string | null }, ctx: z.RefinementCtx): void {
  if (endsBeforeStart(a.startsOn, a.endsOn)) {
    ctx.addIssue({ code: "custom", path: ["endsOn"], message: "The agreement cannot end before it starts" });
  }
}

export const CreateAgreementInput = z.strictObject(agreementFields).superRefine(checkDates);
export type CreateAgreementInput = z.output<typeof CreateAgreementInput>;

/** What a past agreement can be recorded as: it is entered as it stands, not moved through its life. */
export const PAST_STATUSES = ["active", "renewed", "terminated"] as const;

export const RecordPastAgreementInput = z
  .strictObject({
    ...agreementFields,
    status: z
      .enum(PAST_STATUSES)
      .describe("Active (expired by the clock once its end has passed), renewed by a later agreement, or terminated"),
    predecessorId: Id.nullable().default(null).describe("The earlier agreement this one renewed"),
    terminatedOn: PartialDate.nullable().default(null),
    terminationReason: z.string().trim().max(2000).nullable().default(null),
  })
  .superRefine((a, ctx) => {
    checkDates(a, ctx);
    if (a.status !== "terminated" && (a.terminatedOn || a.terminationReason)) {
      ctx.addIssue({
        code: "custom",
        path: ["terminatedOn"],
        message: "Only a terminated agreement has a termination",
      });
    }
  });
export type RecordPastAgreementInput = z.output<typeof RecordPastAgreementInput>;

export const UpdateAgreementInput = z
  .strictObject({
    kind: AgreementKind.optional(),
    reference: z.string().trim().min(1).max(60).optional(),
    title: z.string().trim().min(1, "A title is required").max(500).optional(),
    titles: z.array(LocalisedName).max(10).optional(),
    language: Language.nullable().optional(),
    summary: z.string().trim().max(10_000).nullable().optional(),
    summaries: z.array(LocalisedSummary).max(10).optional(),
    signedOn: PartialDate.nullable().optional(),
    startsOn: PartialDate.nullable().optional(),
    endsOn: PartialDate.nullable().optional(),
    noticeMonths: z.number().int().min(0).max(120).nullable().optional(),
    tacitRenewal: z.boolean().optional(),
    frameworkId: Id.nullable().optional(),
    visibility: Visibility.optional(),
    internalFields: z.array(GuardedField).max(GUARDED_FIELDS.length).optional(),
    parties: z.array(PartyInput).max(200).optional(),
    signatories: z.array(SignatoryInput).max(50).optional(),
    themes: z.array(z.string().trim().min(1).max(80)).max(50).optional(),
    fields: z.array(Isced).max(40).optional(),
    objectives: z.array(z.string().trim().min(1).max(1000)).max(50).optional(),
    axes: z.array(AxisInput).max(30).optional(),
    commitments: z.array(CommitmentInput).max(50).optional(),
  })
  .superRefine(checkDates);
export type UpdateAgreementInput = z.output<typeof UpdateAgreementInput>;

export const TRANSITIONS = ["start_negotiation", "request_signature", "activate", "terminate", "reopen"] as const;
export const TransitionAction = z.enum(TRANSITIONS);
export type TransitionAction = z.infer<typeof TransitionAction>;

export const TransitionInput = z.strictObject({
  action: TransitionAction,
  on: IsoDate.nullable().default(null).describe("Date of a termination"),
  reason: z.string().trim().max(2000).nullable().default(null).describe("Why it was terminated"),
  note: z.string().trim().max(2000).nullable().default(null),
});
export type TransitionInput = z.output<typeof TransitionInput>;

/** The title as shown to the reader: in the reader's language when a version exists, else the original. */
const ShownTitle = ShownText.describe("The title in the reader's language when one is stored, else the original");

export const AgreementSummary = z.object({
  id: z.string(),
  reference: z.string(),
  kind: AgreementKind,
  title: z.string().describe("The title as written in the original"),
  shown: ShownTitle,
  status: AgreementStatus,
  signedOn: z.string().nullable(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  parties: z.array(OrganisationRef),
  visibility: Visibility,
});
export type AgreementSummary = z.infer<typeof AgreementSummary>;

export const AgreementRef = z.object({
  id: z.string(),
  reference: z.string(),
  title: z.string().describe("The title as written in the original"),
  shown: ShownTitle,
  status: AgreementStatus,
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
});
export type AgreementRef = z.infer<typeof AgreementRef>;

const PersonRef = z.object({ id: z.string(), name: z.string() });

export const AgreementView = AgreementSummary.extend({
  titles: z.array(z.object({ lang: z.string(), value: z.string() })),
  language: z.string().nullable().describe("The language the title and summary are written in"),
  recordedAsPast: z.boolean().describe("Entered afterwards as a past agreement, outside the lifecycle rules"),
  summary: z.string().nullable(),
  summaries: z.array(z.object({ lang: z.string(), value: z.string() })),
  noticeMonths: z.number().nullable(),
  tacitRenewal: z.boolean(),
  terminatedOn: z.string().nullable(),
  terminationReason: z.string().nullable(),
  framework: AgreementRef.nullable(),
  specifics: z.array(AgreementRef).describe("Specific agreements made under this framework agreement"),
  chain: z.array(AgreementRef).describe("Every agreement of the renewal chain, oldest first, this one included"),
  partyDetails: z.array(
    z.object({ organisation: OrganisationRef, role: PartyRole, responsibleUnit: OrganisationRef.nullable() }),
  ),
  signatories: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      title: z.string().nullable(),
      titles: z.array(z.object({ lang: z.string(), value: z.string() })),
      person: PersonRef.nullable(),
      organisation: OrganisationRef.nullable(),
      signedOn: z.string().nullable().describe("As written: YYYY-MM-DD, YYYY-MM or YYYY"),
      place: z.string().nullable(),
    }),
  ),
  themes: z.array(z.string()),
  fields: z.array(z.object({ code: z.string(), name: z.string() })),
  objectives: z.array(z.string()),
  axes: z.array(
    z.object({
      id: z.string(),
      kind: AxisKind,
      title: z.string(),
      description: z.string().nullable(),
      coordinators: z.array(PersonRef),
      objectives: z.array(z.string()),
    }),
  ),
  commitments: z.array(
    z.object({
      organisation: OrganisationRef.nullable(),
      kind: CommitmentKind,
      description: z.string(),
      levels: z.array(z.string()),
    }),
  ),
  history: z.array(
    z.object({
      at: z.string(),
      action: z.string(),
      from: z.string().nullable(),
      to: z.string(),
      actor: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
  internalFields: z.array(GuardedField),
  allowedActions: z.array(z.enum([...TRANSITIONS, "renew"])).describe("Lifecycle actions open now"),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AgreementView = z.infer<typeof AgreementView>;

/** The columns an agreement list sorts by; each is backed by an index over (key, id). */
export const AGREEMENT_SORTS = ["title", "reference", "startsOn", "endsOn", "status"] as const;
export const AgreementSort = z.enum(AGREEMENT_SORTS);
export type AgreementSort = z.infer<typeof AgreementSort>;

export const AgreementListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  kind: AgreementKind.optional(),
  status: AgreementStatus.optional(),
  partner: Id.optional().describe("Only agreements this organisation is party to"),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .length(2)
    .optional()
    .describe("Only agreements with a party in this country"),
  theme: z.string().trim().max(80).optional(),
  expiringWithinDays: z.coerce.number().int().min(0).max(3650).optional(),
  ids: z
    .string()
    .max(13_000)
    .regex(/^[\w-]{1,64}(,[\w-]{1,64}){0,199}$/, "Up to 200 agreement ids separated by commas")
    .optional()
    .describe("Only these agreements, e.g. a list's selection: up to 200 ids separated by commas"),
  sort: AgreementSort.optional().describe("The column the list is sorted by; title when absent"),
  order: SortOrder.optional(),
});
export type AgreementListQuery = z.infer<typeof AgreementListQuery>;

/** One theme added to several agreements at once: all of them or none. */
export const BulkThemeInput = z.strictObject({
  ids: z.array(Id).min(1, "Choose at least one agreement").max(200).describe("The agreements to tag"),
  theme: z.string().trim().min(1, "A theme is required").max(80).describe("The theme's label"),
});
export type BulkThemeInput = z.output<typeof BulkThemeInput>;

export const BulkThemeResult = z.object({
  updated: z.number().int().describe("Agreements that did not carry the theme yet and now do"),
});
export type BulkThemeResult = z.infer<typeof BulkThemeResult>;

export const BulkTransitionInput = TransitionInput.extend({
  ids: z.array(Id).min(1, "Choose at least one agreement").max(200).describe("The agreements to move"),
});
export type BulkTransitionInput = z.output<typeof BulkTransitionInput>;

export const BulkTransitionResult = z.object({
  updated: z.number().int().describe("Agreements moved, every one of the selection"),
});
export type BulkTransitionResult = z.infer<typeof BulkTransitionResult>;

/** A theme of the managed vocabulary, with its label in other languages. */
export const ThemeInput = z.strictObject({
  label: z.string().trim().min(1, "A label is required").max(80),
  labels: z
    .array(z.strictObject({ lang: z.string().regex(/^[a-z]{2,3}$/), value: z.string().trim().min(1).max(80) }))
    .max(10)
    .default([]),
});
export type ThemeInput = z.output<typeof ThemeInput>;

export const ThemeView = z.object({
  theme: z.string().describe("The folded label, the theme's key"),
  label: z.string(),
  labels: z.array(z.object({ lang: z.string(), value: z.string() })),
  managed: z.boolean().describe("True for the managed vocabulary, false for free tags in use"),
  agreements: z.number().int(),
});
export type ThemeView = z.infer<typeof ThemeView>;
