import type { AgreementReminderKind } from "./reminder-rules.js";

/**
 * Reminder subjects as catalogue keys (their English sentence). The inbox keeps the key and its
 * values, which the web app translates as it shows them; an e-mail is written once, in its
 * recipient's language, from the same catalogues.
 */
export const AGREEMENT_REMINDER_SUBJECTS: Record<AgreementReminderKind, string> = {
  notice: "Notice period starts soon: {{ref}} {{title}} ends on {{end}}",
  review: "Review due: {{ref}} {{title}} ends on {{end}}",
  expiring: "Expiring: {{ref}} {{title}} ends on {{end}}",
  expired: "Expired: {{ref}} {{title}} ended on {{end}}",
};

export const ACTION_REMINDER_SUBJECT = "Action due on {{due}}: {{title}}";
