import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import en from "./en.json";
import fr from "./fr.json";
import messagesFr from "./messages.fr.json";
import messagesSv from "./messages.sv.json";
import sv from "./sv.json";

export const LANGUAGES = [
  { code: "en", name: "English" },
  { code: "fr", name: "Français" },
  { code: "sv", name: "Svenska" },
] as const;
export type Language = (typeof LANGUAGES)[number]["code"];

const STORAGE_KEY = "conventio.language";

function isLanguage(value: string | null): value is Language {
  return LANGUAGES.some((l) => l.code === value);
}

/** The stored choice, else the browser's first supported language, else English. */
function initialLanguage(): Language {
  const stored = readStoredLanguage();
  if (isLanguage(stored)) return stored;
  for (const tag of navigator.languages ?? []) {
    const base = tag.slice(0, 2).toLowerCase();
    if (isLanguage(base)) return base;
  }
  return "en";
}

function readStoredLanguage(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage can be blocked (privacy settings); the app still works, just without remembering.
    return null;
  }
}

function applyLanguage(language: string): void {
  document.documentElement.lang = language;
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // See readStoredLanguage.
  }
}

i18n.on("languageChanged", applyLanguage);

void i18n.use(initReactI18next).init({
  resources: {
    // The "messages" namespace translates the server's and the schemas' English messages, keyed by their text.
    en: { translation: en },
    fr: { translation: fr, messages: messagesFr },
    sv: { translation: sv, messages: messagesSv },
  },
  lng: initialLanguage(),
  fallbackLng: "en",
  supportedLngs: LANGUAGES.map((l) => l.code),
  interpolation: { escapeValue: false },
});

export { i18n };
