import { ISCED_FIELDS, iscedName } from "@conventio/domain";
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

/** Every ISCED-F field as a select option, "061 …", in the classification's order. */
export function useIscedOptions(): { value: string; label: string }[] {
  const nameOf = useIscedName();
  return useMemo(
    () => Object.keys(ISCED_FIELDS).map((code) => ({ value: code, label: `${code} ${nameOf(code)}` })),
    [nameOf],
  );
}
