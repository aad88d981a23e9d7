import type { EventView } from "@conventio/domain";
import { useMemo } from "react";
import { useSite } from "./site-context";

/** The name of a time zone at an instant in the reader's language: "heure d’été d’Europe centrale". */
export function zoneName(lang: string, timeZone: string, at: Date): string {
  const parts = new Intl.DateTimeFormat(lang, { timeZone, timeZoneName: "long" }).formatToParts(at);
  return parts.find((p) => p.type === "timeZoneName")?.value ?? timeZone;
}

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

/** The day an instant falls on at a place, YYYY-MM-DD. */
export function dayIn(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(instant),
  );
}
