import type { EventView } from "@conventio/domain";
import { useMemo } from "react";
import { zoneName } from "../lib/time-zone";
import { useSite } from "./site-context";

/** An event's time as read at its place, with the zone's name: "20 Sept 2026, 14:00–16:00 (Central European Summer Time)". */
export function useEventTime(): (e: Pick<EventView, "startsAt" | "endsAt" | "timeZone">) => string {
  const { lang } = useSite();
  return useMemo(
    () => (e) => {
      const start = new Date(e.startsAt);
      const f = new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "short", timeZone: e.timeZone });
      const when = e.endsAt ? f.formatRange(start, new Date(e.endsAt)) : f.format(start);
      return `${when} (${zoneName(lang, e.timeZone, start)})`;
    },
    [lang],
  );
}
