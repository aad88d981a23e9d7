import type {
  EwpFactsheet,
  EwpInstitution,
  EwpInstitutionInput,
  EwpOunit,
  FlexibleAddress,
  InformationEntry,
  LanguageRequirement,
  PhoneNumber,
} from "@conventio/domain";
import { rowKey } from "../agreements/agreement-draft";
import type { LocalisedRow } from "../agreements/form-rows";
import {
  type ContactRow,
  contactRowOf,
  contactsOf,
  optional,
  optionalNumber,
  type UrlRow,
  urlRowOf,
  urlsOf,
} from "./ewp-draft";

/**
 * The institution form's state. The main fields are inputs; the rest of what the API takes
 * (units described by hand, the calendar, further web pages and factsheet lists) is edited as
 * JSON. Identifiers are kept exactly as typed: an Erasmus code's spaces are part of it.
 */

export interface OtherIdRow {
  key: string;
  type: string;
  value: string;
}

export interface AddressDraft {
  base: FlexibleAddress | null;
  /** One address line a line, as typed. */
  lines: string;
  postalCode: string;
  locality: string;
  region: string;
  country: string | null;
}

export interface InfoDraft {
  base: InformationEntry | null;
  email: string;
  phone: string;
  website: string;
}

export interface LanguageRequirementRow {
  key: string;
  base: LanguageRequirement | null;
  language: string;
  cefrLevel: string;
  iscedFCode: string;
  details: string;
}

export const INFO_TOPICS = ["applicationInfo", "housingInfo", "visaInfo", "insuranceInfo"] as const;
export type InfoTopic = (typeof INFO_TOPICS)[number];

export interface FactsheetDraft {
  published: boolean;
  nominationsAutumn: string;
  nominationsSpring: string;
  applicationsAutumn: string;
  applicationsSpring: string;
  decisionWeeks: number | string;
  torWeeks: number | string;
  info: Record<InfoTopic, InfoDraft>;
  languageRequirements: LanguageRequirementRow[];
}

export interface InstitutionDraft {
  heiId: string;
  names: LocalisedRow[];
  abbreviation: string;
  otherIds: OtherIdRow[];
  streetAddress: AddressDraft;
  mailingAddress: AddressDraft;
  websites: UrlRow[];
  logoUrl: string;
  contacts: ContactRow[];
  factsheet: FactsheetDraft;
  /** Everything else the API takes, as JSON text. */
  rest: string;
}

/** Fields edited as JSON, and the factsheet's lists edited the same way. */
export const REST_FIELDS = [
  "mobilityFactsheetUrls",
  "courseCatalogueUrls",
  "rootOunitId",
  "ounits",
  "academicCalendar",
] as const;
export const FACTSHEET_REST_FIELDS = ["additionalRequirements", "accessibility", "additionalInfo"] as const;

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * Whether a served unit comes from Conventio's units tree rather than from the description: the
 * server adds those, keyed by the unit's own id and with nothing but names and a code. They are
 * shown, not saved back, so that the tree stays their source.
 */
export function isTreeUnit(unit: EwpOunit): boolean {
  return (
    UUID_V7.test(unit.ounitId) &&
    unit.abbreviation === undefined &&
    unit.logoUrl === undefined &&
    unit.streetAddress === undefined &&
    unit.mailingAddress === undefined &&
    unit.websiteUrls.length === 0 &&
    unit.mobilityFactsheetUrls.length === 0 &&
    unit.contacts.length === 0
  );
}

function addressDraftOf(address: FlexibleAddress | undefined): AddressDraft {
  return {
    base: address ?? null,
    lines: (address?.addressLines ?? []).join("\n"),
    postalCode: address?.postalCode ?? "",
    locality: address?.locality ?? "",
    region: address?.region ?? "",
    country: address?.country ?? null,
  };
}

const phoneText = (phone: PhoneNumber | undefined): string => phone?.e164 ?? phone?.otherFormat ?? "";

const infoDraftOf = (info: InformationEntry | undefined): InfoDraft => ({
  base: info ?? null,
  email: info?.email ?? "",
  phone: phoneText(info?.phone),
  website: info?.websiteUrls[0]?.url ?? "",
});

const requirementRowOf = (r: LanguageRequirement): LanguageRequirementRow => ({
  key: rowKey(),
  base: r,
  language: r.language,
  cefrLevel: r.cefrLevel ?? "",
  iscedFCode: r.iscedFCode ?? "",
  details: r.details ?? "",
});

export const emptyRequirementRow = (): LanguageRequirementRow => ({
  key: rowKey(),
  base: null,
  language: "",
  cefrLevel: "",
  iscedFCode: "",
  details: "",
});

export const isBlankRequirement = (row: LanguageRequirementRow): boolean =>
  [row.language, row.cefrLevel, row.iscedFCode, row.details].every((v) => v.trim() === "");

function factsheetDraftOf(f: EwpFactsheet | undefined): FactsheetDraft {
  return {
    published: f !== undefined,
    nominationsAutumn: f?.calendar.studentNominations.autumnTerm ?? "",
    nominationsSpring: f?.calendar.studentNominations.springTerm ?? "",
    applicationsAutumn: f?.calendar.studentApplications.autumnTerm ?? "",
    applicationsSpring: f?.calendar.studentApplications.springTerm ?? "",
    decisionWeeks: f?.decisionWeeksLimit ?? "",
    torWeeks: f?.torWeeksLimit ?? "",
    info: {
      applicationInfo: infoDraftOf(f?.applicationInfo),
      housingInfo: infoDraftOf(f?.housingInfo),
      visaInfo: infoDraftOf(f?.visaInfo),
      insuranceInfo: infoDraftOf(f?.insuranceInfo),
    },
    languageRequirements: (f?.languageRequirements ?? []).map(requirementRowOf),
  };
}

/** A new institution: the identifiers people are asked for first, ready to fill in. */
const NEW_OTHER_IDS = ["erasmus", "pic", "erasmus-charter"];

/** The form's state for a described institution, or for a new one. */
export function institutionDraftOf(hei: EwpInstitution | null): InstitutionDraft {
  const rest = {
    mobilityFactsheetUrls: hei?.mobilityFactsheetUrls ?? [],
    courseCatalogueUrls: hei?.courseCatalogueUrls ?? [],
    ...(hei?.rootOunitId ? { rootOunitId: hei.rootOunitId } : {}),
    ounits: (hei?.ounits ?? []).filter((u) => !isTreeUnit(u)),
    academicCalendar: hei?.academicCalendar ?? [],
    factsheet: {
      additionalRequirements: hei?.factsheet?.additionalRequirements ?? [],
      accessibility: hei?.factsheet?.accessibility ?? [],
      additionalInfo: hei?.factsheet?.additionalInfo ?? [],
    },
  };
  return {
    heiId: hei?.heiId ?? "",
    names: (hei?.names ?? [{ value: "" }]).map((n) => ({ key: rowKey(), lang: n.lang ?? "", value: n.value })),
    abbreviation: hei?.abbreviation ?? "",
    otherIds: hei
      ? hei.otherIds.map((id) => ({ key: rowKey(), type: id.type, value: id.value }))
      : NEW_OTHER_IDS.map((type) => ({ key: rowKey(), type, value: "" })),
    streetAddress: addressDraftOf(hei?.streetAddress),
    mailingAddress: addressDraftOf(hei?.mailingAddress),
    websites: (hei?.websiteUrls ?? []).map(urlRowOf),
    logoUrl: hei?.logoUrl ?? "",
    contacts: (hei?.contacts ?? []).map(contactRowOf),
    factsheet: factsheetDraftOf(hei?.factsheet),
    rest: JSON.stringify(rest, null, 2),
  };
}

/** The JSON part as an object, or null when it is not a JSON object. */
export function parseRest(text: string): Record<string, unknown> | null {
  if (text.trim() === "") return {};
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

export const isBlankOtherId = (row: OtherIdRow): boolean => row.value.trim() === "";

function addressOf(d: AddressDraft): FlexibleAddress | undefined {
  const lines = d.lines.split("\n").filter((line) => line.trim() !== "");
  const address: FlexibleAddress = {
    ...(d.base ?? { recipientNames: [], deliveryPointCodes: [] }),
    addressLines: lines,
    postalCode: optional(d.postalCode),
    locality: optional(d.locality),
    region: optional(d.region),
    country: d.country ?? undefined,
  };
  const held = Object.entries(address).some(([, v]) => (Array.isArray(v) ? v.length > 0 : v !== undefined));
  return held ? address : undefined;
}

/** A phone number as typed: in international form when it looks like one, as written otherwise. */
export function phoneOf(text: string, base: PhoneNumber | undefined): PhoneNumber {
  if (base && text === phoneText(base)) return base;
  const ext = base?.ext;
  if (text.trim() === "") return { ext };
  return /^\+\d{1,15}$/.test(text) ? { e164: text, ext } : { otherFormat: text, ext };
}

function infoOf(d: InfoDraft): InformationEntry {
  const others = d.base?.websiteUrls.slice(1) ?? [];
  const first = d.base?.websiteUrls[0];
  return {
    email: d.email,
    phone: phoneOf(d.phone, d.base?.phone),
    websiteUrls: optional(d.website) === undefined ? others : [{ ...(first ?? {}), url: d.website }, ...others],
  };
}

function factsheetOf(d: FactsheetDraft, rest: Record<string, unknown>): EwpFactsheet | undefined {
  if (!d.published) return undefined;
  const extras = (rest.factsheet ?? {}) as Partial<EwpFactsheet>;
  return {
    ...extras,
    calendar: {
      studentNominations: { autumnTerm: d.nominationsAutumn, springTerm: d.nominationsSpring },
      studentApplications: { autumnTerm: d.applicationsAutumn, springTerm: d.applicationsSpring },
    },
    applicationInfo: infoOf(d.info.applicationInfo),
    housingInfo: infoOf(d.info.housingInfo),
    visaInfo: infoOf(d.info.visaInfo),
    insuranceInfo: infoOf(d.info.insuranceInfo),
    languageRequirements: d.languageRequirements
      .filter((row) => !isBlankRequirement(row))
      .map((row) => ({
        informationWebsites: row.base?.informationWebsites ?? [],
        language: row.language,
        cefrLevel: optional(row.cefrLevel),
        iscedFCode: optional(row.iscedFCode),
        details: optional(row.details),
      })),
    decisionWeeksLimit: optionalNumber(d.decisionWeeks) as number,
    torWeeksLimit: optionalNumber(d.torWeeks) as number,
    additionalRequirements: extras.additionalRequirements ?? [],
    accessibility: extras.accessibility ?? [],
    additionalInfo: extras.additionalInfo ?? [],
  };
}

/** What the form sends; the JSON part must have been checked with `parseRest` first. */
export function institutionInputOf(d: InstitutionDraft): EwpInstitutionInput {
  const rest = parseRest(d.rest) ?? {};
  const { factsheet: _factsheet, ...others } = rest;
  return {
    ...others,
    heiId: d.heiId,
    names: d.names.map((n) => ({ value: n.value, lang: optional(n.lang) })),
    abbreviation: optional(d.abbreviation),
    otherIds: d.otherIds.filter((row) => !isBlankOtherId(row)).map((row) => ({ type: row.type, value: row.value })),
    streetAddress: addressOf(d.streetAddress),
    mailingAddress: addressOf(d.mailingAddress),
    websiteUrls: urlsOf(d.websites),
    logoUrl: optional(d.logoUrl),
    contacts: contactsOf(d.contacts),
    factsheet: factsheetOf(d.factsheet, rest),
  } as EwpInstitutionInput;
}
