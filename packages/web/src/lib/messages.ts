import { i18n } from "../i18n/setup";
import { translateWith } from "./message-patterns";

function lookup(key: string): string | null {
  const language = i18n.resolvedLanguage ?? i18n.language;
  const found: unknown = i18n.getResource(language, "messages", key, { keySeparator: false });
  return typeof found === "string" ? found : null;
}

/** True when the English message is one the app knows; the French table is the reference list. */
export function isKnownMessage(message: string): boolean {
  return typeof i18n.getResource("fr", "messages", message, { keySeparator: false }) === "string";
}

/**
 * The server and the domain schemas write their messages in English; this shows them in the
 * reader's language when a translation is known, and as sent otherwise.
 */
export function translateMessage(message: string): string {
  return translateWith(lookup, message);
}
