import type { UiLanguage } from "@conventio/domain";
import type { AgreementReminderKind } from "./reminder-rules.js";

type AgreementSubject = (reference: string, title: string, end: string) => string;

/**
 * Reminder subjects in each language of the web app. The inbox keeps the English text, which the
 * web app translates as it shows it; an e-mail is written once, in its recipient's language.
 */
export const REMINDER_WORDING: Record<
  UiLanguage,
  { agreement: Record<AgreementReminderKind, AgreementSubject>; action: (due: string, title: string) => string }
> = {
  en: {
    agreement: {
      notice: (ref, title, end) => `Notice period starts soon: ${ref} ${title} ends on ${end}`,
      review: (ref, title, end) => `Review due: ${ref} ${title} ends on ${end}`,
      expiring: (ref, title, end) => `Expiring: ${ref} ${title} ends on ${end}`,
      expired: (ref, title, end) => `Expired: ${ref} ${title} ended on ${end}`,
    },
    action: (due, title) => `Action due on ${due}: ${title}`,
  },
  fr: {
    agreement: {
      notice: (ref, title, end) => `Le préavis commence bientôt : ${ref} ${title} prend fin le ${end}`,
      review: (ref, title, end) => `Bilan à prévoir : ${ref} ${title} prend fin le ${end}`,
      expiring: (ref, title, end) => `Échéance proche : ${ref} ${title} prend fin le ${end}`,
      expired: (ref, title, end) => `Expiré : ${ref} ${title} a pris fin le ${end}`,
    },
    action: (due, title) => `Action à faire pour le ${due} : ${title}`,
  },
  sv: {
    agreement: {
      notice: (ref, title, end) => `Uppsägningstiden börjar snart: ${ref} ${title} upphör ${end}`,
      review: (ref, title, end) => `Dags för utvärdering: ${ref} ${title} upphör ${end}`,
      expiring: (ref, title, end) => `Löper snart ut: ${ref} ${title} upphör ${end}`,
      expired: (ref, title, end) => `Utgånget: ${ref} ${title} upphörde ${end}`,
    },
    action: (due, title) => `Åtgärd senast ${due}: ${title}`,
  },
};
