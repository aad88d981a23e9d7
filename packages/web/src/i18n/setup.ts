import { addTranslateFormat, MESSAGE_CATALOGUES, READER_LANGUAGE_COOKIE } from "@conventio/domain";
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import en from "./en.json";
import fr from "./fr.json";
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

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * What the browser fetches without the app (feeds, PDFs, public API links) carries no `?lang=`,
 * so the server reads the reader's choice from this cookie.
 */
function storeLanguageCookie(language: string): void {
  const secure = window.location.protocol === "https:" ? "; Secure" : "";
  // biome-ignore lint/suspicious/noDocumentCookie: one plain cookie; the Cookie Store API is not in every supported browser.
  document.cookie = `${READER_LANGUAGE_COOKIE}=${encodeURIComponent(language)}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Lax${secure}`;
}

function applyLanguage(language: string): void {
  document.documentElement.lang = language;
  storeLanguageCookie(language);
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // See readStoredLanguage.
  }
}

// init() announces its language through languageChanged too, so this also runs at start-up.
i18n.on("languageChanged", applyLanguage);

void i18n.use(initReactI18next).init({
  resources: {
    // The "messages" namespace translates the server's and the schemas' messages, keyed by their English template.
    en: { translation: en, messages: MESSAGE_CATALOGUES.en },
    fr: { translation: fr, messages: MESSAGE_CATALOGUES.fr },
    sv: { translation: sv, messages: MESSAGE_CATALOGUES.sv },
  },
  lng: initialLanguage(),
  fallbackLng: "en",
  supportedLngs: LANGUAGES.map((l) => l.code),
  interpolation: { escapeValue: false },
  showSupportNotice: false,
});
addTranslateFormat(i18n);

export { i18n };
