/** The words of the progress-review PDF in the languages of the web app. */
export const REVIEW_LANGUAGES = ["en", "fr", "sv"] as const;
export type ReviewLanguage = (typeof REVIEW_LANGUAGES)[number];

/** A noun's forms by CLDR plural category; `other` stands in for any category not given. */
type PluralNoun = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export interface ReviewWording {
  title: string;
  intro: (on: string, since: string | null) => string;
  /** The colon between a label and what follows, spaced as the language spaces it. */
  colon: string;
  parties: string;
  objectives: string;
  noObjectives: string;
  axes: string;
  axisKind: Record<string, string>;
  groups: string;
  group: (members: number, meetings: number) => string;
  activitiesSince: (since: string | null) => string;
  noActivities: string;
  activityStatus: Record<string, string>;
  indicators: string;
  noIndicators: string;
  latest: (value: number, unit: string, year: number) => string;
  noValue: string;
  target: (target: number, year: number | null) => string;
  /** How far an indicator has come, from 0 to 1 (or more once past its target). */
  progress: (ratio: number) => string;
  openActions: string;
  due: (on: string) => string;
  none: string;
  deadlines: string;
  noDeadlines: string;
  endOf: (reference: string) => string;
}

/** Numbers and counted nouns as the language writes them: "1 réunion", "2 réunions", "1 234,5". */
function numerals(lang: ReviewLanguage) {
  const rules = new Intl.PluralRules(lang);
  const numbers = new Intl.NumberFormat(lang);
  const percent = new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 0 });
  return {
    number: (n: number) => numbers.format(n),
    percent: (ratio: number) => percent.format(ratio),
    count: (n: number, noun: PluralNoun) => `${numbers.format(n)} ${noun[rules.select(n)] ?? noun.other}`,
  };
}

const en = numerals("en");
const fr = numerals("fr");
const sv = numerals("sv");

export const REVIEW_WORDING: Record<ReviewLanguage, ReviewWording> = {
  en: {
    title: "Progress review",
    intro: (on, since) => `Review of ${on}${since ? `, covering what happened since ${since}` : ""}.`,
    colon: ": ",
    parties: "Parties",
    objectives: "Objectives",
    noObjectives: "No objectives recorded.",
    axes: "Axes and areas",
    axisKind: { operational: "operational", transversal: "transversal", area: "area" },
    groups: "Groups",
    group: (members, meetings) =>
      `${en.count(members, { one: "member", other: "members" })}, ${en.count(meetings, { one: "meeting", other: "meetings" })}`,
    activitiesSince: (since) => `Activities since ${since ?? "the start"}`,
    noActivities: "Nothing recorded in this period.",
    activityStatus: { planned: "planned", ongoing: "ongoing", completed: "completed", cancelled: "cancelled" },
    indicators: "Indicators",
    noIndicators: "No indicators.",
    latest: (value, unit, year) => `${en.number(value)} ${unit} in ${year}`,
    noValue: "no value yet",
    target: (target, year) => `target ${en.number(target)}${year ? ` by ${year}` : ""}`,
    progress: (ratio) => `${en.percent(ratio)} of the way`,
    openActions: "Open actions",
    due: (on) => `due ${on}`,
    none: "None.",
    deadlines: "Coming deadlines",
    noDeadlines: "None in the next six months.",
    endOf: (reference) => `End of ${reference}`,
  },
  fr: {
    title: "Point d'étape",
    intro: (on, since) => `Point au ${on}${since ? `, sur ce qui s'est passé depuis le ${since}` : ""}.`,
    colon: "\u00a0: ",
    parties: "Parties",
    objectives: "Objectifs",
    noObjectives: "Aucun objectif enregistré.",
    axes: "Axes et domaines",
    axisKind: { operational: "opérationnel", transversal: "transversal", area: "domaine" },
    groups: "Groupes",
    group: (members, meetings) =>
      `${fr.count(members, { one: "membre", many: "de membres", other: "membres" })}, ${fr.count(meetings, { one: "réunion", many: "de réunions", other: "réunions" })}`,
    activitiesSince: (since) => (since ? `Activités depuis le ${since}` : "Activités depuis le début"),
    noActivities: "Rien d'enregistré sur cette période.",
    activityStatus: { planned: "prévue", ongoing: "en cours", completed: "achevée", cancelled: "annulée" },
    indicators: "Indicateurs",
    noIndicators: "Aucun indicateur.",
    latest: (value, unit, year) => `${fr.number(value)} ${unit} en ${year}`,
    noValue: "pas encore de valeur",
    target: (target, year) => `cible ${fr.number(target)}${year ? ` en ${year}` : ""}`,
    progress: (ratio) => `${fr.percent(ratio)} du chemin`,
    openActions: "Actions en cours",
    due: (on) => `pour le ${on}`,
    none: "Aucune.",
    deadlines: "Échéances à venir",
    noDeadlines: "Aucune dans les six prochains mois.",
    endOf: (reference) => `Fin de ${reference}`,
  },
  sv: {
    title: "Lägesavstämning",
    intro: (on, since) => `Avstämning ${on}${since ? `, om det som hänt sedan ${since}` : ""}.`,
    colon: ": ",
    parties: "Parter",
    objectives: "Mål",
    noObjectives: "Inga mål registrerade.",
    axes: "Axlar och områden",
    axisKind: { operational: "operativ", transversal: "tvärgående", area: "område" },
    groups: "Grupper",
    group: (members, meetings) =>
      `${sv.count(members, { one: "ledamot", other: "ledamöter" })}, ${sv.count(meetings, { one: "möte", other: "möten" })}`,
    activitiesSince: (since) => (since ? `Aktiviteter sedan ${since}` : "Aktiviteter sedan starten"),
    noActivities: "Inget registrerat under perioden.",
    activityStatus: { planned: "planerad", ongoing: "pågående", completed: "genomförd", cancelled: "inställd" },
    indicators: "Indikatorer",
    noIndicators: "Inga indikatorer.",
    latest: (value, unit, year) => `${sv.number(value)} ${unit} år ${year}`,
    noValue: "inget värde ännu",
    target: (target, year) => `mål ${sv.number(target)}${year ? ` till ${year}` : ""}`,
    progress: (ratio) => `${sv.percent(ratio)} av vägen`,
    openActions: "Öppna åtgärder",
    due: (on) => `senast ${on}`,
    none: "Inga.",
    deadlines: "Kommande tidsgränser",
    noDeadlines: "Inga de närmaste sex månaderna.",
    endOf: (reference) => `Slut för ${reference}`,
  },
};
