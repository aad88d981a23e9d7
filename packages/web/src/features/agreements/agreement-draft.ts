import type {
  AgreementKind,
  AgreementView,
  CreateAgreementInput,
  GuardedField,
  OrganisationRef,
  PAST_STATUSES,
  Visibility,
} from "@conventio/domain";
import type { PersonRef } from "../people/person-picker";
import type { AgreementChoice } from "./agreement-picker";

type PartyRole = CreateAgreementInput["parties"][number]["role"];
type AxisKind = CreateAgreementInput["axes"][number]["kind"];
type CommitmentKind = CreateAgreementInput["commitments"][number]["kind"];
type Level = CreateAgreementInput["commitments"][number]["levels"][number];

export interface PartyRow {
  key: string;
  organisation: OrganisationRef | null;
  role: PartyRole;
  unit: OrganisationRef | null;
}
export interface SignatoryRow {
  key: string;
  name: string;
  title: string;
  titles: { key: string; lang: string; value: string }[];
  person: PersonRef | null;
  organisation: OrganisationRef | null;
  signedOn: string;
  place: string;
}
export interface AxisRow {
  key: string;
  kind: AxisKind;
  title: string;
  description: string;
  coordinators: PersonRef[];
  objectives: string;
}
export interface CommitmentRow {
  key: string;
  organisationId: string | null;
  kind: CommitmentKind;
  description: string;
  levels: Level[];
}

/** The form's state: text as typed, lists as rows; turned into the API input on save. */
export interface AgreementDraft {
  kind: AgreementKind | null;
  reference: string;
  title: string;
  titles: { key: string; lang: string; value: string }[];
  language: string;
  summary: string;
  summaries: { key: string; lang: string; value: string }[];
  signedOn: string;
  startsOn: string;
  endsOn: string;
  noticeMonths: number | string;
  tacitRenewal: boolean;
  frameworkId: string | null;
  visibility: Visibility;
  internalFields: GuardedField[];
  parties: PartyRow[];
  signatories: SignatoryRow[];
  themes: string[];
  fields: string[];
  objectives: string;
  axes: AxisRow[];
  commitments: CommitmentRow[];
  /** Only when recording a past agreement: how it stands. */
  past: {
    status: (typeof PAST_STATUSES)[number];
    predecessor: AgreementChoice | null;
    terminatedOn: string;
    terminationReason: string;
  };
}

let counter = 0;
export const rowKey = () => `row-${++counter}`;

export function draftOf(a?: AgreementView): AgreementDraft {
  return {
    kind: a?.kind ?? null,
    reference: a?.reference ?? "",
    title: a?.title ?? "",
    titles: (a?.titles ?? []).map((n) => ({ key: rowKey(), lang: n.lang, value: n.value })),
    language: a?.language ?? "",
    summary: a?.summary ?? "",
    summaries: (a?.summaries ?? []).map((n) => ({ key: rowKey(), lang: n.lang, value: n.value })),
    signedOn: a?.signedOn ?? "",
    startsOn: a?.startsOn ?? "",
    endsOn: a?.endsOn ?? "",
    noticeMonths: a?.noticeMonths ?? "",
    tacitRenewal: a?.tacitRenewal ?? false,
    frameworkId: a?.framework?.id ?? null,
    visibility: a?.visibility ?? "internal",
    internalFields: a?.internalFields ?? ["signatories", "history"],
    parties: (a?.partyDetails ?? []).map((p) => ({
      key: rowKey(),
      organisation: p.organisation,
      role: p.role,
      unit: p.responsibleUnit,
    })),
    signatories: (a?.signatories ?? []).map((s) => ({
      key: rowKey(),
      name: s.name,
      title: s.title ?? "",
      titles: s.titles.map((n) => ({ key: rowKey(), lang: n.lang, value: n.value })),
      person: s.person,
      organisation: s.organisation,
      signedOn: s.signedOn ?? "",
      place: s.place ?? "",
    })),
    themes: a?.themes ?? [],
    fields: (a?.fields ?? []).map((f) => f.code),
    objectives: (a?.objectives ?? []).join("\n"),
    axes: (a?.axes ?? []).map((x) => ({
      key: rowKey(),
      kind: x.kind,
      title: x.title,
      description: x.description ?? "",
      coordinators: x.coordinators,
      objectives: x.objectives.join("\n"),
    })),
    commitments: (a?.commitments ?? []).map((c) => ({
      key: rowKey(),
      organisationId: c.organisation?.id ?? null,
      kind: c.kind,
      description: c.description,
      levels: c.levels as Level[],
    })),
    past: { status: "active", predecessor: null, terminatedOn: "", terminationReason: "" },
  };
}

const orNull = (text: string) => (text.trim() ? text.trim() : null);
const lines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

/** The draft as the API takes it; the domain schema then checks it. */
export function inputOf(d: AgreementDraft) {
  return {
    kind: d.kind ?? undefined,
    reference: orNull(d.reference),
    title: d.title,
    titles: d.titles.map((n) => ({ lang: n.lang.trim(), value: n.value })),
    language: orNull(d.language),
    summary: orNull(d.summary),
    summaries: d.summaries.map((n) => ({ lang: n.lang.trim(), value: n.value })),
    signedOn: orNull(d.signedOn),
    startsOn: orNull(d.startsOn),
    endsOn: orNull(d.endsOn),
    noticeMonths: typeof d.noticeMonths === "number" ? d.noticeMonths : null,
    tacitRenewal: d.tacitRenewal,
    frameworkId: d.frameworkId,
    visibility: d.visibility,
    internalFields: d.internalFields,
    parties: d.parties.map((p) => ({
      organisationId: p.organisation?.id ?? "",
      role: p.role,
      responsibleUnitId: p.unit?.id ?? null,
    })),
    signatories: d.signatories.map((s) => ({
      personId: s.person?.id ?? null,
      name: s.name,
      title: orNull(s.title),
      titles: s.titles.map((n) => ({ lang: n.lang.trim(), value: n.value })),
      organisationId: s.organisation?.id ?? null,
      signedOn: orNull(s.signedOn),
      place: orNull(s.place),
    })),
    themes: d.themes,
    fields: d.fields,
    objectives: lines(d.objectives),
    axes: d.axes.map((x) => ({
      kind: x.kind,
      title: x.title,
      description: orNull(x.description),
      coordinatorIds: x.coordinators.map((c) => c.id),
      objectives: lines(x.objectives),
    })),
    commitments: d.commitments.map((c) => ({
      organisationId: c.organisationId,
      kind: c.kind,
      description: c.description,
      levels: c.levels,
    })),
  };
}

/** The draft as a past agreement to record, as it stands. */
export function pastInputOf(d: AgreementDraft) {
  return {
    ...inputOf(d),
    status: d.past.status,
    predecessorId: d.past.predecessor?.id ?? null,
    terminatedOn: d.past.status === "terminated" ? orNull(d.past.terminatedOn) : null,
    terminationReason: d.past.status === "terminated" ? orNull(d.past.terminationReason) : null,
  };
}
