import { z } from "zod";
import { UI_LANGUAGES, type UiLanguage } from "./auth.js";

export interface LocalisedText {
  lang: string;
  value: string;
}

/** A text with the language it is written in, so a page can set `lang` on it; null when unknown. */
export const ShownText = z.object({
  text: z.string(),
  lang: z.string().nullable().describe("The language the text is shown in; null when unknown"),
});
export type ShownText = z.infer<typeof ShownText>;

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
): ShownText {
  const want = primary(reader);
  if (originalLang && primary(originalLang) === want) return { text: original, lang: originalLang };
  const match = translations.find((t) => primary(t.lang) === want);
  if (match) return { text: match.value, lang: match.lang };
  return { text: original, lang: originalLang };
}

/**
 * An organisation's name in the reader's language. The primary name has no language column of
 * its own: its language is the one the names list gives the same text, when it lists it.
 */
export function shownOrganisationName(
  o: { name: string; names: ReadonlyArray<LocalisedText> },
  reader: string,
): ShownText {
  const own = o.names.find((n) => n.value === o.name)?.lang ?? null;
  return pickLocalised(o.name, own, o.names, reader);
}

/** An agreement's title in the reader's language; `language` is the one the title is written in. */
export function shownAgreementTitle(
  a: { title: string; language: string | null; titles: ReadonlyArray<LocalisedText> },
  reader: string,
): ShownText {
  return pickLocalised(a.title, a.language, a.titles, reader);
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
