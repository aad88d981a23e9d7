import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useLanguage } from "./countries";

/** Dates (YYYY-MM-DD, or YYYY-MM and YYYY when that is all that is known) and instants in the current language. */
export function useFormatDate(): (value: string | null | undefined, withTime?: boolean) => string {
  const language = useLanguage();
  return useMemo(() => {
    const date = new Intl.DateTimeFormat(language, { dateStyle: "medium", timeZone: "UTC" });
    const month = new Intl.DateTimeFormat(language, { month: "long", year: "numeric", timeZone: "UTC" });
    const dateTime = new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" });
    return (value, withTime = false) => {
      if (!value) return "";
      // Dates known only to the year or the month are shown as written: "2002", "June 2017".
      if (/^\d{4}$/.test(value)) return value;
      if (/^\d{4}-\d{2}$/.test(value)) return month.format(new Date(`${value}-01T00:00:00Z`));
      const parsed = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
      if (Number.isNaN(parsed.getTime())) return value;
      return withTime ? dateTime.format(parsed) : date.format(parsed);
    };
  }, [language]);
}

const PARTIAL = /^\d{4}(-\d{2})?$/;

/** A period held or in force: "since 1 Apr 2022", "until …", "… – …", or "no dates". */
export function useFormatPeriod(): (since: string | null, until: string | null) => string {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  return (since, until) => {
    if (since && until) return t("period.between", { since: formatDate(since), until: formatDate(until) });
    // "depuis le 3 juin 2017" but "depuis juin 2017", "jusqu'en 2002": a date known to the month or year reads differently.
    if (since) return t(PARTIAL.test(since) ? "facts.since" : "period.since", { since: formatDate(since) });
    if (until) return t(PARTIAL.test(until) ? "facts.until" : "period.until", { until: formatDate(until) });
    return t("period.none");
  };
}
