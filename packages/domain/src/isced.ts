import type { UiLanguage } from "./auth.js";
import { isUiLanguage } from "./language.js";

/**
 * ISCED-F 2013 broad and narrow fields of education and training (UNESCO), by code, named in
 * each language of the interface as the European Union's ISCED-F vocabulary names them (the
 * Publications Office's list that Europass uses), except where that list reads as a slip: 08
 * and 09 in French keep "sylviculture, halieutique" and "protection sociale" (as Swiss federal
 * statistics write them), and 051 and 053 in Swedish, which the list leaves blank or names "Fysik"
 * alone, keep a descriptive name.
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
    sv: "Läskunnighet och räknefärdighet",
  },
  "003": {
    en: "Personal skills and development",
    fr: "Compétences et développement personnels",
    sv: "Personliga färdigheter och utveckling",
  },
  "01": { en: "Education", fr: "Éducation", sv: "Lärarutbildning" },
  "011": { en: "Education", fr: "Éducation", sv: "Lärarutbildning" },
  "02": { en: "Arts and humanities", fr: "Lettres et arts", sv: "Konst och humaniora" },
  "021": { en: "Arts", fr: "Arts", sv: "Konst" },
  "022": {
    en: "Humanities (except languages)",
    fr: "Lettres (à l’exception des langues)",
    sv: "Humaniora (utom språk)",
  },
  "023": { en: "Languages", fr: "Langues", sv: "Språk" },
  "03": {
    en: "Social sciences, journalism and information",
    fr: "Sciences sociales, journalisme et information",
    sv: "Samhällsvetenskap, journalistik och informationsvetenskap",
  },
  "031": {
    en: "Social and behavioural sciences",
    fr: "Sciences sociales et du comportement",
    sv: "Samhälls- och beteendevetenskap",
  },
  "032": {
    en: "Journalism and information",
    fr: "Journalisme et information",
    sv: "Journalistik och informationsvetenskap",
  },
  "04": {
    en: "Business, administration and law",
    fr: "Commerce, administration et droit",
    sv: "Ekonomi, förvaltning och juridik",
  },
  "041": {
    en: "Business and administration",
    fr: "Commerce et administration",
    sv: "Ekonomi och förvaltning",
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
  "052": { en: "Environment", fr: "Environnement", sv: "Miljö" },
  "053": { en: "Physical sciences", fr: "Sciences physiques", sv: "Fysik, kemi och geovetenskap" },
  "054": { en: "Mathematics and statistics", fr: "Mathématiques et statistiques", sv: "Matematik och statistik" },
  "06": {
    en: "Information and Communication Technologies",
    fr: "Technologies de l’information et de la communication (TIC)",
    sv: "Informations- och kommunikationsteknik (IKT)",
  },
  "061": {
    en: "Information and Communication Technologies",
    fr: "Technologies de l’information et de la communication (TIC)",
    sv: "Informations- och kommunikationsteknik (IKT)",
  },
  "07": {
    en: "Engineering, manufacturing and construction",
    fr: "Ingénierie, industries de transformation et construction",
    sv: "Ingenjörsutbildning samt utbildning för tillverknings- och byggnadsindustrin",
  },
  "071": {
    en: "Engineering and engineering trades",
    fr: "Ingénierie et techniques apparentées",
    sv: "Ingenjörsutbildning",
  },
  "072": {
    en: "Manufacturing and processing",
    fr: "Industries de transformation et de traitement",
    sv: "Tillverkning och bearbetning",
  },
  "073": {
    en: "Architecture and construction",
    fr: "Architecture et bâtiment",
    sv: "Arkitektur och byggnadsindustrin",
  },
  "08": {
    en: "Agriculture, forestry, fisheries and veterinary",
    fr: "Agriculture, sylviculture, halieutique et sciences vétérinaires",
    sv: "Lantbruk, skogsbruk, fiske och djursjukvård",
  },
  "081": { en: "Agriculture", fr: "Agriculture", sv: "Lantbruk" },
  "082": { en: "Forestry", fr: "Sylviculture", sv: "Skogsbruk" },
  "083": { en: "Fisheries", fr: "Halieutique", sv: "Fiske" },
  "084": { en: "Veterinary", fr: "Sciences vétérinaires", sv: "Djursjukvård" },
  "09": { en: "Health and welfare", fr: "Santé et protection sociale", sv: "Hälsa och social omsorg" },
  "091": { en: "Health", fr: "Santé", sv: "Hälsa" },
  "092": { en: "Welfare", fr: "Protection sociale", sv: "Social omsorg" },
  "10": { en: "Services", fr: "Services", sv: "Tjänster" },
  "101": { en: "Personal services", fr: "Services aux particuliers", sv: "Personliga tjänster" },
  "102": {
    en: "Hygiene and occupational health services",
    fr: "Hygiène et services de santé au travail",
    sv: "Hygien och hälsa på arbetsplatsen",
  },
  "103": { en: "Security services", fr: "Services de sûreté", sv: "Säkerhetstjänster" },
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
