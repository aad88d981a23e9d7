/** Minutes east of UTC of a time zone at an instant. */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/**
 * A wall-clock time typed for a place ("2026-09-20T14:00" in Europe/Paris) as an ISO instant with
 * that place's offset ("2026-09-20T14:00:00+02:00").
 */
export function zonedToIso(local: string, timeZone: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!match) return local;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  let offset = offsetMinutes(new Date(guess), timeZone);
  // Near a change of offset the first guess can be an hour out; one more step settles it.
  offset = offsetMinutes(new Date(guess - offset * 60_000), timeZone);
  const sign = offset >= 0 ? "+" : "-";
  const abs = Math.abs(offset);
  return `${local.slice(0, 16)}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** An instant as the wall-clock time of a place, for a datetime-local input. */
export function isoToZoned(iso: string, timeZone: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return "";
  const shifted = new Date(instant.getTime() + offsetMinutes(instant, timeZone) * 60_000);
  return shifted.toISOString().slice(0, 16);
}

/** The calendar day (YYYY-MM-DD) of an instant in a time zone. */
export function dayIn(iso: string, timeZone: string): string {
  return isoToZoned(iso, timeZone).slice(0, 10);
}

/** The name of a time zone at an instant in a language: "heure d’été d’Europe centrale", not "Europe/Paris". */
export function zoneName(lang: string, timeZone: string, at: Date): string {
  const parts = new Intl.DateTimeFormat(lang, { timeZone, timeZoneName: "long" }).formatToParts(at);
  return parts.find((p) => p.type === "timeZoneName")?.value ?? timeZone;
}
