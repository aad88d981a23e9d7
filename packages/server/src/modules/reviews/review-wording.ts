/** The words of the progress-review PDF in the languages of the web app. */
export const REVIEW_LANGUAGES = ["en", "fr", "sv"] as const;
export type ReviewLanguage = (typeof REVIEW_LANGUAGES)[number];

export interface ReviewWording {
  title: string;
  intro: (on: string, since: string | null, parties: string) => string;
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
  progress: (percent: number) => string;
  openActions: string;
  due: (on: string) => string;
  none: string;
  deadlines: string;
  noDeadlines: string;
  endOf: (reference: string) => string;
}

export const REVIEW_WORDING: Record<ReviewLanguage, ReviewWording> = {
  en: {
    title: "Progress review",
    intro: (on, since, parties) =>
      `Review of ${on}${since ? `, covering what happened since ${since}` : ""}. Parties: ${parties}.`,
    objectives: "Objectives",
    noObjectives: "No objectives recorded.",
    axes: "Axes and areas",
    axisKind: { operational: "operational", transversal: "transversal", area: "area" },
    groups: "Groups",
    group: (members, meetings) => `${members} members, ${meetings} meetings`,
    activitiesSince: (since) => `Activities since ${since ?? "the start"}`,
    noActivities: "Nothing recorded in this period.",
    activityStatus: { planned: "planned", ongoing: "ongoing", completed: "completed", cancelled: "cancelled" },
    indicators: "Indicators",
    noIndicators: "No indicators.",
    latest: (value, unit, year) => `${value} ${unit} in ${year}`,
    noValue: "no value yet",
    target: (target, year) => `target ${target}${year ? ` by ${year}` : ""}`,
    progress: (percent) => `${percent} % of the way`,
    openActions: "Open actions",
    due: (on) => `due ${on}`,
    none: "None.",
    deadlines: "Coming deadlines",
    noDeadlines: "None in the next six months.",
    endOf: (reference) => `End of ${reference}`,
  },
  fr: {
    title: "Point d'étape",
    intro: (on, since, parties) =>
      `Point au ${on}${since ? `, sur ce qui s'est passé depuis le ${since}` : ""}. Parties : ${parties}.`,
    objectives: "Objectifs",
    noObjectives: "Aucun objectif enregistré.",
    axes: "Axes et domaines",
    axisKind: { operational: "opérationnel", transversal: "transversal", area: "domaine" },
    groups: "Groupes",
    group: (members, meetings) => `${members} membres, ${meetings} réunions`,
    activitiesSince: (since) => (since ? `Activités depuis le ${since}` : "Activités depuis le début"),
    noActivities: "Rien d'enregistré sur cette période.",
    activityStatus: { planned: "prévue", ongoing: "en cours", completed: "achevée", cancelled: "annulée" },
    indicators: "Indicateurs",
    noIndicators: "Aucun indicateur.",
    latest: (value, unit, year) => `${value} ${unit} en ${year}`,
    noValue: "pas encore de valeur",
    target: (target, year) => `cible ${target}${year ? ` en ${year}` : ""}`,
    progress: (percent) => `${percent} % du chemin`,
    openActions: "Actions en cours",
    due: (on) => `pour le ${on}`,
    none: "Aucune.",
    deadlines: "Échéances à venir",
    noDeadlines: "Aucune dans les six prochains mois.",
    endOf: (reference) => `Fin de ${reference}`,
  },
  sv: {
    title: "Lägesavstämning",
    intro: (on, since, parties) =>
      `Avstämning ${on}${since ? `, om det som hänt sedan ${since}` : ""}. Parter: ${parties}.`,
    objectives: "Mål",
    noObjectives: "Inga mål registrerade.",
    axes: "Axlar och områden",
    axisKind: { operational: "operativ", transversal: "tvärgående", area: "område" },
    groups: "Grupper",
    group: (members, meetings) => `${members} ledamöter, ${meetings} möten`,
    activitiesSince: (since) => (since ? `Aktiviteter sedan ${since}` : "Aktiviteter sedan starten"),
    noActivities: "Inget registrerat under perioden.",
    activityStatus: { planned: "planerad", ongoing: "pågående", completed: "genomförd", cancelled: "inställd" },
    indicators: "Indikatorer",
    noIndicators: "Inga indikatorer.",
    latest: (value, unit, year) => `${value} ${unit} år ${year}`,
    noValue: "inget värde ännu",
    target: (target, year) => `mål ${target}${year ? ` till ${year}` : ""}`,
    progress: (percent) => `${percent} % av vägen`,
    openActions: "Öppna åtgärder",
    due: (on) => `senast ${on}`,
    none: "Inga.",
    deadlines: "Kommande tidsgränser",
    noDeadlines: "Inga de närmaste sex månaderna.",
    endOf: (reference) => `Slut för ${reference}`,
  },
};
