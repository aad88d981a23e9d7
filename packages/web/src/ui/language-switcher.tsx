import { NativeSelect } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { LANGUAGES } from "../i18n/setup";
import { useLanguage } from "../lib/countries";

/** Changes every string at once; the choice is remembered and sets <html lang>. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  return (
    <NativeSelect
      aria-label={t("shell.language")}
      size="xs"
      value={language}
      onChange={(event) => void i18n.changeLanguage(event.currentTarget.value)}
      data={LANGUAGES.map((l) => ({ value: l.code, label: l.name }))}
      w={110}
    />
  );
}
