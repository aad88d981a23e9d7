import type { UiLanguage } from "./auth.js";
import { isUiLanguage } from "./language.js";

/**
 * ISCED-F 2013 broad and narrow fields of education and training (UNESCO), by code, named in
 * each language of the interface. French follows UNESCO's CITE-F 2013; Swedish follows the
 * field names Statistics Sweden uses for its ISCED-F based nomenclature (SUN 2020).
 */
const ISCED_NAMES: Readonly<Record<string, Readonly<Record<UiLanguage, string>>>> = {
  "00": {
    en: "Generic programmes and qualifications",
    fr: "Programmes et certifications génériques",
    sv: "Allmänna program och kvalifikationer",
  },
  "001": {
    en: "Basic programmes and qualifications",
    fr: "Programmes et certifications de base",
    sv: "Grundläggande program och kvalifikationer",
  },
  "002": {
    en: "Literacy and numeracy",
    fr: "Alphabétisation et apprentissage du calcul",
    sv: "Läs- och skrivfärdighet och räknefärdighet",
  },
  "003": {
    en: "Personal skills and development",
    fr: "Compétences et développement personnels",
    sv: "Personlig utveckling",
  },
  "01": { en: "Education", fr: "Éducation", sv: "Pedagogik och lärarutbildning" },
  "011": { en: "Education", fr: "Éducation", sv: "Pedagogik och lärarutbildning" },
  "02": { en: "Arts and humanities", fr: "Lettres et arts", sv: "Konst och humaniora" },
  "021": { en: "Arts", fr: "Arts", sv: "Konst" },
  "022": { en: "Humanities (except languages)", fr: "Lettres (sauf langues)", sv: "Humaniora (utom språk)" },
  "023": { en: "Languages", fr: "Langues", sv: "Språk" },
  "03": {
    en: "Social sciences, journalism and information",
    fr: "Sciences sociales, journalisme et information",
    sv: "Samhällsvetenskap, journalistik och information",
  },
  "031": {
    en: "Social and behavioural sciences",
    fr: "Sciences sociales et comportementales",
    sv: "Samhälls- och beteendevetenskap",
  },
  "032": { en: "Journalism and information", fr: "Journalisme et information", sv: "Journalistik och information" },
  "04": {
    en: "Business, administration and law",
    fr: "Commerce, administration et droit",
    sv: "Företagsekonomi, handel, administration och juridik",
  },
  "041": {
    en: "Business and administration",
    fr: "Commerce et administration",
    sv: "Företagsekonomi, handel och administration",
  },
  "042": { en: "Law", fr: "Droit", sv: "Juridik" },
  "05": {
    en: "Natural sciences, mathematics and statistics",
    fr: "Sciences naturelles, mathématiques et statistiques",
    sv: "Naturvetenskap, matematik och statistik",
  },
  "051": {
    en: "Biological and related sciences",
    fr: "Sciences biologiques et apparentées",
    sv: "Biologi och närliggande vetenskaper",
  },
  "052": { en: "Environment", fr: "Environnement", sv: "Miljövetenskap" },
  "053": { en: "Physical sciences", fr: "Sciences physiques", sv: "Fysik, kemi och geovetenskap" },
  "054": { en: "Mathematics and statistics", fr: "Mathématiques et statistiques", sv: "Matematik och statistik" },
  "06": {
    en: "Information and Communication Technologies",
    fr: "Technologies de l’information et de la communication",
    sv: "Informations- och kommunikationsteknik",
  },
  "061": {
    en: "Information and Communication Technologies",
    fr: "Technologies de l’information et de la communication",
    sv: "Informations- och kommunikationsteknik",
  },
  "07": {
    en: "Engineering, manufacturing and construction",
    fr: "Ingénierie, industries de transformation et construction",
    sv: "Teknik, tillverkning och byggverksamhet",
  },
  "071": {
    en: "Engineering and engineering trades",
    fr: "Ingénierie et techniques apparentées",
    sv: "Teknik och teknisk industri",
  },
  "072": {
    en: "Manufacturing and processing",
    fr: "Industries de transformation et de traitement",
    sv: "Tillverkning och processteknik",
  },
  "073": {
    en: "Architecture and construction",
    fr: "Architecture et bâtiment",
    sv: "Arkitektur och byggteknik",
  },
  "08": {
    en: "Agriculture, forestry, fisheries and veterinary",
    fr: "Agriculture, sylviculture, halieutique et sciences vétérinaires",
    sv: "Lant- och skogsbruk, fiske och djursjukvård",
  },
  "081": { en: "Agriculture", fr: "Agriculture", sv: "Lantbruk" },
  "082": { en: "Forestry", fr: "Sylviculture", sv: "Skogsbruk" },
  "083": { en: "Fisheries", fr: "Halieutique", sv: "Fiske" },
  "084": { en: "Veterinary", fr: "Sciences vétérinaires", sv: "Djursjukvård" },
  "09": { en: "Health and welfare", fr: "Santé et protection sociale", sv: "Hälso- och sjukvård samt social omsorg" },
  "091": { en: "Health", fr: "Santé", sv: "Hälso- och sjukvård" },
  "092": { en: "Welfare", fr: "Protection sociale", sv: "Social omsorg" },
  "10": { en: "Services", fr: "Services", sv: "Tjänster" },
  "101": { en: "Personal services", fr: "Services aux particuliers", sv: "Personliga tjänster" },
  "102": {
    en: "Hygiene and occupational health services",
    fr: "Services d’hygiène et de santé au travail",
    sv: "Hygien och arbetsmiljö",
  },
  "103": { en: "Security services", fr: "Services de sécurité", sv: "Säkerhetstjänster" },
  "104": { en: "Transport services", fr: "Services de transport", sv: "Transporttjänster" },
};

/**
 * Every ISCED-F code in the classification's order ("00", "001" … "10", "101" …). Sorted as
 * text on purpose: an object's keys would put "10" and "101" first, since JavaScript lists
 * integer-like keys before the others.
 */
export const ISCED_CODES: readonly string[] = Object.keys(ISCED_NAMES).sort();

/** ISCED-F 2013 broad and narrow fields of education and training (UNESCO), by code, in English. */
export const ISCED_FIELDS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(ISCED_NAMES).map(([code, names]) => [code, names.en]),
);

export function isIscedCode(code: string): boolean {
  return Object.hasOwn(ISCED_NAMES, code);
}

/**
 * The name of an ISCED-F field in a language ("fr", "sv-SE"…); English when the language is
 * not one of the interface's, and the code itself when the code is unknown.
 */
export function iscedName(code: string, lang: string): string {
  // hasOwn, not a plain lookup: "constructor" or "toString" must not read as field codes.
  const names = Object.hasOwn(ISCED_NAMES, code) ? ISCED_NAMES[code] : undefined;
  if (!names) return code;
  const primary = lang.toLowerCase().split("-")[0];
  return isUiLanguage(primary) ? names[primary] : names.en;
}
