import type { UiLanguage } from "@conventio/domain";
import { createInstance, type i18n as I18n } from "i18next";
import { initReactI18next } from "react-i18next";
import en from "../i18n/en.json";
import fr from "../i18n/fr.json";
import sv from "../i18n/sv.json";

const instances = new Map<UiLanguage, I18n>();

/**
 * One translator per language for server rendering, made once and shared by every request:
 * pages never change its language, so concurrent renders in different languages do not meet.
 * The strings are the web app's own, so the public pages and the staff app name things alike.
 */
export function siteI18n(lang: UiLanguage): I18n {
  const existing = instances.get(lang);
  if (existing) return existing;
  const instance = createInstance();
  void instance.use(initReactI18next).init({
    resources: { en: { translation: en }, fr: { translation: fr }, sv: { translation: sv } },
    lng: lang,
    fallbackLng: "en",
    interpolation: { escapeValue: false },
    initAsync: false,
    showSupportNotice: false,
  });
  instances.set(lang, instance);
  return instance;
}
