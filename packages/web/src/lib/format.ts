import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useLanguage } from "./countries";

/** Dates (YYYY-MM-DD) and instants in the current language. */
export function useFormatDate(): (value: string | null | undefined, withTime?: boolean) => string {
  const language = useLanguage();
  return useMemo(() => {
    const date = new Intl.DateTimeFormat(language, { dateStyle: "medium", timeZone: "UTC" });
    const dateTime = new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" });
    return (value, withTime = false) => {
      if (!value) return "";
      const parsed = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
      if (Number.isNaN(parsed.getTime())) return value;
      return withTime ? dateTime.format(parsed) : date.format(parsed);
    };
  }, [language]);
}

/** A period held or in force: "since 1 Apr 2022", "until …", "… – …", or "no dates". */
export function useFormatPeriod(): (since: string | null, until: string | null) => string {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  return (since, until) => {
    if (since && until) return t("period.between", { since: formatDate(since), until: formatDate(until) });
    if (since) return t("period.since", { since: formatDate(since) });
    if (until) return t("period.until", { until: formatDate(until) });
    return t("period.none");
  };
}
