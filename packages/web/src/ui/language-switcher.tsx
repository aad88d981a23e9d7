import { UI_LANGUAGES, type UiLanguage } from "@conventio/domain";
import { NativeSelect } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { LANGUAGES } from "../i18n/setup";
import { api } from "../lib/api";
import { useLanguage } from "../lib/countries";
import { storeSession, useSession } from "../lib/session";

const isUiLanguage = (code: string): code is UiLanguage => (UI_LANGUAGES as readonly string[]).includes(code);

/**
 * Signed in, the language on screen becomes the account's language, so the e-mails Conventio
 * sends that person are written in it too.
 */
function useAccountLanguage(language: string) {
  const session = useSession();
  const { user } = session;
  useEffect(() => {
    if (!user || user.language === language || !isUiLanguage(language)) return;
    api.me
      .setPreferences({ language })
      .then((updated) => storeSession({ ...session, user: updated }))
      // Not saved now, tried again on the next page load; the screen is in the right language anyway.
      .catch(() => undefined);
  }, [user, language, session]);
}

/**
 * Changes every string at once. The choice is remembered, sets <html lang> and is sent to the
 * server as a cookie, so feeds and PDFs opened directly come in it too (i18n/setup.ts). What the
 * server sent is read again: titles and names come in the language it read from that cookie.
 */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const language = useLanguage();
  useAccountLanguage(language);
  return (
    <NativeSelect
      aria-label={t("shell.language")}
      size="xs"
      value={language}
      onChange={(event) =>
        void i18n.changeLanguage(event.currentTarget.value).then(() => queryClient.invalidateQueries())
      }
      data={LANGUAGES.map((l) => ({ value: l.code, label: l.name }))}
      w={110}
    />
  );
}
