import { CreateAgreementInput, EwpInstitution, type IiaInput, type MobilitySpecInput } from "@conventio/domain";
import type { Services } from "../../services.js";
import { SYSTEM_ACTOR } from "./system-actor.js";

type Ids = (key: string) => string;

/**
 * The Universities of Lille and Lorraine as the institutions this installation serves on the
 * Erasmus Without Paper network (codes and addresses from the European Commission's list of
 * charter holders), and one Erasmus+ inter-institutional agreement each: Lille with Ghent
 * University, Lorraine with KU Leuven, with their cooperation conditions for 2024–2029.
 */
const INSTITUTIONS = [
  {
    heiId: "univ-lille.fr",
    otherIds: [
      { type: "erasmus", value: "F  LILLE103" },
      { type: "pic", value: "888146648" },
      { type: "erasmus-charter", value: "101011682" },
    ],
    names: [
      { value: "Université de Lille", lang: "fr" },
      { value: "University of Lille", lang: "en" },
    ],
    abbreviation: "ULille",
    streetAddress: { addressLines: ["42 rue Paul Duez"], postalCode: "59000", locality: "Lille", country: "FR" },
    websiteUrls: [{ url: "https://www.univ-lille.fr", lang: "fr" }],
  },
  {
    heiId: "univ-lorraine.fr",
    otherIds: [
      { type: "erasmus", value: "F  NANCY43" },
      { type: "pic", value: "954831626" },
      { type: "erasmus-charter", value: "101013544" },
    ],
    names: [
      { value: "Université de Lorraine", lang: "fr" },
      { value: "University of Lorraine", lang: "en" },
    ],
    streetAddress: { addressLines: ["34 cours Léopold"], postalCode: "54052", locality: "Nancy", country: "FR" },
    websiteUrls: [{ url: "https://www.univ-lorraine.fr", lang: "fr" }],
  },
] as const;

const YEARS = { receivingFirstAcademicYearId: "2024/2025", receivingLastAcademicYearId: "2028/2029" };

const studies = (from: string, to: string, isced: string, language: string, cefr: string): MobilitySpecInput => ({
  kind: "student-studies",
  sendingHeiId: from,
  receivingHeiId: to,
  ...YEARS,
  mobilitiesPerYear: 2,
  recommendedLanguageSkills: [{ language, cefrLevel: cefr }],
  subjectAreas: [{ iscedFCode: isced }],
  totalMonthsPerYear: 10,
  blended: false,
  eqfLevels: [6, 7],
});

const teaching = (from: string, to: string, isced: string, language: string): MobilitySpecInput => ({
  kind: "staff-teacher",
  sendingHeiId: from,
  receivingHeiId: to,
  ...YEARS,
  mobilitiesPerYear: 1,
  recommendedLanguageSkills: [{ language, cefrLevel: "B2" }],
  subjectAreas: [{ iscedFCode: isced }],
  totalDaysPerYear: 5,
});

const AGREEMENTS: ReadonlyArray<{ ours: string; partner: string; partnerHei: string; title: string; iia: IiaInput }> = [
  {
    ours: "lille",
    partner: "ghent",
    partnerHei: "ugent.be",
    title: "Erasmus+ inter-institutional agreement Université de Lille – Universiteit Gent",
    iia: {
      partners: [{ heiId: "univ-lille.fr" }, { heiId: "ugent.be" }],
      inEffect: true,
      mobilitySpecs: [
        studies("univ-lille.fr", "ugent.be", "0231", "nl", "B1"),
        studies("ugent.be", "univ-lille.fr", "0231", "fr", "B2"),
        teaching("univ-lille.fr", "ugent.be", "0222", "en"),
        teaching("ugent.be", "univ-lille.fr", "0222", "fr"),
      ],
    },
  },
  {
    ours: "lorraine",
    partner: "leuven",
    partnerHei: "kuleuven.be",
    title: "Erasmus+ inter-institutional agreement Université de Lorraine – KU Leuven",
    iia: {
      partners: [{ heiId: "univ-lorraine.fr" }, { heiId: "kuleuven.be" }],
      inEffect: true,
      mobilitySpecs: [
        studies("univ-lorraine.fr", "kuleuven.be", "0715", "en", "B2"),
        studies("kuleuven.be", "univ-lorraine.fr", "0715", "fr", "B1"),
        {
          kind: "student-traineeship",
          sendingHeiId: "univ-lorraine.fr",
          receivingHeiId: "kuleuven.be",
          ...YEARS,
          mobilitiesPerYear: 1,
          subjectAreas: [{ iscedFCode: "0713", iscedClarification: "Energy systems laboratories" }],
          totalMonthsPerYear: 4,
          blended: false,
          eqfLevels: [7],
        },
        teaching("kuleuven.be", "univ-lorraine.fr", "0715", "fr"),
        {
          kind: "staff-training",
          sendingHeiId: "univ-lorraine.fr",
          receivingHeiId: "kuleuven.be",
          ...YEARS,
          mobilitiesPerYear: 2,
          totalDaysPerYear: 5,
        },
      ],
    },
  },
];

export async function loadDemoErasmus(services: Services, org: Ids): Promise<number> {
  for (const institution of INSTITUTIONS) {
    await services.ewp.institutions.saveInstitution(SYSTEM_ACTOR, institution.heiId, EwpInstitution.parse(institution));
  }
  for (const a of AGREEMENTS) {
    const agreement = await services.agreements.createAgreement(
      SYSTEM_ACTOR,
      CreateAgreementInput.parse({
        kind: "erasmus_iia",
        title: a.title,
        language: "en",
        startsOn: "2024-09-01",
        endsOn: "2029-08-31",
        parties: [{ organisationId: org(a.ours) }, { organisationId: org(a.partner) }],
        themes: ["Erasmus+"],
      }),
    );
    await services.ewp.iias.saveIia(SYSTEM_ACTOR, agreement.id, a.iia);
  }
  return AGREEMENTS.length;
}
