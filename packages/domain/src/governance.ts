import { z } from "zod";
import { isoDateWithin, YEARS } from "./date-bounds.js";
import { MessageParams } from "./errors.js";
import { IsoDate, OrganisationRef, Visibility } from "./organisation.js";
import { PartialDate } from "./partial-date.js";

/** When an action is due: made in the office, so no earlier than 1900. */
const OfficeDate = isoDateWithin(YEARS.office);

const Id = z.string().min(1).max(64);

export const BODY_KINDS = ["steering", "working_group"] as const;
export const BodyKind = z.enum(BODY_KINDS);

export const CreateBodyInput = z.strictObject({
  agreementId: Id,
  kind: BodyKind,
  name: z.string().trim().min(1).max(300),
  theme: z.string().trim().max(300).nullable().default(null),
});
export type CreateBodyInput = z.output<typeof CreateBodyInput>;

export const MemberInput = z
  .strictObject({
    personId: Id.nullable().default(null),
    organisationId: Id.nullable().default(null),
    role: z.string().trim().min(1).max(200).describe("chair, member, secretary, student representative…"),
    startsOn: IsoDate.nullable().default(null),
    endsOn: IsoDate.nullable().default(null),
    studentRepresentative: z.boolean().default(false),
  })
  .refine((m) => m.personId || m.organisationId, { path: ["personId"], message: "Name a person or an organisation" })
  .refine((m) => !m.startsOn || !m.endsOn || m.startsOn <= m.endsOn, {
    path: ["endsOn"],
    message: "The mandate ends before it starts",
  });
export type MemberInput = z.output<typeof MemberInput>;

export const MeetingInput = z.strictObject({
  heldOn: PartialDate.describe("The day, or only the month or year when that is all that is known"),
  place: z.string().trim().max(300).nullable().default(null),
  agenda: z.string().trim().max(20_000).nullable().default(null),
  minutes: z.string().trim().max(100_000).nullable().default(null),
  decisions: z.array(z.string().trim().min(1).max(2000)).max(100).default([]),
  visibility: Visibility.default("internal").describe(
    "A public meeting shows its date, place and decisions on the partnership's public page; agenda and minutes stay internal",
  ),
});
export type MeetingInput = z.output<typeof MeetingInput>;

export const ACTION_STATUSES = ["open", "done", "cancelled"] as const;
export const ActionStatus = z.enum(ACTION_STATUSES);

export const CreateActionInput = z.strictObject({
  title: z.string().trim().min(1).max(500),
  agreementId: Id.nullable().default(null),
  meetingId: Id.nullable().default(null),
  ownerId: Id.nullable().default(null).describe("The account responsible; defaults to whoever creates it"),
  dueOn: OfficeDate.nullable().default(null),
});
export type CreateActionInput = z.output<typeof CreateActionInput>;

export const UpdateActionInput = z.strictObject({
  title: z.string().trim().min(1).max(500).optional(),
  ownerId: Id.nullable().optional(),
  dueOn: OfficeDate.nullable().optional(),
  status: ActionStatus.optional(),
});
export type UpdateActionInput = z.output<typeof UpdateActionInput>;

const PersonRef = z.object({ id: z.string(), name: z.string() });

export const MemberView = z.object({
  id: z.string(),
  person: PersonRef.nullable(),
  organisation: OrganisationRef.nullable(),
  role: z.string(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  studentRepresentative: z.boolean(),
});

export const MeetingView = z.object({
  id: z.string(),
  bodyId: z.string(),
  heldOn: z.string(),
  place: z.string().nullable(),
  agenda: z.string().nullable(),
  minutes: z.string().nullable(),
  decisions: z.array(z.string()),
  visibility: Visibility,
});
export type MeetingView = z.infer<typeof MeetingView>;

export const ActionView = z.object({
  id: z.string(),
  title: z.string(),
  status: ActionStatus,
  dueOn: z.string().nullable(),
  owner: z.object({ id: z.string(), name: z.string() }).nullable(),
  agreement: z
    .object({
      id: z.string(),
      reference: z.string(),
      title: z.string(),
      lang: z.string().nullable().describe("The language the title is written in; null when unknown"),
    })
    .nullable(),
  meetingId: z.string().nullable(),
  createdAt: z.string(),
});
export type ActionView = z.infer<typeof ActionView>;

export const BodyView = z.object({
  id: z.string(),
  agreementId: z.string(),
  kind: BodyKind,
  name: z.string(),
  theme: z.string().nullable(),
  members: z.array(MemberView),
  meetings: z.array(MeetingView),
});
export type BodyView = z.infer<typeof BodyView>;

export const InboxMessageView = z.object({
  id: z.string(),
  kind: z.string(),
  subject: z.string().describe("The subject in English"),
  subjectKey: z
    .string()
    .nullable()
    .describe("Catalogue key of the subject: its English template; null for messages kept only as written"),
  subjectParams: MessageParams.describe("Values for the subject's placeholders"),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type InboxMessageView = z.infer<typeof InboxMessageView>;

export const TIMELINE_KINDS = ["agreement", "signature", "renewal", "termination", "meeting", "membership"] as const;
export const TimelineEvent = z.object({
  kind: z.enum(TIMELINE_KINDS),
  start: z.string().describe("ISO date"),
  end: z.string().nullable().describe("ISO date for spans (agreements, memberships); null for moments"),
  label: z.string(),
  agreementId: z.string().nullable(),
  status: z.string().nullable(),
});
export type TimelineEvent = z.infer<typeof TimelineEvent>;
