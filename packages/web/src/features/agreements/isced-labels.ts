import { ISCED_CODES, iscedName } from "@conventio/domain";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";

/**
 * ISCED-F field names in the reader's language. The API sends each field's English name, but the
 * code is what identifies it, so the page names it from the code.
 */
export function useIscedName(): (code: string) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => (code: string) => iscedName(code, language), [language]);
}

/** Every ISCED-F field as a select option, "061 …", sorted by code and named in the reader's language. */
export function useIscedOptions(): { value: string; label: string }[] {
  const nameOf = useIscedName();
  return useMemo(() => ISCED_CODES.map((code) => ({ value: code, label: `${code} ${nameOf(code)}` })), [nameOf]);
}
