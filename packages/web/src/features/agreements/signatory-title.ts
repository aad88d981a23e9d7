import { type LocalisedText, pickLocalised } from "@conventio/domain";

/**
 * A signatory's title or function in the reader's language. The title as printed is written in
 * the agreement's language; when only translations were recorded, the first stands for it.
 */
export function signatoryTitle(
  s: { title: string | null; titles: ReadonlyArray<LocalisedText> },
  agreementLanguage: string | null,
  reader: string,
): { text: string; lang: string | null } | null {
  if (s.title) return pickLocalised(s.title, agreementLanguage, s.titles, reader);
  const [first, ...others] = s.titles;
  return first ? pickLocalised(first.value, first.lang, others, reader) : null;
}
