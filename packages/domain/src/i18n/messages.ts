import type { i18n as I18n } from "i18next";
import messagesEn from "./messages.en.json" with { type: "json" };
import messagesFr from "./messages.fr.json" with { type: "json" };
import messagesSv from "./messages.sv.json" with { type: "json" };

/**
 * Catalogues of the server's and the schemas' messages, keyed by their English template
 * (`{{name}}` placeholders). English holds only plural forms: elsewhere the key is the sentence.
 * The web app loads them as its "messages" namespace; the server writes e-mails and PDFs from them.
 */
export const MESSAGE_CATALOGUES: {
  readonly en: Record<string, string>;
  readonly fr: Record<string, string>;
  readonly sv: Record<string, string>;
} = {
  en: messagesEn,
  fr: messagesFr,
  sv: messagesSv,
};

/** The i18next namespace that holds the message catalogues. */
export const MESSAGES_NAMESPACE = "messages";

/** Options that look a message up by its English sentence, dots and colons included. */
export const MESSAGE_LOOKUP = { ns: MESSAGES_NAMESPACE, keySeparator: false, nsSeparator: false } as const;

/**
 * Lets a translation put a value through the catalogue as well, e.g. a status in
 * "Un accord au statut « {{status, translate}} »…"; the English sentence shows the value as sent.
 * Call once the instance is initialised.
 */
export function addTranslateFormat(i18n: I18n): void {
  i18n.services.formatter?.add("translate", (value: unknown, lng: string | undefined) =>
    typeof value === "string" ? i18n.t(value, { ...MESSAGE_LOOKUP, ...(lng ? { lng } : {}) }) : String(value),
  );
}
