import {
  addTranslateFormat,
  MESSAGE_CATALOGUES,
  MESSAGE_LOOKUP,
  MESSAGES_NAMESPACE,
  type MessageParams,
  type UiLanguage,
} from "@conventio/domain";
import i18next from "i18next";

const messages = i18next.createInstance();
void messages.init({
  initAsync: false,
  resources: {
    en: { [MESSAGES_NAMESPACE]: MESSAGE_CATALOGUES.en },
    fr: { [MESSAGES_NAMESPACE]: MESSAGE_CATALOGUES.fr },
    sv: { [MESSAGES_NAMESPACE]: MESSAGE_CATALOGUES.sv },
  },
  lng: "en",
  fallbackLng: "en",
  ns: [MESSAGES_NAMESPACE],
  defaultNS: MESSAGES_NAMESPACE,
  keySeparator: false,
  nsSeparator: false,
  // Mail and PDF text is plain text, never HTML.
  interpolation: { escapeValue: false },
  showSupportNotice: false,
});
addTranslateFormat(messages);

/**
 * A catalogue sentence in a language, its placeholders filled: the same catalogues the web app
 * shows errors and the inbox with. `count` picks the plural form ("{{count}} meetings").
 */
export function translateMessage(
  language: UiLanguage,
  key: string,
  params: MessageParams = {},
  count?: number,
): string {
  return messages.t(key, {
    ...MESSAGE_LOOKUP,
    lng: language,
    // Placeholders come from `replace` alone once it is given, so the count goes there too.
    replace: count === undefined ? params : { ...params, count },
    ...(count === undefined ? {} : { count }),
  });
}

/** `translateMessage` bound to one language. */
export function messagesIn(language: UiLanguage) {
  return (key: string, params?: MessageParams, count?: number) => translateMessage(language, key, params, count);
}
