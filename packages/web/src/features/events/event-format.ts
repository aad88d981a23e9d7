import type { EventView } from "@conventio/domain";
import { useMemo } from "react";
import { useLanguage } from "../../lib/countries";

/** An event's time as read at its place, with the zone named: "20 Sept 2026, 14:00 (Europe/Paris)". */
export function useFormatEventTime(): (event: Pick<EventView, "startsAt" | "endsAt" | "timeZone">) => string {
  const language = useLanguage();
  return useMemo(
    () => (e) => {
      const f = new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short", timeZone: e.timeZone });
      const start = f.format(new Date(e.startsAt));
      const end = e.endsAt ? ` – ${f.format(new Date(e.endsAt))}` : "";
      return `${start}${end} (${e.timeZone})`;
    },
    [language],
  );
}
