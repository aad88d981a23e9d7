import { COUNTRY_CODES, countryName } from "@conventio/domain";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";

/** The current language's code, for Intl and for sorting. */
export function useLanguage(): string {
  const { i18n } = useTranslation();
  return i18n.resolvedLanguage ?? i18n.language ?? "en";
}

/** Country names in the current language, e.g. "JP" → "Japon" in French. */
export function useCountryName(): (code: string | null | undefined) => string {
  const language = useLanguage();
  return useMemo(() => {
    const names = new Intl.DisplayNames([language], { type: "region", fallback: "code" });
    return (code) => {
      if (!code) return "";
      try {
        return names.of(code) ?? code;
      } catch {
        return countryName(code, language);
      }
    };
  }, [language]);
}

/** Every ISO 3166-1 country as a select option, sorted by name in the current language. */
export function useCountryOptions(): { value: string; label: string }[] {
  const language = useLanguage();
  const nameOf = useCountryName();
  return useMemo(() => {
    const collator = new Intl.Collator(language);
    return COUNTRY_CODES.map((code) => ({ value: code, label: nameOf(code) })).sort((a, b) =>
      collator.compare(a.label, b.label),
    );
  }, [language, nameOf]);
}

/** Language names in the current language, e.g. "sv" → "suédois" in French. */
export function useLanguageName(): (code: string) => string {
  const language = useLanguage();
  return useMemo(() => {
    const names = new Intl.DisplayNames([language], { type: "language", fallback: "code" });
    return (code) => {
      try {
        return names.of(code) ?? code;
      } catch {
        return code;
      }
    };
  }, [language]);
}
