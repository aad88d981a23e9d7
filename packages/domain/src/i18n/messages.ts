import messagesFr from "./messages.fr.json" with { type: "json" };
import messagesSv from "./messages.sv.json" with { type: "json" };

/**
 * Catalogues of the server's and the schemas' messages, keyed by their English template
 * (`{{name}}` placeholders). English needs none: the key is the sentence. The web app loads
 * them as its "messages" namespace; the server renders e-mails and PDFs from them.
 */
export const MESSAGE_CATALOGUES: { readonly fr: Record<string, string>; readonly sv: Record<string, string> } = {
  fr: messagesFr,
  sv: messagesSv,
};

/** The i18next namespace that holds the message catalogues. */
export const MESSAGES_NAMESPACE = "messages";
