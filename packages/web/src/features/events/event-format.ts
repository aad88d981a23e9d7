import type { Audience, EventView } from "@conventio/domain";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useLanguage } from "../../lib/countries";
import { zoneName } from "../../lib/time-zone";

/** An event's time as read at its place, with the zone named: "20 Sept 2026, 14:00 (Central European Summer Time)". */
export function useFormatEventTime(): (event: Pick<EventView, "startsAt" | "endsAt" | "timeZone">) => string {
  const language = useLanguage();
  return useMemo(
    () => (e) => {
      const f = new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short", timeZone: e.timeZone });
      // formatRange writes a same-day event once: "3 Dec 2026, 14:00–16:30".
      const when = e.endsAt ? f.formatRange(new Date(e.startsAt), new Date(e.endsAt)) : f.format(new Date(e.startsAt));
      return `${when} (${zoneName(language, e.timeZone, new Date(e.startsAt))})`;
    },
    [language],
  );
}

/** Who an event is for, as a phrase of the reader's language: "Students, Researchers and Alumni". */
export function useFormatAudiences(): (audiences: readonly Audience[]) => string {
  const { t } = useTranslation();
  const language = useLanguage();
  return useMemo(() => {
    const list = new Intl.ListFormat(language, { type: "conjunction" });
    return (audiences) => list.format(audiences.map((a) => t(`audiences.${a}`)));
  }, [language, t]);
}
