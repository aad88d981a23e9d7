import type { IiaMobilityKind, UiLanguage } from "@conventio/domain";
import { messagesIn } from "#shared/messages.js";

/** The words of the inter-institutional agreement's PDF, in the languages of the web app. */
export interface IiaPdfWording {
  title: string;
  agreementNumber: string;
  inEffect: string;
  draft: string;
  terminated: string;
  carriedOver: string;
  intro: string;
  institutions: string;
  mobilities: string;
  languageSkills: string;
  otherInformation: string;
  signatures: string;
  name: string;
  schacCode: string;
  unit: string;
  wholeInstitution: string;
  contacts: string;
  noContact: string;
  email: string;
  phone: string;
  from: string;
  to: string;
  mobility: string;
  subjectAreas: string;
  anySubjectArea: string;
  academicYears: string;
  mobilitiesPerYear: string;
  durationPerYear: string;
  eqfLevels: string;
  blended: string;
  noMobility: string;
  notYetDefined: string;
  receivingInstitution: string;
  language: string;
  cefrLevel: string;
  subjectArea: string;
  noLanguageSkill: string;
  noOtherInformation: string;
  institution: string;
  signatory: string;
  position: string;
  date: string;
  signature: string;
  footerHash: (hash: string) => string;
  page: (page: number, pages: number) => string;
  generatedOn: (date: string) => string;
  /** The colon between a label and what follows, spaced as the language spaces it. */
  colon: string;
  kind: Record<IiaMobilityKind, string>;
  /** The kinds as a table's narrow column names them. */
  kindShort: Record<IiaMobilityKind, string>;
  /** What a CEFR level's letter says of the speaker: A basic, B independent, C proficient. */
  cefrBand: Record<"A" | "B" | "C", string>;
  /** The cycle an EQF level from 5 to 8 stands for. */
  eqf: Record<number, string>;
  yes: string;
  no: string;
  months: (n: number) => string;
  days: (n: number) => string;
  extension: string;
  /** A date such as 2024-03-14, written out as the language writes dates. */
  longDate: (iso: string) => string;
  number: (n: number) => string;
  languageName: (code: string) => string;
}

type Labels = Pick<
  IiaPdfWording,
  "colon" | "kind" | "kindShort" | "cefrBand" | "eqf" | "yes" | "no" | "extension" | "anySubjectArea" | "notYetDefined"
> & { month: [string, string]; day: [string, string] };

/**
 * Names of the agreement's own enumerations (kinds of mobility, CEFR bands, EQF cycles), units
 * and typography: words rather than sentences. The kinds follow the Erasmus+ programme guide's
 * names; CEFR bands are the Council of Europe's; EQF cycles follow the Bologna cycles.
 */
const LABELS: Record<UiLanguage, Labels> = {
  en: {
    colon: ": ",
    kind: {
      "student-studies": "Student mobility for studies",
      "student-traineeship": "Student mobility for traineeships",
      "staff-teacher": "Staff mobility for teaching",
      "staff-training": "Staff mobility for training",
    },
    kindShort: {
      "student-studies": "Students: studies",
      "student-traineeship": "Students: traineeship",
      "staff-teacher": "Staff: teaching",
      "staff-training": "Staff: training",
    },
    cefrBand: { A: "basic user", B: "independent user", C: "proficient user" },
    eqf: { 5: "short cycle", 6: "bachelor", 7: "master", 8: "doctorate" },
    yes: "yes",
    no: "no",
    month: ["month", "months"],
    day: ["day", "days"],
    extension: "ext.",
    anySubjectArea: "any subject area",
    notYetDefined: "not yet defined",
  },
  fr: {
    colon: "\u00a0: ",
    kind: {
      "student-studies": "Mobilité d’études des étudiants",
      "student-traineeship": "Mobilité de stage des étudiants",
      "staff-teacher": "Mobilité d’enseignement des personnels",
      "staff-training": "Mobilité de formation des personnels",
    },
    kindShort: {
      "student-studies": "Étudiants\u00a0: études",
      "student-traineeship": "Étudiants\u00a0: stage",
      "staff-teacher": "Personnels\u00a0: enseignement",
      "staff-training": "Personnels\u00a0: formation",
    },
    cefrBand: { A: "utilisateur élémentaire", B: "utilisateur indépendant", C: "utilisateur expérimenté" },
    eqf: { 5: "cycle court", 6: "licence", 7: "master", 8: "doctorat" },
    yes: "oui",
    no: "non",
    month: ["mois", "mois"],
    day: ["jour", "jours"],
    extension: "poste",
    anySubjectArea: "tout domaine",
    notYetDefined: "pas encore défini",
  },
  sv: {
    colon: ": ",
    kind: {
      "student-studies": "Studentmobilitet för studier",
      "student-traineeship": "Studentmobilitet för praktik",
      "staff-teacher": "Personalmobilitet för undervisning",
      "staff-training": "Personalmobilitet för fortbildning",
    },
    kindShort: {
      "student-studies": "Studenter: studier",
      "student-traineeship": "Studenter: praktik",
      "staff-teacher": "Personal: undervisning",
      "staff-training": "Personal: fortbildning",
    },
    cefrBand: { A: "användare på grundläggande nivå", B: "självständig användare", C: "avancerad användare" },
    eqf: { 5: "kort cykel", 6: "kandidat", 7: "master", 8: "doktor" },
    yes: "ja",
    no: "nej",
    month: ["månad", "månader"],
    day: ["dag", "dagar"],
    extension: "ankn.",
    anySubjectArea: "alla ämnesområden",
    notYetDefined: "ännu inte fastställt",
  },
};

/** The agreement's words in a language: sentences from the catalogues, numbers and dates as the language writes them. */
export function iiaPdfWording(lang: UiLanguage): IiaPdfWording {
  const t = messagesIn(lang);
  const { month, day, ...labels } = LABELS[lang];
  const numbers = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  const plural = new Intl.PluralRules(lang);
  const dates = new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone: "UTC" });
  const languages = new Intl.DisplayNames([lang], { type: "language", fallback: "code" });
  const counted = (n: number, [one, other]: [string, string]) =>
    `${numbers.format(n)}\u00a0${plural.select(n) === "one" ? one : other}`;
  return {
    ...labels,
    title: t("Erasmus+ inter-institutional agreement"),
    agreementNumber: t("Agreement number"),
    inEffect: t("This agreement is in effect."),
    draft: t("Draft: this agreement is not yet in effect."),
    terminated: t("Terminated as a whole before any exchange took place."),
    carriedOver: t("Values carried over from EWP version 6 must be replaced before this agreement can be approved."),
    intro: t(
      "The institutions below agree to cooperate in the exchange of students and staff within the Erasmus+ programme, under the conditions set out in this agreement.",
    ),
    institutions: t("Higher education institutions"),
    mobilities: t("Mobility numbers per academic year"),
    languageSkills: t("Recommended language skills"),
    otherInformation: t("Other information"),
    signatures: t("Signatures of the institutions"),
    name: t("Name"),
    schacCode: t("SCHAC code"),
    unit: t("Faculty or department"),
    wholeInstitution: t("The whole institution"),
    contacts: t("Contact persons"),
    noContact: t("No contact person given."),
    email: t("E-mail"),
    phone: t("Phone"),
    from: t("Sending institution"),
    to: t("Receiving institution"),
    mobility: t("Mobility"),
    subjectAreas: t("Subject areas (ISCED-F)"),
    academicYears: t("Academic years"),
    mobilitiesPerYear: t("Mobilities per year"),
    durationPerYear: t("Total duration per year"),
    eqfLevels: t("EQF levels"),
    blended: t("Blended"),
    noMobility: t("No mobility agreed yet."),
    receivingInstitution: t("Receiving institution"),
    language: t("Language"),
    cefrLevel: t("Level (CEFR)"),
    subjectArea: t("Subject area"),
    noLanguageSkill: t("No language skills recommended."),
    noOtherInformation: t("No other information."),
    institution: t("Institution"),
    signatory: t("Name of the signatory"),
    position: t("Position"),
    date: t("Date"),
    signature: t("Signature"),
    footerHash: (hash) => t("iia-hash of this version: {{hash}}", { hash }),
    page: (page, pages) => t("Page {{page}} of {{pages}}", { page, pages }),
    generatedOn: (date) => t("Generated on {{date}}", { date }),
    months: (n) => counted(n, month),
    days: (n) => counted(n, day),
    longDate: (iso) => {
      const at = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00Z`) : null;
      return at && !Number.isNaN(at.getTime()) ? dates.format(at) : iso;
    },
    number: (n) => numbers.format(n),
    languageName: (code) => {
      try {
        return languages.of(code) ?? code;
      } catch {
        return code;
      }
    },
  };
}
