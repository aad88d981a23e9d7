import { MESSAGE_LOOKUP, type MessageParams } from "@conventio/domain";
import { useTranslation } from "react-i18next";
import { i18n } from "../i18n/setup";

/**
 * A message from the server or a domain schema: the English sentence, and the catalogue key
 * (its English template) with the values for its placeholders when it was filled from one.
 */
export interface Message {
  text: string;
  key?: string | null | undefined;
  params?: MessageParams | undefined;
}

/** True when the catalogues hold this English template; the French catalogue is the reference list. */
export function isKnownMessage(key: string): boolean {
  return i18n.exists(key, { ...MESSAGE_LOOKUP, lng: "fr", fallbackLng: false });
}

/**
 * Shows messages in the reader's language: the catalogue's sentence for the key with its values
 * filled in, or the English sentence as sent when the catalogue does not know the key.
 */
export function useMessage(): (message: Message) => string {
  const { t } = useTranslation(MESSAGE_LOOKUP.ns);
  return ({ text, key, params }) => t(key ?? text, { ...MESSAGE_LOOKUP, replace: params ?? {}, defaultValue: text });
}
