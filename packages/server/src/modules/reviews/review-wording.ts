import { messagesIn } from "#shared/messages.js";

/** The words of the progress-review PDF in the languages of the web app. */
export const REVIEW_LANGUAGES = ["en", "fr", "sv"] as const;
export type ReviewLanguage = (typeof REVIEW_LANGUAGES)[number];

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

/**
 * Labels of the PDF's own enumerations and its typography, which are words rather than
 * sentences; everything else comes from the message catalogues.
 */
const LABELS: Record<ReviewLanguage, Pick<ReviewWording, "colon" | "axisKind" | "activityStatus">> = {
  en: {
    colon: ": ",
    axisKind: { operational: "operational", transversal: "transversal", area: "area" },
    activityStatus: { planned: "planned", ongoing: "ongoing", completed: "completed", cancelled: "cancelled" },
  },
  fr: {
    colon: "\u00a0: ",
    axisKind: { operational: "opérationnel", transversal: "transversal", area: "domaine" },
    activityStatus: { planned: "prévue", ongoing: "en cours", completed: "achevée", cancelled: "annulée" },
  },
  sv: {
    colon: ": ",
    axisKind: { operational: "operativ", transversal: "tvärgående", area: "område" },
    activityStatus: { planned: "planerad", ongoing: "pågående", completed: "genomförd", cancelled: "inställd" },
  },
};

/** The review's words in a language: sentences from the catalogues, numbers as the language writes them. */
export function reviewWording(lang: ReviewLanguage): ReviewWording {
  const t = messagesIn(lang);
  const numbers = new Intl.NumberFormat(lang);
  const percent = new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 0 });
  return {
    ...LABELS[lang],
    title: t("Progress review"),
    intro: (on, since) =>
      since
        ? t("Review of {{on}}, covering what happened since {{since}}.", { on, since })
        : t("Review of {{on}}.", { on }),
    parties: t("Parties"),
    objectives: t("Objectives"),
    noObjectives: t("No objectives recorded."),
    axes: t("Axes and areas"),
    groups: t("Groups"),
    group: (members, meetings) => `${t("{{count}} members", {}, members)}, ${t("{{count}} meetings", {}, meetings)}`,
    activitiesSince: (since) => (since ? t("Activities since {{since}}", { since }) : t("Activities since the start")),
    noActivities: t("Nothing recorded in this period."),
    indicators: t("Indicators"),
    noIndicators: t("No indicators."),
    latest: (value, unit, year) => t("{{value}} {{unit}} in {{year}}", { value: numbers.format(value), unit, year }),
    noValue: t("no value yet"),
    target: (target, year) =>
      year
        ? t("target {{target}} by {{year}}", { target: numbers.format(target), year })
        : t("target {{target}}", { target: numbers.format(target) }),
    progress: (ratio) => t("{{percent}} of the way", { percent: percent.format(ratio) }),
    openActions: t("Open actions"),
    due: (on) => t("due {{on}}", { on }),
    none: t("None."),
    deadlines: t("Coming deadlines"),
    noDeadlines: t("None in the next six months."),
    endOf: (reference) => t("End of {{reference}}", { reference }),
  };
}
