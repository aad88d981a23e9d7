import { UI_LANGUAGES, type UiLanguage } from "./auth.js";

export interface LocalisedText {
  lang: string;
  value: string;
}

/** A text with the language it is written in, so a page can set `lang` on it; null when unknown. */
interface Shown {
  text: string;
  lang: string | null;
}

const primary = (tag: string) => tag.toLowerCase().split("-")[0] ?? "";

export function isUiLanguage(value: string | null | undefined): value is UiLanguage {
  return (UI_LANGUAGES as readonly string[]).includes(value ?? "");
}

/**
 * The version of a text in the reader's language when one exists, else the original with its
 * language. "en-GB" is read as "en"; an original whose language is the reader's wins over a
 * translation into the same language.
 */
export function pickLocalised(
  original: string,
  originalLang: string | null,
  translations: ReadonlyArray<LocalisedText>,
  reader: string,
): Shown {
  const want = primary(reader);
  if (originalLang && primary(originalLang) === want) return { text: original, lang: originalLang };
  const match = translations.find((t) => primary(t.lang) === want);
  if (match) return { text: match.value, lang: match.lang };
  return { text: original, lang: originalLang };
}

/** The cookie in which the web app keeps the reader's language choice, for the server to read. */
export const READER_LANGUAGE_COOKIE = "conventio_lang";

/**
 * The reader's language for a public page or the public API: `?lang=` first, then the choice
 * the reader made in the web app, then the browser's Accept-Language, else English.
 */
export function readerLanguage(sources: {
  query?: string | null | undefined;
  choice?: string | null | undefined;
  acceptLanguage?: string | null | undefined;
}): UiLanguage {
  for (const candidate of [sources.query, sources.choice]) {
    const lang = candidate ? primary(candidate) : null;
    if (isUiLanguage(lang)) return lang;
  }
  for (const lang of acceptedLanguages(sources.acceptLanguage ?? "")) {
    if (isUiLanguage(lang)) return lang;
  }
  return "en";
}

/** Primary language subtags of an Accept-Language header, most wanted first (RFC 9110 q-values). */
export function acceptedLanguages(header: string): string[] {
  return header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number.parseFloat(q.slice(2)) : 1;
      return { tag: primary(tag.trim()), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((e) => e.tag && e.tag !== "*" && e.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map((e) => e.tag);
}
