import {
  type Actor,
  type EwpContactInput,
  EwpInstitution,
  type EwpInstitutionInput,
  Iia,
  type IiaInput,
  type MobilitySpecInput,
} from "@conventio/domain";
import type { OrganisationService } from "#modules/organisations/organisation.service.js";

/**
 * Realistic, deterministic EWP data built through the domain schemas, for tests and demo data:
 * a Lille–Warsaw agreement with every kind of mobility and contacts, a terminated one, one
 * still carrying values from v6, and the institution profile of Lille.
 */

const coordinator: EwpContactInput = {
  names: [{ value: "Claire Dubois", lang: "fr" }],
  givenNames: [{ value: "Claire" }],
  familyNames: [{ value: "Dubois" }],
  gender: 2,
  phones: [{ e164: "+33362268000", ext: "4512" }],
  emails: ["claire.dubois@univ-lille.fr"],
  streetAddress: { addressLines: ["42 rue Paul Duez"], postalCode: "59000", locality: "Lille", country: "FR" },
  roles: [{ value: "Coordinatrice Erasmus+ de la faculté de droit", lang: "fr" }],
};

const warsawOffice: EwpContactInput = {
  names: [{ value: "Biuro Współpracy z Zagranicą", lang: "pl" }],
  emails: ["bwz@uw.edu.pl"],
  phones: [{ otherFormat: "(22) 552 00 00" }],
  mailingAddress: {
    streetName: "Krakowskie Przedmieście",
    buildingNumber: "26/28",
    postalCode: "00-927",
    country: "PL",
  },
};

const studies = (overrides: Partial<MobilitySpecInput> = {}): MobilitySpecInput =>
  ({
    kind: "student-studies",
    sendingHeiId: "univ-lille.fr",
    sendingOunitId: "law",
    sendingContacts: [coordinator],
    receivingHeiId: "uw.edu.pl",
    receivingFirstAcademicYearId: "2024/2025",
    receivingLastAcademicYearId: "2028/2029",
    mobilitiesPerYear: 3,
    recommendedLanguageSkills: [
      { language: "en", cefrLevel: "B2", subjectArea: { iscedFCode: "0421", iscedClarification: "European law" } },
      { language: "pl", cefrLevel: "A2" },
    ],
    subjectAreas: [{ iscedFCode: "0421", iscedClarification: "European and comparative law" }],
    otherInfoTerms: "Tuition fees are waived; see the annex & the grading table.",
    totalMonthsPerYear: 27.5,
    blended: true,
    eqfLevels: [6, 7],
    ...overrides,
  }) as MobilitySpecInput;

/** A Lille–Warsaw agreement in effect: studies both ways, teaching and training, with contacts. */
export function buildIia(overrides: Partial<IiaInput> = {}): Iia {
  return Iia.parse({
    partners: [
      {
        heiId: "univ-lille.fr",
        ounitId: "law",
        iiaId: "4b3d9c1e-8f0a-4a51-9c7e-2f1d6a7b8c90",
        iiaCode: "2024/E+/LILLE-WARSZAW/17",
        signingContact: coordinator,
        signingDate: "2024-03-14",
        contacts: [coordinator],
      },
      {
        heiId: "uw.edu.pl",
        iiaId: "1954991",
        iiaCode: "2014/E+/PL/4104B",
        signingContact: { names: [{ value: "Anna Nowak" }], emails: ["anna.nowak@uw.edu.pl"] },
        signingDate: "2024-03-20",
        contacts: [warsawOffice],
      },
    ],
    inEffect: true,
    mobilitySpecs: [
      {
        kind: "staff-teacher",
        sendingHeiId: "uw.edu.pl",
        receivingHeiId: "univ-lille.fr",
        receivingOunitId: "law",
        receivingContacts: [coordinator],
        receivingFirstAcademicYearId: "2024/2025",
        receivingLastAcademicYearId: "2025/2026",
        mobilitiesPerYear: 2,
        recommendedLanguageSkills: [{ language: "fr", cefrLevel: "B1" }],
        totalDaysPerYear: 10,
      },
      studies(),
      studies({
        sendingHeiId: "uw.edu.pl",
        sendingOunitId: undefined,
        sendingContacts: [warsawOffice],
        receivingHeiId: "univ-lille.fr",
        receivingOunitId: "law",
        recommendedLanguageSkills: [{ language: "fr", cefrLevel: "B2" }],
        otherInfoTerms: undefined,
        totalMonthsPerYear: 10,
        blended: false,
        eqfLevels: [7],
      }),
      {
        kind: "staff-training",
        sendingHeiId: "univ-lille.fr",
        receivingHeiId: "uw.edu.pl",
        receivingFirstAcademicYearId: "2025/2026",
        receivingLastAcademicYearId: "2025/2026",
        mobilitiesPerYear: 1,
        subjectAreas: [{ iscedFCode: "0413" }],
        totalDaysPerYear: 4.5,
      },
    ],
    pdfFile: "a0c6e4b2-5d3f-4e1a-9b8c-7d6e5f4a3b21",
    ...overrides,
  });
}

/** A mutually approved agreement ended before any exchange; the partner's copy is not mapped. */
export function buildTerminatedIia(): Iia {
  return Iia.parse({
    partners: [
      { heiId: "univ-lille.fr", iiaId: "lille-2023-0042", iiaCode: "2023/E+/42" },
      { heiId: "hibo.no", iiaCode: "HIBO-2023-7" },
    ],
    inEffect: true,
    terminatedAsAWhole: true,
    mobilitySpecs: [
      {
        kind: "student-traineeship",
        sendingHeiId: "hibo.no",
        receivingHeiId: "univ-lille.fr",
        receivingFirstAcademicYearId: "2023/2024",
        receivingLastAcademicYearId: "2024/2025",
        mobilitiesPerYear: 4,
        totalMonthsPerYear: 0.25,
        blended: false,
      },
    ],
  });
}

/** An agreement approved under v6 and not modified since: values flagged, a former ISCED code kept. */
export function buildCarriedOverIia(): Iia {
  return Iia.parse({
    partners: [
      { heiId: "univ-lille.fr", iiaId: "lille-2019-0007", iiaCode: "2019/E+/7" },
      { heiId: "uw.edu.pl", iiaId: "1111" },
    ],
    inEffect: true,
    mobilitySpecs: [
      studies({
        mobilitiesPerYearNotYetDefined: true,
        recommendedLanguageSkills: [{ language: "en", cefrLevel: "B1", notYetDefined: true }],
        subjectAreas: [{ iscedFCode: "0310", v6Value: "031", iscedClarification: "Social sciences" }],
        sendingContacts: [],
      }),
    ],
  });
}

const info = (topic: string) => ({
  email: `${topic}@univ-lille.fr`,
  phone: { e164: "+33362268000" },
  websiteUrls: [{ url: `https://www.univ-lille.fr/international/${topic}`, lang: "en" }],
});

/** Lille's profile: ids as written, names, addresses, units, factsheet and calendar. */
export function buildInstitution(overrides: Partial<EwpInstitutionInput> = {}): EwpInstitution {
  return EwpInstitution.parse({
    heiId: "univ-lille.fr",
    otherIds: [
      { type: "erasmus", value: "F  LILLE103" },
      { type: "pic", value: "894287914" },
      { type: "erasmus-charter", value: "101048367" },
    ],
    names: [
      { value: "Université de Lille", lang: "fr" },
      { value: "University of Lille", lang: "en" },
    ],
    abbreviation: "ULille",
    streetAddress: { addressLines: ["42 rue Paul Duez"], postalCode: "59000", locality: "Lille", country: "FR" },
    mailingAddress: { postOfficeBox: "BP 30225", postalCode: "59655", locality: "Villeneuve d'Ascq", country: "FR" },
    websiteUrls: [
      { url: "https://www.univ-lille.fr", lang: "fr" },
      { url: "https://www.univ-lille.fr/en", lang: "en" },
    ],
    logoUrl: "https://www.univ-lille.fr/logo.svg",
    mobilityFactsheetUrls: [{ url: "https://international.univ-lille.fr/factsheet.pdf", lang: "en" }],
    courseCatalogueUrls: [{ url: "https://www.univ-lille.fr/formations" }],
    contacts: [coordinator],
    rootOunitId: "root",
    ounits: [
      { ounitId: "root", ounitCode: "ULILLE", names: [{ value: "Université de Lille", lang: "fr" }] },
      {
        ounitId: "law",
        ounitCode: "FSJPS",
        names: [
          { value: "Faculté des sciences juridiques, politiques et sociales", lang: "fr" },
          { value: "Faculty of Law", lang: "en" },
        ],
        abbreviation: "FSJPS",
        parentOunitId: "root",
        websiteUrls: [{ url: "https://droit.univ-lille.fr" }],
        contacts: [coordinator],
      },
    ],
    factsheet: {
      calendar: {
        studentNominations: { autumnTerm: "--05-15", springTerm: "--10-15" },
        studentApplications: { autumnTerm: "--06-01", springTerm: "--11-01" },
      },
      applicationInfo: info("applications"),
      additionalRequirements: [
        { name: "Transcript of Records", details: "All grades of the last two years", informationWebsites: [] },
      ],
      languageRequirements: [
        { language: "fr", cefrLevel: "B1", details: "Courses taught in French" },
        { language: "en", cefrLevel: "B2", iscedFCode: "0421" },
      ],
      decisionWeeksLimit: 5,
      torWeeksLimit: 5,
      accessibility: [{ type: "service", name: "Relais handicap", information: info("accessibility") }],
      housingInfo: info("housing"),
      visaInfo: info("visa"),
      insuranceInfo: info("insurance"),
      additionalInfo: [{ type: "Recognition process", info: info("recognition") }],
    },
    academicCalendar: [
      {
        academicYearId: "2024/2025",
        ewpId: "2024/2025-1/2",
        names: [{ value: "Semestre 1", lang: "fr" }],
        startDate: "2024-09-02",
        endDate: "2025-01-17",
      },
    ],
    ...overrides,
  });
}

/** A university holding a SCHAC code, as an installation must know both partners of an IIA. */
export async function schacUniversity(
  organisations: Pick<OrganisationService, "createOrganisation">,
  actor: Actor,
  name: string,
  countryCode: string,
  schac: string,
): Promise<string> {
  const created = await organisations.createOrganisation(actor, {
    kind: "university",
    name,
    names: [],
    acronym: null,
    countryCode,
    city: null,
    lat: null,
    lng: null,
    website: null,
    description: null,
    parentId: null,
    successorId: null,
    visibility: "internal",
    identifiers: [{ scheme: "schac", value: schac }],
    confirmDuplicate: true,
  });
  return created.id;
}
